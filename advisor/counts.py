"""Anonymous counts: how many borrowers reach and finish each step, and nothing about who.

What is counted, per day: a view (GET answered 200) or a completion (POST answered with a
redirect, or by htmx with the next page itself: then that page's view too) of each page of a journey declared in ``PAGES`` (every question of the check is a
step of its own, named by its slug from ``check_steps.STEPS``), every document or letter
made or downloaded (a response that is an attachment), and the events a view names itself
(``add``: the door checklist's verdicts, court-deadline calculations). Nothing else: no
session key, no address, no user agent, no time finer than a day, nothing that ties two
counts to one borrower. The "was this clear?" and "what happened later?" answers are counts
too (``ClarityCount``, ``OutcomeCount``), written through the same buffer.

Counting costs a page almost nothing: ``add`` only adds one to a number in this process's
memory; once every ``COUNTS_FLUSH_SECONDS`` the request that notices writes what gathered
(one ``UPDATE … SET n = n + k`` per distinct count, in one transaction). A database failure
while writing loses those counts, never the page. Counts still in memory when a process
stops are lost too (at most a flush interval's worth).
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import DatabaseError, IntegrityError, models, transaction
from django.http import HttpRequest, HttpResponse

from advisor import check_steps, content, faults
from advisor.http import SHOWN_REQUEST
from advisor.models import StepCount, today

# URL name → (journey, step). A step with "{slug}" in it is named by the URL's ``slug`` (check
# questions, letters), counted only when the journey's ``SLUG_STEPS`` rule accepts the slug.
PAGES: dict[str, tuple[str, str]] = {
    "advisor-check-start": ("check", "start"),
    "advisor-check-step": ("check", "{slug}"),
    "advisor-check-answers": ("check", "answers"),
    "advisor-check-result": ("check", "result"),
    "advisor-check-save": ("check", "save"),
    "advisor-plan": ("plan", "start"),
    "advisor-plan-budget": ("plan", "budget"),
    "advisor-plan-shortfall": ("plan", "shortfall"),
    "advisor-plan-debts": ("plan", "debts"),
    "advisor-plan-debt-add": ("plan", "debt-add"),
    "advisor-plan-result": ("plan", "result"),
    "advisor-plan-summary": ("plan", "summary"),
    "advisor-plan-pdf": ("plan", "plan-pdf"),
    "advisor-plan-months-pdf": ("plan", "plan-months-pdf"),
    "advisor-plan-summary-pdf": ("plan", "summary-pdf"),
    "advisor-plan-ics": ("plan", "calendar"),
    "advisor-letters": ("letters", "index"),
    "advisor-letter-gate": ("letters", "{slug}"),
    "advisor-letter-write": ("letters", "{slug}:write"),
    "advisor-visitor": ("door", "checklist"),
    "advisor-visitor-result": ("door", "result"),
    "advisor-door-card": ("door", "card"),
    "advisor-door-card-pdf": ("door", "card-pdf"),
    "advisor-scam": ("scam", "checklist"),
    "advisor-scam-result": ("scam", "result"),
    "advisor-evidence-pdf": ("evidence", "summary-pdf"),
    "advisor-papers": ("papers", "papers"),
    "advisor-papers-ics": ("papers", "calendar"),
}
SLUG_LONGEST = 60

VIEW, DONE, MADE = "view", "done", "made"


def _check_step(slug: str) -> bool:
    return slug in check_steps.SLUGS


def _letter(slug: str) -> bool:
    return len(slug) <= SLUG_LONGEST and check_steps.SLUG.match(slug) is not None


SLUG_STEPS: dict[str, Callable[[str], bool]] = {"check": _check_step, "letters": _letter}

Key = tuple[type[models.Model], tuple[tuple[str, str], ...]]
_pending: Counter[Key] = Counter()
_lock = threading.Lock()
_flushed_at = {"at": time.monotonic()}


def add(model: type[models.Model], **fields: Any) -> None:
    """One more of the count ``model(**fields)``, kept in memory until the next flush."""
    key = (model, tuple(sorted((name, str(value)) for name, value in fields.items())))
    with _lock:
        _pending[key] += 1


def step(journey: str, name: str, event: str) -> None:
    """One more ``event`` of the step ``name`` of ``journey``, today."""
    add(StepCount, day=today(), journey=journey, step=name, event=event)


def flush() -> None:
    """Write what gathered in memory; on a database failure it is lost, and logged once."""
    with _lock:
        taken = dict(_pending)
        _pending.clear()
        _flushed_at["at"] = time.monotonic()
    if not taken:
        return
    try:
        with transaction.atomic():
            for (model, fields), more in taken.items():
                _write(model, dict(fields), more)
    except DatabaseError as exc:
        faults.report("counts", exc, what="flush")


def _write(model: type[models.Model], fields: dict[str, str], more: int) -> None:
    rows = model._default_manager.filter(**fields)
    if rows.update(n=models.F("n") + more):
        return
    try:
        with transaction.atomic():
            model._default_manager.create(**fields, n=more)
    except IntegrityError:  # another process created it in between
        rows.update(n=models.F("n") + more)


def flush_if_due() -> None:
    """Write the counts when the interval is over, unless the database was just found down
    (then they wait in memory: a page must not wait for a connection timeout to count)."""
    if time.monotonic() - _flushed_at["at"] < settings.COUNTS_FLUSH_SECONDS:
        return
    if content.database_resting():
        return
    flush()


def reset() -> None:
    """Forget what is in memory (tests)."""
    with _lock:
        _pending.clear()
        _flushed_at["at"] = time.monotonic()


def page_event(request: HttpRequest, response: HttpResponse) -> tuple[str, str, str] | None:
    """(journey, step, event) this request counts as, or None."""
    match = getattr(request, "resolver_match", None)
    if match is None or not match.url_name:
        return None
    attachment = "attachment" in response.headers.get("Content-Disposition", "")
    if match.url_name not in PAGES:
        # A document or image added later is counted before anyone declares it.
        if attachment and response.status_code == 200 and match.url_name.startswith("advisor-"):
            return "documents", match.url_name, MADE
        return None
    journey, name = PAGES[match.url_name]
    if "{slug}" in name:
        slug = str(match.kwargs.get("slug", ""))
        if not SLUG_STEPS[journey](slug):
            return None
        name = name.format(slug=slug)
    status = response.status_code
    if status == 200 and attachment:
        return journey, name, MADE
    if request.method == "GET" and status == 200:
        return journey, name, VIEW
    if request.method == "POST" and (300 <= status < 400 or _answered_with_next_page(response)):
        return journey, name, DONE
    return None


def _answered_with_next_page(response: HttpResponse) -> bool:
    """An accepted answer sent by htmx: the next page itself, its address pushed
    (``advisor.http.next_page``); a refused one stays put with ``HX-Push-Url: false``."""
    return response.status_code == 200 and response.get("HX-Push-Url", "false") != "false"


def events(request: HttpRequest, response: HttpResponse) -> list[tuple[str, str, str]]:
    """What one request counts as: its own page, and the page an accepted htmx answer
    showed in place of a redirect (one request, but the borrower saw that page)."""
    found = [page_event(request, response)]
    shown = getattr(response, SHOWN_REQUEST, None)
    if isinstance(shown, HttpRequest):
        found.append(page_event(shown, response))
    return [event for event in found if event is not None]


class CountsMiddleware:
    """Counts each page of a journey (``page_event``) and writes the counts now and then."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        try:
            for event in events(request, response):
                step(*event)
            flush_if_due()
        except Exception as exc:  # a count is never worth a page, whatever went wrong
            faults.report("counts", exc, what="count")
        return response
