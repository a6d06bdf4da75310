"""Rendered HTML of the parts of a page that are the same for every borrower, kept per process.

A page such as the check result is mostly text an editor wrote: the collection timeline, facts
with their sources, fixed explanations. Rendering that through Django templates (one
``{% translate %}`` and one catalogue look-up per sentence, one include per source line) is
most of the page's CPU time, and it comes out the same for every reader of that language.
``{% fragment %}`` (advisor.templatetags.site) renders such a part once and serves the HTML
from this process's memory afterwards.

What makes a fragment safe to share:

- It is rendered in a context holding only the values passed to the tag, never the page's
  context: no request, no session, no CSRF token, nothing a view put there for one borrower.
- Those values may only be published content (saved rows of a content model, that is of an
  advisor.models.Sourced subclass, whose status is published), lists of them, None or
  True/False. Anything else is refused, so a borrower's answer can never become part of a key or of a cached fragment, and a draft
  never stands in for the published row. Rows come from advisor.content; a row edited in
  memory (an admin preview) must not be passed to a fragment.
- The key is the fragment's name, the language and those values (model and primary key);
  the store belongs to one content version (advisor.content.version: the generation number
  any editor's save moves, and the date, for validity windows). A new version empties it.
- When the database cannot be read, the version is unknown and fragments are rendered every
  time from the last-known-good content, as before; a Redis outage does not touch them.
- ``{% fragment "name" fixed %}`` is for a part built from the templates and the translation
  catalogue alone (the header, the footer): it is keyed by name and language only and never
  asks for the content version, so error pages that share the layout make no database read.
  A fixed fragment must not show content (facts, stages, {% crisis_line %}): it would not
  change when an editor does.

Nothing here is shared between processes and nothing outlives the process, so "erase my data"
has nothing to erase here.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from typing import Any

from django.db.models import Model
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from advisor import content, models

# Enough for every fragment of every page in three languages many times over; past it the
# store starts again (a safety bound, not a tuning knob).
MAX_ENTRIES = 4000
_store: dict[tuple[Any, ...], SafeString] = {}
_fixed: dict[tuple[str, str | None], SafeString] = {}
_state: dict[str, str | None] = {"version": None}
_lock = threading.Lock()


class NotContent(TypeError):
    """A fragment was given a value that is not published content."""


def _published(value: Any) -> bool:
    """A saved content row that borrowers may see (a draft or a preview is never kept)."""
    return (
        isinstance(value, models.Sourced)
        and value.pk is not None
        and getattr(value, "status", models.Status.PUBLISHED) == models.Status.PUBLISHED
    )


def _identity(name: str, value: Any) -> Any:
    if value is None or isinstance(value, bool):
        return value
    if _published(value):
        return (value._meta.label, value.pk)
    if isinstance(value, list | tuple) and all(_published(item) for item in value):
        return tuple((item._meta.label, item.pk) for item in value)
    kind = type(value).__name__
    if isinstance(value, Model):
        kind = value._meta.label
    raise NotContent(
        f"fragment value {name!r} is a {kind}: a fragment may only be given published "
        "content (content model rows or lists of them), None or True/False"
    )


def key(name: str, values: Mapping[str, Any]) -> tuple[Any, ...]:
    """The store key: name, language, and what each value is (never what it says)."""
    return (
        name,
        translation.get_language(),
        tuple(sorted((k, _identity(k, v)) for k, v in values.items())),
    )


def get_or_render(name: str, values: Mapping[str, Any], render: Callable[[], str]) -> SafeString:
    """The fragment's HTML from this process's store, rendering it on a miss."""
    found_key = key(name, values)  # refuses non-content values even when nothing is cached
    version = content.version()
    if version is None:
        return mark_safe(render())
    with _lock:
        if _state["version"] != version or len(_store) >= MAX_ENTRIES:
            _store.clear()
            _state["version"] = version
        html = _store.get(found_key)
    if html is not None:
        return html
    html = mark_safe(render())
    with _lock:
        if _state["version"] == version:
            _store[found_key] = html
    return html


def get_or_render_fixed(name: str, render: Callable[[], str]) -> SafeString:
    """A fragment made of templates and translations only: one per name and language."""
    found_key = (name, translation.get_language())
    html = _fixed.get(found_key)
    if html is None:
        html = _fixed[found_key] = mark_safe(render())
    return html


def clear() -> None:
    """Forget every fragment (tests)."""
    with _lock:
        _store.clear()
        _fixed.clear()
        _state["version"] = None
