""" "这一页清楚吗？" and "后来怎么样了？": what a borrower may tell us, kept only as counts.

Each form carries a signed, single-use ticket naming what it is about (the page and its
content version for "was this clear?"); the server trusts the ticket, never a field it could
be given instead. A ticket used once is remembered in the cache (by its random number only,
until it would expire anyway), so sending the same form again counts nothing more. Both
forms are rate-limited per address like the save-code forms (advisor.throttle).
"""

from __future__ import annotations

import secrets
import threading
from typing import TYPE_CHECKING

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from advisor import check_steps, content

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# URL name → the page's name in the counts; "{slug}" is the check question's slug.
CLEAR_PAGES: dict[str, str] = {
    "advisor-check-step": "check:{slug}",
    "advisor-check-result": "check:result",
    "advisor-visitor": "door:checklist",
    "advisor-visitor-result": "door:result",
    "advisor-papers": "papers",
    "advisor-plan-result": "plan:result",
}
# Pages that invite "tell us later what happened".
OUTCOME_INVITED = frozenset({"advisor-check-result", "advisor-check-start"})

_SALT = "advisor.feedback.ticket"
_LOCAL_LONGEST = 100_000
_local_used: set[str] = set()  # the cache's stand-in while it is down (per process)
_local_lock = threading.Lock()


def clear_page(request: HttpRequest) -> str:
    """This page's name for "was this clear?", or "" when it does not ask."""
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name not in CLEAR_PAGES:
        return ""
    name = CLEAR_PAGES[match.url_name]
    if "{slug}" in name:
        slug = str(match.kwargs.get("slug", ""))
        if slug not in check_steps.SLUGS:
            return ""
        name = name.format(slug=slug)
    return name


def content_generation() -> str:
    """The content's generation number (not the day); "" while the database is down."""
    version = content.version()
    return version.split(":", 1)[0] if version else ""


def ticket(about: str) -> str:
    """A signed single-use ticket for a form about ``about``."""
    return signing.dumps([about, secrets.token_urlsafe(12)], salt=_SALT, compress=False)


def ticket_lifetime() -> int:
    return int(settings.SESSION_COOKIE_AGE)


def open_ticket(value: str) -> tuple[str, str] | None:
    """(about, its random number) of a ticket this site signed and that has not expired."""
    try:
        about, number = signing.loads(value, salt=_SALT, max_age=ticket_lifetime())
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(about, str) or not isinstance(number, str):
        return None
    return about, number


def first_use(number: str) -> bool:
    """True the first time a ticket's number is used; False on every later use."""
    key = f"feedback:used:{number}"
    if getattr(cache, "is_down", bool)():
        with _local_lock:
            if key in _local_used:
                return False
            if len(_local_used) >= _LOCAL_LONGEST:
                _local_used.clear()
            _local_used.add(key)
            return True
    return bool(cache.add(key, 1, timeout=ticket_lifetime()))


# "What happened later?": each question and its answers, declared once (form, counts, dashboard).
# A visit's "how" is counted only with a visit that happened.
OUTCOME_QUESTIONS: dict[str, tuple[StrOrPromise, tuple[tuple[str, StrOrPromise], ...]]] = {
    "lender": (
        _("你找机构协商以后，机构怎么回应？"),
        (
            ("agreed", _("同意了（全部或一部分）")),
            ("refused", _("拒绝了")),
            ("no_answer", _("一直没有回复")),
        ),
    ),
    "visit": (
        _("后来有人上门催收吗？"),
        (("happened", _("有人上门了")), ("none", _("没有人上门"))),
    ),
    "visit_how": (
        _("如果有人上门，当时怎么样？"),
        (
            ("polite", _("说话客气，按规矩办事")),
            ("pressure", _("施加压力，但没有威胁")),
            ("threats", _("威胁、骚扰，或者不肯走")),
        ),
    ),
    "scam": (
        _("有没有人冒充催收、法院或“债务优化”来要钱？"),
        (("yes", _("有")), ("no", _("没有"))),
    ),
}
VISIT_HAPPENED = ("visit", "happened")
