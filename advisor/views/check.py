"""The guided check: the first question under its intro, one question per page, the result
(check your answers for a change), save codes.

Every page works as plain forms and links (POST → redirect → GET); with JavaScript, an answer's
response is the next question itself (advisor.http.next_page). The step sequence and
the guard live in advisor.check_steps; answers go through advisor.check_answers.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from advisor import check_answers, check_steps, content, counts, plan_answers, savecodes, session
from advisor.check_answers import DebtAnswers
from advisor.check_steps import Place
from advisor.forms.check import LenderForm
from advisor.http import next_page
from advisor.rules import estimate
from advisor.views.savecode import restore

RETURN_TO_ANSWERS = "answers"


def step_url(place: Place, *, back_to_answers: bool = False) -> str:
    url = reverse("advisor-check-step", args=[place.index + 1, place.slug])
    return f"{url}?return={RETURN_TO_ANSWERS}" if back_to_answers else url


def _expired(request: HttpRequest) -> HttpResponse:
    """Nothing in the session: it expired, was erased, or the borrower came straight here."""
    return render(request, "advisor/check/expired.html")


def _not_finished(request: HttpRequest, debts: list[DebtAnswers]) -> HttpResponse | None:
    """The guard of the pages after the questions: nothing saved → the expired page; an
    unanswered question → that question; everything answered → None (go on)."""
    if not debts:
        return _expired(request)
    go = check_steps.guard_summary(debts)
    return redirect(step_url(go)) if go is not None else None


@require_safe
def start(request: HttpRequest) -> HttpResponse:
    """/check/: a first visit gets the intro above the first question on one page (one page
    load fewer on a slow phone); a borrower with answers gets "carry on or start again"."""
    debts = check_answers.debts(request)
    if not debts:
        first = Place(0, check_steps.SLUGS[0])
        form_class = check_steps.step(first.slug).form
        form = form_class(initial=form_class.initial_from(check_answers.NO_ANSWERS))
        if request.method == "GET":  # the first question was seen here, not at its own address
            counts.step("check", first.slug, counts.VIEW)
        return _question_page(request, first, check_answers.NO_ANSWERS, form, start_page=True)
    resume_at = check_steps.first_unanswered(debts)
    return render(
        request,
        "advisor/check/start.html",
        {"continue_url": step_url(resume_at) if resume_at else reverse("advisor-check-result")},
    )


def _caption(number: int, debt: DebtAnswers) -> str:
    if debt.kind and debt.lender:
        return _("第 %(n)s 笔欠款：%(name)s") % {"n": number, "name": debt.lender_name}
    return _("第 %(n)s 笔欠款") % {"n": number}


def _back_url(index: int, previous: str | None, back_to_answers: bool) -> str:
    if back_to_answers or (previous is None and index > 0):
        return reverse("advisor-check-answers")
    if previous is not None:
        return step_url(Place(index, previous))
    return reverse("advisor-check-start")


@require_http_methods(["GET", "HEAD", "POST"])
def question(request: HttpRequest, number: int, slug: str) -> HttpResponse:
    debts = check_answers.debts(request)
    index = number - 1
    if not debts and (index > 0 or slug != check_steps.SLUGS[0]):
        return _expired(request)
    go = check_steps.guard_step(debts, index, slug)
    if go is not None:
        return redirect(step_url(go))
    debt = debts[index] if index < len(debts) else check_answers.NO_ANSWERS
    back_to_answers = request.GET.get("return") == RETURN_TO_ANSWERS
    the_step = check_steps.step(slug)
    form_class = the_step.form
    kwargs: dict[str, Any] = {}
    if form_class is LenderForm:
        kwargs["kind"] = debt.kind or "other"
    if request.method == "POST":
        form = form_class(request.POST, **kwargs)
        if form.is_valid():
            debt = check_answers.save_answer(request, index, form.answers())
            following = check_steps.next_step(slug, debt)
            # A complete debt goes on to the result rather than through questions already
            # answered (e.g. a session saved before a question was added).
            done = debt.complete and (
                back_to_answers or following is None or debt.is_answered(following)
            )
            if following is None or done:
                # The result comes straight after the last answer; it links to the answers
                # for a change and to another debt. A change made from the answers goes back.
                after = "advisor-check-answers" if back_to_answers else "advisor-check-result"
                return next_page(request, reverse(after))
            url = step_url(Place(index, following), back_to_answers=back_to_answers)
            return next_page(request, url)
    else:
        form = form_class(initial=form_class.initial_from(debt), **kwargs)
    response = _question_page(
        request,
        Place(index, slug),
        debt,
        form,
        back_to_answers=back_to_answers,
        removable=0 < index < len(debts) and not debt.complete,
    )
    if request.method == "POST":
        response["HX-Push-Url"] = "false"  # a refused answer stays on its page, in the history too
    return response


def _question_page(
    request: HttpRequest,
    place: Place,
    debt: DebtAnswers,
    form: Any,
    *,
    back_to_answers: bool = False,
    start_page: bool = False,
    removable: bool = False,
) -> HttpResponse:
    index, slug = place.index, place.slug
    number = index + 1
    asked = check_steps.questions_for(index, slug)
    previous = check_steps.previous_step(slug, debt)
    return render(
        request,
        check_steps.step(slug).template,
        {
            "form": form,
            "title": str(form.fields[form.heading_field or ""].label),
            "caption": _caption(number, debt),
            "back_url": "" if start_page else _back_url(index, previous, back_to_answers),
            # On /check/ the intro sits above the first question.
            "start_page": start_page,
            # The answer always goes to the question's own address: from /check/, and from a
            # refused answer that htmx showed in place while the address bar kept /check/.
            "action": step_url(place, back_to_answers=back_to_answers),
            "step_number": asked.index(slug) + 1,
            "step_total": len(asked),
            # An extra debt started by mistake can be dropped without finishing it.
            "remove_url": reverse("advisor-check-remove", args=[number]) if removable else "",
        },
    )


@require_safe
def answers(request: HttpRequest) -> HttpResponse:
    debts = check_answers.debts(request)
    if (stop := _not_finished(request, debts)) is not None:
        return stop
    return render(
        request,
        "advisor/check/answers.html",
        {
            "rows": [_answer_rows(i, debt) for i, debt in enumerate(debts)],
            **_another_debt(debts),
            "can_remove": len(debts) > 1,
        },
    )


def _another_debt(debts: list[DebtAnswers]) -> dict[str, Any]:
    """Whether one more debt can be added, and its first question (answers and result pages)."""
    return {
        "can_add": len(debts) < check_steps.MAX_DEBTS,
        "add_url": step_url(Place(len(debts), check_steps.SLUGS[0])),
    }


def _answer_rows(index: int, debt: DebtAnswers) -> dict[str, Any]:
    return {
        "number": index + 1,
        "title": _caption(index + 1, debt),
        "items": [
            {
                "label": item.label,
                "values": item.summary(debt),
                "change_url": step_url(Place(index, item.slug), back_to_answers=True),
            }
            for item in check_steps.STEPS
        ],
        "remove_url": reverse("advisor-check-remove", args=[index + 1]),
    }


@require_http_methods(["GET", "HEAD", "POST"])
def remove(request: HttpRequest, number: int) -> HttpResponse:
    debts = check_answers.debts(request)
    if not debts:
        return _expired(request)
    if not 1 <= number <= len(debts):
        return redirect("advisor-check-answers")
    if request.method == "POST":
        plan_answers.forget_check_debt(request, number - 1)  # the plan reads the check's debts
        del debts[number - 1]
        check_answers.store(request, debts)
        if not debts:
            return redirect("advisor-check-start")
        return redirect("advisor-check-answers")
    return render(
        request,
        "advisor/check/remove.html",
        {"number": number, "title": _caption(number, debts[number - 1])},
    )


@require_POST
def restart(request: HttpRequest) -> HttpResponse:
    plan_answers.forget_check_debt(request)
    check_answers.store(request, [])
    return redirect("advisor-check-start")


@require_safe
def result(request: HttpRequest) -> HttpResponse:
    debts = check_answers.debts(request)
    if (stop := _not_finished(request, debts)) is not None:
        return stop
    weights, version = check_answers.current_weights()
    stages = content.stages()
    starts = tuple(
        (s.code, s.typical_from_day) for s in stages if s.typical_from_day is not None
    ) or (estimate.DEFAULT_STAGE_STARTS)
    results = [check_answers.debt_result(i, debt, weights, starts) for i, debt in enumerate(debts)]
    titles = {code: str(label) for code, label in check_answers.STAGE_FALLBACK_LABELS.items()}
    titles.update({stage.code: stage.t("title") for stage in stages})
    court = any(item.court_notice for item in results)
    return render(
        request,
        "advisor/check/result.html",
        {
            "results": [(item, titles.get(item.stage, item.stage)) for item in results],
            "stages": [
                {"stage": stage, "debts": [r.number for r in results if r.stage == stage.code]}
                for stage in stages
            ],
            "levels": [(code, check_answers.LEVEL_LABELS[code]) for code in estimate.LEVELS],
            "actions": check_answers.today_actions(debts),
            "version": version,
            "facts": content.facts("result"),
            "court_fact": content.fact("check-court-papers") if court else None,
            "has_save_code": bool(session.save_code(request)),
            **_another_debt(debts),
            # A calm crisis line (12356; 110/120) when any debt's indicator is high.
            "show_crisis": any(r.estimate.level in ("high", "very_high") for r in results),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
def save(request: HttpRequest) -> HttpResponse:
    debts = check_answers.debts(request)
    if not debts:
        return _expired(request)
    data = check_answers.stored(debts)
    if request.method == "POST":
        opened = savecodes.for_request(request)
        if opened is not None:
            savecodes.update(opened, check_answers.AREA, data)
            code = session.save_code(request)
        else:
            code = savecodes.create({check_answers.AREA: data})
            session.show_code_once(request)
        response = redirect("advisor-check-saved")
        session.remember_save_code(response, code, secure=request.is_secure())
        return response
    return render(
        request, "advisor/check/save.html", {"has_save_code": bool(session.save_code(request))}
    )


@require_safe
def saved(request: HttpRequest) -> HttpResponse:
    """The new code, shown once; later visits say it is kept on this device, not what it is."""
    code = session.save_code(request)
    if not code:
        return redirect("advisor-check-save")
    shown = code if session.take_code_to_show(request) else ""
    return render(request, "advisor/check/saved.html", {"code": shown})


def _resumed(request: HttpRequest, bundle: dict[str, Any]) -> str:
    saved_check = bundle.get(check_answers.AREA)
    if isinstance(saved_check, dict):
        debts = check_answers.restore(request, saved_check)
    else:
        debts = check_answers.debts(request)
    go = check_steps.first_unanswered(debts)
    if not debts:
        return reverse("advisor-check-start")
    if go is not None:
        return step_url(go)
    return reverse("advisor-check-answers")


@require_http_methods(["GET", "HEAD", "POST"])
def resume(request: HttpRequest) -> HttpResponse:
    return restore(
        request,
        template="advisor/check/resume.html",
        context={
            "title": _("输入你的保存码"),
            "back_url": reverse("advisor-check-start"),
            "button": _("打开我保存的内容"),
        },
        opened=_resumed,
    )


urlpatterns = [
    path("check/", start, name="advisor-check-start"),
    path("check/debt/<int:number>/remove/", remove, name="advisor-check-remove"),
    path("check/debt/<int:number>/<slug:slug>/", question, name="advisor-check-step"),
    path("check/answers/", answers, name="advisor-check-answers"),
    path("check/result/", result, name="advisor-check-result"),
    path("check/restart/", restart, name="advisor-check-restart"),
    path("check/save/", save, name="advisor-check-save"),
    path("check/save/done/", saved, name="advisor-check-saved"),
    path("check/resume/", resume, name="advisor-check-resume"),
]
