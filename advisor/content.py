"""Reading editor-managed content for pages, cached.

Every page reads some content (the lender list, checklists, facts). Reads go through these
functions, which cache the published rows for the day. Any save or delete of a content model
bumps a generation number kept in the database (one row), and cached content is keyed by it.
Each process re-reads that number at most once a second, so an editor's change shows at once
in the process that made it and within a second in every other process or machine, whether
the cache is Redis or each process's own memory (see README, "Cache").

Last-known-good copy: every value read from the database is also kept in the process and in a
JSON file under CONTENT_SNAPSHOT_DIR (``None`` too: a withdrawn item is written as withdrawn).
When the database cannot be read, pages are built from that copy instead of failing, so the
home page, the door pages, rights and scam keep working during a database outage; a process
started during an outage reads the files. The files hold data only (Django's serialised rows,
never pickles), so a planted file cannot run code, and a row written before a migration is
read with its new fields at their defaults. A cache that fails is treated as a miss
(advisor.cache).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from django.conf import settings
from django.core import serializers
from django.core.cache import cache
from django.core.serializers.base import DeserializationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_save

from advisor import faults, models
from advisor.models import today

T = TypeVar("T")
# How long a process trusts the generation number it last read from the database.
GENERATION_SECONDS = 1.0
_memo: dict[str, float] = {"number": -1.0, "read_at": float("-inf")}
_memo_lock = threading.Lock()
# version() as last worked out, and when: asked by every fragment of every page.
_version: dict[str, Any] = {"value": None, "at": float("-inf")}


def _read_generation() -> int:
    number = models.ContentGeneration.objects.filter(pk=1).values_list("number", flat=True)
    return int(number.first() or 0)


def _remember(number: int) -> int:
    with _memo_lock:
        _memo["number"], _memo["read_at"] = float(number), time.monotonic()
        _version["at"] = float("-inf")
    return number


def forget_generation() -> None:
    """Read the generation from the database on the next content read (tests, after a rollback)."""
    with _memo_lock:
        _memo["number"], _memo["read_at"] = -1.0, float("-inf")
        _version["at"] = float("-inf")
    _fresh.clear()


def _generation() -> int:
    if time.monotonic() - _memo["read_at"] < GENERATION_SECONDS:
        return int(_memo["number"])
    return _remember(_read_generation())


# After a failed database read, content comes from the last-known-good copy for this long
# without asking the database again (one failed connection per process per interval, not
# one per content read).
DATABASE_RETRY_SECONDS = 2.0
_database_down_until = {"at": 0.0}
_last_good: dict[str, Any] = {}
# The value last read for each name, with the key it was read under: a page reading the lender
# list three times reads it once, not three times (and asks Redis once, not three times).
# Published content only, shared by requests the way the last-known-good copy already is.
_fresh: dict[str, tuple[str, Any]] = {}
_missing = object()


def forget_last_known() -> None:
    """Drop the in-process copy (tests; the files stay)."""
    _last_good.clear()
    _fresh.clear()
    _database_down_until["at"] = 0.0
    _remember(-1)
    _memo["read_at"] = float("-inf")


def _snapshot_path(name: str) -> Path:
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in name)
    return Path(settings.CONTENT_SNAPSHOT_DIR) / f"{safe}.json"


def _plain(value: Any) -> Any:
    """A content value (rows, lists and pairs of them, None) as JSON-ready data."""
    if isinstance(value, models.Sourced):
        return {"row": serializers.serialize("python", [value])[0]}
    if isinstance(value, tuple):
        return {"pair": [_plain(item) for item in value]}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def _rebuilt(data: Any) -> Any:
    if isinstance(data, list):
        return [_rebuilt(item) for item in data]
    if isinstance(data, dict) and "pair" in data:
        return tuple(_rebuilt(item) for item in data["pair"])
    if isinstance(data, dict) and "row" in data:
        (row,) = serializers.deserialize("python", [data["row"]], ignorenonexistent=True)
        return row.object
    return data


def _keep(name: str, value: Any) -> None:
    """Remember a value read from the database, in the process and in a file."""
    _last_good[name] = value
    folder = Path(settings.CONTENT_SNAPSHOT_DIR)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", dir=folder, delete=False, encoding="utf-8") as out:
            json.dump(_plain(value), out, cls=DjangoJSONEncoder, ensure_ascii=False)
        os.replace(out.name, _snapshot_path(name))
    except OSError as exc:  # a full or read-only disk must not break the page
        faults.report("snapshot", exc, what="write", level=logging.WARNING)
        with contextlib.suppress(OSError, NameError):
            os.unlink(out.name)


def _database_failed(exc: DatabaseError) -> None:
    """Content could not be read: leave the database alone for a moment, and report it."""
    _database_down_until["at"] = time.monotonic() + DATABASE_RETRY_SECONDS
    faults.report("database_read", exc, what="content")


def database_resting() -> bool:
    """True for a moment after content could not be read: other writers may wait too."""
    return time.monotonic() < _database_down_until["at"]


def _last_known(name: str, exc: DatabaseError) -> Any:
    """The last value read from the database, from memory or the snapshot file."""
    value = _last_good.get(name, _missing)
    if value is _missing:
        try:
            value = _rebuilt(json.loads(_snapshot_path(name).read_text(encoding="utf-8")))
        except (OSError, ValueError, LookupError, TypeError, DeserializationError):
            raise exc from None
        _last_good[name] = value
    return value


def invalidate(**_: Any) -> None:
    """Any content change: every process stops using what it cached before."""
    updated = models.ContentGeneration.objects.filter(pk=1).update(number=F("number") + 1)
    if not updated:
        try:
            with transaction.atomic():
                models.ContentGeneration.objects.create(pk=1, number=1)
        except IntegrityError:  # another process created it first
            models.ContentGeneration.objects.filter(pk=1).update(number=F("number") + 1)
    _remember(_read_generation())


def version() -> str | None:
    """The version of all published content for today: the generation number and the date.

    Anything built from content alone (advisor.fragments) is keyed by it. None while the
    database cannot be read: content then comes from the last-known-good copy, whose version
    is not known, so nothing should be kept against it.
    """
    now = time.monotonic()
    if now < _database_down_until["at"]:
        return None
    if now - _version["at"] < GENERATION_SECONDS:
        return str(_version["value"])
    try:
        number = _generation()
    except DatabaseError as exc:
        _database_failed(exc)
        return None
    value = f"{number}:{today().isoformat()}"
    with _memo_lock:  # trusted as long as the generation it was built from, no longer
        _version["value"], _version["at"] = value, _memo["read_at"]
    return value


def _cached(name: str, build: Callable[[], T]) -> T:
    if time.monotonic() < _database_down_until["at"] and name in _last_good:
        return _last_good[name]
    try:
        key = f"content:{_generation()}:{today().isoformat()}:{name}"
        kept = _fresh.get(name)
        if kept is not None and kept[0] == key:
            return kept[1]
        value = cache.get(key)
        if value is None:
            value = build()
            cache.set(key, value, timeout=3600)
            _keep(name, value)
        elif name not in _last_good:
            _last_good[name] = value
        _fresh[name] = (key, value)
    except DatabaseError as exc:
        _database_failed(exc)
        return _last_known(name, exc)
    return value


S = TypeVar("S", bound=models.Sourced)


def published(model: type[S], name: str = "") -> list[S]:
    """The published items of any content model, cached like every reader here.

    A new content model needs no reader of its own: ``content.published(models.NewThing)``.
    ``name`` keeps the cache and snapshot names the older readers had.
    """
    return _cached(name or f"published:{model.__name__}", lambda: list(model.objects.published()))


def facts(topic: str) -> list[models.Fact]:
    return _cached(
        f"facts:{topic}", lambda: list(models.Fact.objects.published().filter(topic=topic))
    )


def fact(slug: str) -> models.Fact | None:
    return _cached(
        f"fact:{slug}", lambda: models.Fact.objects.published().filter(slug=slug).first()
    )


def lenders() -> list[models.Lender]:
    return published(models.Lender, "lenders")


def lender(slug: str) -> models.Lender | None:
    return next((item for item in lenders() if item.slug == slug), None)


def help_channels() -> list[models.HelpChannel]:
    return published(models.HelpChannel, "channels")


def checklist(slug: str) -> tuple[models.Checklist | None, list[models.ChecklistItem]]:
    def build() -> tuple[models.Checklist | None, list[models.ChecklistItem]]:
        found = models.Checklist.objects.published().filter(slug=slug).first()
        if found is None:
            return None, []
        return found, list(found.items.published())

    return _cached(f"checklist:{slug}", build)


def stages() -> list[models.EscalationStage]:
    return published(models.EscalationStage, "stages")


def letter_templates() -> list[models.LetterTemplate]:
    return published(models.LetterTemplate, "letters")


def court_papers() -> list[models.CourtPaper]:
    return published(models.CourtPaper, "court-papers")


def collector_phrases() -> list[models.CollectorPhrase]:
    return published(models.CollectorPhrase, "phrases")


def estimate_version() -> models.EstimateVersion | None:
    return _cached(
        "estimate",
        lambda: models.EstimateVersion.objects.published().filter(is_active=True).first(),
    )


def threshold(slug: str) -> models.Threshold | None:
    """A published number the site sets itself (see ``models.Threshold``), or None."""
    return _cached(
        f"threshold:{slug}",
        lambda: models.Threshold.objects.published().filter(slug=slug).first(),
    )


def all_sourced() -> list[tuple[str, list[models.Sourced]]]:
    """Published items of every content model, for the sources page: (model name, items).

    The cached value holds the items only, keyed by model: the heading is put into words
    after the read, in the language of the request (a cached heading would stay in the
    language of whoever came first).
    """

    def build() -> list[tuple[str, list[models.Sourced]]]:
        return [
            (model._meta.label, list(model.objects.published()))
            for model in models.content_models()
            if model.on_sources_page
        ]

    by_model = {model._meta.label: model for model in models.content_models()}
    return [
        (str(by_model[label]._meta.verbose_name_plural), items)
        for label, items in _cached("all-sourced-by-model", build)
        if label in by_model
    ]


def _content_changed(sender: type, **kwargs: Any) -> None:
    # Every Sourced model, including any added later (history rows are not Sourced).
    if issubclass(sender, models.Sourced):
        invalidate(**kwargs)


post_save.connect(_content_changed, dispatch_uid="content-save")
post_delete.connect(_content_changed, dispatch_uid="content-delete")
