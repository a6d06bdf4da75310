"""Follow-through: per lender, the steps taken, the answer clock and the next step.

Kept like the evidence log, only encrypted under the save code (advisor.tracker); the rules
(clocks, ladder, next step) are in advisor.rules.tracker and the time limits and the ladder
are editor content (ComplaintClock, ComplaintRung). Plain forms (POST -> redirect -> GET).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from advisor import content, ics, session, tracker
from advisor.forms.tracker import KIND_TITLES, OTHER, LenderForm, StepForm
from advisor.http import attachment
from advisor.models import ComplaintClock, ComplaintRung, LenderKind, RungAudience
from advisor.pdf import pdf_response, render_pdf
from advisor.png import png_response, render_png
from advisor.rules import tracker as rules
from advisor.tracker import Followed
from advisor.views.savecode import code_once, restore, started

_AUDIENCE: dict[str, bool] = {RungAudience.SMALL_LOAN: True, RungAudience.NOT_SMALL_LOAN: False}


@dataclass(frozen=True)
class Row:
    """One lender as a page shows it."""

    followed: Followed
    standing: rules.Standing
    rung: ComplaintRung | None  # the rung to go to next (or the clock's rung)
    clock: ComplaintClock | None


def _clocks() -> dict[str, ComplaintClock]:
    return {item.starts: item for item in content.published(ComplaintClock)}


def _rungs() -> dict[str, ComplaintRung]:
    return {item.slug: item for item in content.published(ComplaintRung)}


def rule_clocks(found: dict[str, ComplaintClock]) -> list[rules.Clock]:
    return [
        rules.Clock(
            slug=item.slug,
            starts=item.starts,
            days=item.days,
            counting=rules.Counting(item.counting),
            longest_days=item.longest_days,
        )
        for item in found.values()
        if item.days
    ]


def answer_clocks() -> list[rules.Clock]:
    """The published answer clocks, for the rules (and for letters citing a deadline)."""
    return rule_clocks(_clocks())


def rule_ladder(found: dict[str, ComplaintRung], *, small_loan: bool) -> rules.Ladder:
    rungs = [
        rules.Rung(code=item.slug, order=item.order, small_loan=_AUDIENCE.get(item.audience))
        for item in found.values()
    ]
    return rules.Ladder.for_lender(rungs, small_loan=small_loan)


def rows(followed: list[Followed], *, today: dt.date) -> list[Row]:
    clocks, rungs = _clocks(), _rungs()
    pure_clocks = rule_clocks(clocks)
    found = []
    for item in followed:
        ladder = rule_ladder(rungs, small_loan=item.small_loan)
        standing = rules.where_it_stands(list(item.steps), pure_clocks, ladder, today=today)
        clock = clocks.get(standing.clock.starts) if standing.clock else None
        found.append(Row(item, standing, rungs.get(standing.rung), clock))
    return found


def _lender_choices() -> list[tuple[str, str]]:
    return [(item.slug, item.label) for item in content.lenders()]


def _followed(request: HttpRequest, lender_id: str) -> Followed:
    try:
        found = tracker.lenders(request)
    except tracker.NoTracker:
        raise Http404 from None
    item = next((f for f in found if f.id == lender_id), None)
    if item is None:
        raise Http404
    return item


# --- the at-a-glance page ------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def overview(request: HttpRequest) -> HttpResponse:
    if not tracker.has_tracker(request):
        had_code = bool(session.save_code(request))
        return render(request, "advisor/tracker/start.html", {"expired": had_code})
    form = LenderForm(request.POST or None, lenders=_lender_choices())
    if request.method == "POST" and form.is_valid():
        slug = form.cleaned_data["lender"]
        known = content.lender(slug) if slug != OTHER else None
        name = known.label if known else form.cleaned_data["name"].strip()
        small_loan = (
            known.kind == LenderKind.SMALL_LOAN if known else form.cleaned_data["small_loan"]
        )
        new_id = tracker.add_lender(
            request, name=name, lender=known.slug if known else "", small_loan=small_loan
        )
        return redirect("advisor-tracker-lender", lender_id=new_id)
    today = timezone.localdate()
    context = {"rows": rows(tracker.lenders(request), today=today), "form": form, "today": today}
    return render(request, "advisor/tracker/overview.html", context)


@require_POST
def start(request: HttpRequest) -> HttpResponse:
    new_code = tracker.start(request)
    return started(request, new_code, here="advisor-tracker", code_page="advisor-tracker-code")


@never_cache
@require_safe
def code(request: HttpRequest) -> HttpResponse:
    """Shows the save code once, right after it was made."""
    return code_once(request, back="advisor-tracker")


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def open_code(request: HttpRequest) -> HttpResponse:
    return restore(
        request,
        template="advisor/door/evidence_open.html",
        context={"back_url": reverse("advisor-tracker")},
        opened=lambda _request, _bundle: reverse("advisor-tracker"),
    )


# --- one lender ----------------------------------------------------------------------------


@never_cache
@require_safe
def lender(request: HttpRequest, lender_id: str) -> HttpResponse:
    item = _followed(request, lender_id)
    today = timezone.localdate()
    (row,) = rows([item], today=today)
    context = {
        "row": row,
        "kinds": [(str(kind), title) for kind, title in KIND_TITLES.items()],
        "ladder": [
            rung
            for code_ in rule_ladder(_rungs(), small_loan=item.small_loan).codes
            if (rung := _rungs().get(code_))
        ],
        "today": today,
    }
    return render(request, "advisor/tracker/lender.html", context)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def add_step(request: HttpRequest, lender_id: str, kind: str) -> HttpResponse:
    item = _followed(request, lender_id)
    try:
        step_kind = rules.Kind(kind)
    except ValueError:
        raise Http404 from None
    form = StepForm(request.POST or None, kind=step_kind)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        stopped = data.get("interest_stopped")
        step = rules.Step(
            id=tracker.new_id(),
            kind=step_kind,
            day=data["day"],
            how=data.get("how", ""),
            reference=data.get("reference", ""),
            to=data.get("to", ""),
            said=data.get("said", ""),
            months=data.get("months"),
            monthly=data.get("monthly"),
            interest_stopped=None if stopped in (None, "unknown") else stopped == "yes",
            first_due=data.get("first_due"),
            amount=data.get("amount"),
            note=data.get("note", ""),
        )
        tracker.add_step(request, item.id, step)
        return redirect("advisor-tracker-lender", lender_id=item.id)
    context = {"followed": item, "form": form, "title": KIND_TITLES[step_kind], "kind": kind}
    return render(request, "advisor/tracker/step.html", context)


@require_POST
def delete_step(request: HttpRequest, lender_id: str, step_id: str) -> HttpResponse:
    item = _followed(request, lender_id)
    tracker.remove_step(request, item.id, step_id)
    return redirect("advisor-tracker-lender", lender_id=item.id)


@require_POST
def delete_lender(request: HttpRequest, lender_id: str) -> HttpResponse:
    item = _followed(request, lender_id)
    tracker.remove_lender(request, item.id)
    return redirect("advisor-tracker")


# --- outputs: reminders, PDF, image ---------------------------------------------------------


def next_words(row: Row) -> str:
    """The next action in one line, for calendars (the pages say it in their templates)."""
    standing, rung = row.standing, row.rung
    target = rung.label if rung else ""
    words = {
        rules.Next.WRITE: gettext("给机构写协商信"),
        rules.Next.WAIT: gettext("等机构答复"),
        rules.Next.ESCALATE: gettext("可以升级投诉：%(rung)s") % {"rung": target},
        rules.Next.SEND_DOCUMENTS: gettext("补交机构要的材料"),
        rules.Next.GET_IN_WRITING: gettext("请机构把同意的方案写成书面协议"),
        rules.Next.PAY: gettext("按协议还款"),
        rules.Next.DONE: gettext("协议的每一期都记下了"),
        rules.Next.FOLLOW_UP: gettext("跟进投诉的处理进度"),
    }
    return words[standing.next]


def reminder_calendar(found: list[Row], *, today: dt.date, stamp: dt.datetime) -> bytes:
    cal = ics.new_calendar("Follow-through", gettext("跟进提醒"))
    for row in found:
        for reminder in rules.reminders(row.followed.id, row.standing, today=today):
            clock = row.standing.clock
            if reminder.next == rules.Next.WAIT and clock is not None and clock.starts == "letter":
                summary = gettext("%(name)s：建议等待答复到今天") % {"name": row.followed.name}
            elif reminder.next == rules.Next.WAIT:
                summary = gettext("%(name)s 应在今天之前答复") % {"name": row.followed.name}
            elif reminder.next == rules.Next.PAY:
                summary = gettext("%(name)s：按协议还款") % {"name": row.followed.name}
            else:
                rung = _rungs().get(reminder.rung)
                summary = gettext("%(name)s：从今天起可以升级投诉（%(rung)s）") % {
                    "name": row.followed.name,
                    "rung": rung.label if rung else "",
                }
            ics.add_event(
                cal,
                uid=f"tracker-{reminder.uid}",
                day=reminder.day,
                summary=summary,
                description=row.clock.t("rule") if row.clock else next_words(row),
                stamp=stamp,
                remind_days_before=(rules.REMIND_DAYS_BEFORE,),
            )
    return cal.to_ical()


def _all_rows(request: HttpRequest) -> list[Row]:
    try:
        found = tracker.lenders(request)
    except tracker.NoTracker:
        raise Http404 from None
    return rows(found, today=timezone.localdate())


@never_cache
@require_safe
def reminders_ics(request: HttpRequest) -> HttpResponse:
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    data = reminder_calendar(_all_rows(request), today=timezone.localdate(), stamp=stamp)
    return attachment(data, "follow-up-reminders.ics", "text/calendar; charset=utf-8")


def _document_context(request: HttpRequest) -> dict[str, Any]:
    return {"rows": _all_rows(request), "printed_on": timezone.localdate()}


@never_cache
@require_safe
def record_pdf(request: HttpRequest) -> HttpResponse:
    pdf = render_pdf("pdf/tracker.html", _document_context(request), request)
    return pdf_response(pdf, "follow-up-record.pdf")


@never_cache
@require_safe
def record_png(request: HttpRequest) -> HttpResponse:
    return png_response(render_png("pdf/tracker.html", _document_context(request), request))


urlpatterns = [
    path("follow-up/", overview, name="advisor-tracker"),
    path("follow-up/start/", start, name="advisor-tracker-start"),
    path("follow-up/code/", code, name="advisor-tracker-code"),
    path("follow-up/open/", open_code, name="advisor-tracker-open"),
    path("follow-up/reminders.ics", reminders_ics, name="advisor-tracker-ics"),
    path("follow-up/record.pdf", record_pdf, name="advisor-tracker-pdf"),
    path("follow-up/record.png", record_png, name="advisor-tracker-png"),
    path("follow-up/<slug:lender_id>/", lender, name="advisor-tracker-lender"),
    path("follow-up/<slug:lender_id>/remove/", delete_lender, name="advisor-tracker-remove"),
    path("follow-up/<slug:lender_id>/add/<slug:kind>/", add_step, name="advisor-tracker-add-step"),
    path(
        "follow-up/<slug:lender_id>/<slug:step_id>/delete/",
        delete_step,
        name="advisor-tracker-delete-step",
    ),
]
