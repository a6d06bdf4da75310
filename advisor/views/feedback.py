"""What a borrower may tell us: "was this page clear?" and, later, "what happened?".

Both are plain forms (htmx, when there, swaps the answer in place). Each submission is
rate-limited per address first (advisor.throttle), then needs a ticket this site signed and
that was not used before (advisor.feedback); only then does it add one to the counts
(advisor.counts). Nothing else is kept: no session data, no save-code data, no text.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from advisor import check_answers, check_steps, counts, feedback, throttle
from advisor.check_answers import DebtAnswers
from advisor.forms.feedback import ClearForm, OutcomeForm
from advisor.http import HtmxHttpRequest
from advisor.models import ClarityCount, OutcomeCount
from advisor.rules import estimate
from advisor.views.savecode import restore, slow_down

CLEAR, OUTCOME = "clear", "outcome"


def clear_ticket(page: str, back: str) -> str:
    return feedback.ticket(f"{CLEAR}|{page}|{feedback.content_generation()}|{back}")


def _slow_down(request: HttpRequest) -> HttpResponse:
    return slow_down(request, "advisor/feedback/slow_down.html")


def _not_counted(request: HttpRequest) -> HttpResponse:
    """A form this site did not give out, or one too old: nothing is counted."""
    return render(request, "advisor/feedback/not_counted.html", status=400)


@require_POST
def clear(request: HtmxHttpRequest) -> HttpResponse:
    if not throttle.allow(request, "feedback"):
        return _slow_down(request)
    opened = feedback.open_ticket(request.POST.get("ticket", ""))
    parts = opened[0].split("|", 3) if opened else []
    if opened is None or len(parts) != 4 or parts[0] != CLEAR:
        return _not_counted(request)
    _kind, page, version, back = parts
    form = ClearForm(request.POST)
    if not form.is_valid():
        context = {
            "form": form,
            "back": back,
            "action": reverse("advisor-clear"),
            "title": _("这一页清楚吗？"),
            "button": _("告诉我们"),
        }
        return render(request, "advisor/feedback/clear.html", context)
    if feedback.first_use(opened[1]):
        counts.add(
            ClarityCount,
            page=page,
            content_version=version,
            answer=form.cleaned_data["clear"],
            reason=form.counted_reason(),
        )
        counts.flush()
    if request.htmx:
        return render(request, "advisor/feedback/_clear_thanks.html")
    return render(request, "advisor/feedback/clear_thanks.html", {"back": back})


def _debt_choices(complete: list[DebtAnswers]) -> list[tuple[str, str]]:
    return [
        (str(number), _("第 %(n)s 笔：%(name)s") % {"n": number, "name": debt.lender_name})
        for number, debt in enumerate(complete, start=1)
    ]


def _counted_outcome(debt: DebtAnswers, answers: list[tuple[str, str]]) -> None:
    weights, version = check_answers.current_weights()
    level = estimate.estimate_visit(check_steps.situation_for(debt), weights).level
    for question, answer in answers:
        counts.add(
            OutcomeCount,
            question=question,
            answer=answer,
            lender_kind=debt.kind or "other",
            level=level,
            estimate_version=version,
        )
    counts.flush()


def _opened_for_outcome(request: HttpRequest, bundle: dict[str, Any]) -> str:
    saved = bundle.get(check_answers.AREA)
    if isinstance(saved, dict):
        check_answers.restore(request, saved)
    return reverse("advisor-outcome")


@require_http_methods(["GET", "HEAD", "POST"])
def outcome(request: HttpRequest) -> HttpResponse:
    complete = [debt for debt in check_answers.debts(request) if debt.complete]
    if not complete:
        return restore(
            request,
            template="advisor/feedback/outcome_code.html",
            context={
                "title": _("后来怎么样了？"),
                "caption": _("后来怎么样了？"),
                "button": _("打开我保存的评估"),
            },
            opened=_opened_for_outcome,
        )
    choices = _debt_choices(complete)
    if request.method == "POST":
        if not throttle.allow(request, OUTCOME):
            return _slow_down(request)
        opened = feedback.open_ticket(request.POST.get("ticket", ""))
        if opened is None or opened[0] != OUTCOME:
            return _not_counted(request)
        form = OutcomeForm(request.POST, debts=choices)
        if form.is_valid():
            debt = complete[int(form.cleaned_data.get("debt") or 1) - 1]
            if feedback.first_use(opened[1]):
                _counted_outcome(debt, form.answers())
            return render(request, "advisor/feedback/outcome_thanks.html")
    else:
        form = OutcomeForm(initial={"ticket": feedback.ticket(OUTCOME)}, debts=choices)
    return render(
        request,
        "advisor/feedback/outcome.html",
        {
            "form": form,
            "title": _("后来怎么样了？"),
            "single": choices[0][1] if len(choices) == 1 else "",
        },
    )


urlpatterns = [
    path("feedback/clear/", clear, name="advisor-clear"),
    path("feedback/what-happened/", outcome, name="advisor-outcome"),
]
