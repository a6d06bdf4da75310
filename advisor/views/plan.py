"""The repayment plan: budget → debts → options side by side → schedule, PDF and calendar.

Every step is a plain form (POST → redirect → GET). On the plan page, changing the monthly
amount or the number of months re-renders the plan in place when htmx is there
(``result.html#work``); without JavaScript the same form posts and redirects.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from advisor import content, ics, plan_answers
from advisor.forms.plan import OTHER, BudgetForm, DebtForm, PlanControlsForm
from advisor.http import HtmxHttpRequest, attachment
from advisor.pdf import pdf_response, render_pdf
from advisor.plan_answers import PlanDebt
from advisor.png import png_response, render_png
from advisor.rules.budget import ESSENTIALS, INCOME_SOURCES, SUGGESTED_RESERVE
from advisor.rules.plan import CREDIT_CARD_MAX_MONTHS, REALISTIC_MONTHS, Plan
from advisor.rules.schedule import MIN_NOTICE_DAYS


def _budget_lines(state: dict[str, Any]) -> dict[str, Any] | None:
    the_budget = plan_answers.budget(state)
    if the_budget is None:
        return None
    label = {name: field.label for name, field in BudgetForm.base_fields.items()}
    return {
        "budget": the_budget,
        "income_lines": [
            (label[n], the_budget.income[n]) for n in INCOME_SOURCES if the_budget.income[n]
        ],
        "essential_lines": [
            (label[n], the_budget.essentials[n]) for n in ESSENTIALS if the_budget.essentials[n]
        ],
    }


def _context(request: HttpRequest, state: dict[str, Any], plan: Plan | None) -> dict[str, Any]:
    return {
        "plan": plan,
        "rows": plan_answers.debt_rows(state),
        "budget_info": _budget_lines(state),
        "settings": plan_answers.settings(state),
        "card_limit": CREDIT_CARD_MAX_MONTHS,
        "realistic_months": REALISTIC_MONTHS,
        "notice_days": MIN_NOTICE_DAYS,
        "fast_lane": plan_answers.fast_lane(state),
        "fast_lane_line": plan_answers.fast_lane_line(),
        "fast_lane_row": content.threshold(plan_answers.FAST_LANE_SLUG),
        "facts": content.facts("plan"),
    }


@require_safe
def start(request: HttpRequest) -> HttpResponse:
    plan_answers.import_from_check(request)
    state = plan_answers.load(request)
    return render(
        request,
        "advisor/plan/start.html",
        {
            "facts": content.facts("plan"),
            "has_budget": plan_answers.budget(state) is not None,
            "rows": plan_answers.debt_rows(state),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
def budget(request: HttpRequest) -> HttpResponse:
    state = plan_answers.load(request)
    if request.method == "POST":
        form = BudgetForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            state["budget"] = {
                name: str(data[name]) if data[name] is not None else ""
                for name in (*plan_answers.BUDGET_AMOUNTS, "lump_sum")
            }
            state["budget"]["pay_day"] = data["pay_day"]
            plan_answers.save(request, state)
            if plan_answers.fast_lane(state):
                return redirect("advisor-plan-shortfall")
            return redirect("advisor-plan-debts")
    else:
        raw_budget = state.get("budget")
        saved: dict[str, Any] = raw_budget if isinstance(raw_budget, dict) else {}
        initial = {"reserve": str(SUGGESTED_RESERVE)} if not saved else {}
        form = BudgetForm(
            initial={**initial, **{k: v for k, v in saved.items() if v not in ("", None)}}
        )
    return render(
        request,
        "advisor/plan/budget.html",
        {"form": form, "back_url": reverse("advisor-plan")},
    )


@require_safe
def shortfall(request: HttpRequest) -> HttpResponse:
    state = plan_answers.load(request)
    info = _budget_lines(state)
    if info is None:
        return redirect("advisor-plan-budget")
    return render(
        request,
        "advisor/plan/shortfall.html",
        {
            "budget_info": info,
            "fast_lane_line": plan_answers.fast_lane_line(),
            "fast_lane_row": content.threshold(plan_answers.FAST_LANE_SLUG),
            "has_debts": bool(plan_answers.plan_debts(state)),
        },
    )


@require_safe
def debts(request: HttpRequest) -> HttpResponse:
    imported = plan_answers.import_from_check(request)
    state = plan_answers.load(request)
    return render(
        request,
        "advisor/plan/debts.html",
        {
            "rows": plan_answers.debt_rows(state),
            "imported": imported,
            "max_debts": plan_answers.MAX_DEBTS,
            "has_budget": plan_answers.budget(state) is not None,
        },
    )


def _debt_form_page(request: HttpRequest, form: DebtForm, number: int | None) -> HttpResponse:
    return render(
        request,
        "advisor/plan/debt_form.html",
        {
            "form": form,
            "title": _("欠哪家的钱？"),
            "caption": _("第 %(n)s 笔欠款") % {"n": number} if number else _("添加一笔欠款"),
            "back_url": reverse("advisor-plan-debts"),
            "button": _("保存这笔欠款"),
        },
    )


def _debt_from_form(data: dict[str, Any], previous: PlanDebt | None) -> PlanDebt:
    lender = content.lender(data["lender"]) if data["lender"] != OTHER else None
    return PlanDebt(
        lender=lender.slug if lender else "other",
        lender_other="" if lender else data["lender_name"].strip(),
        kind=lender.kind if lender else data["kind"],
        amount=data["principal"],
        charges=data["charges"],
        rate=data["rate"],
        check_index=previous.check_index if previous else None,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def debt_add(request: HttpRequest) -> HttpResponse:
    state = plan_answers.load(request)
    found = plan_answers.plan_debts(state)
    if len(found) >= plan_answers.MAX_DEBTS:
        return redirect("advisor-plan-debts")
    if request.method == "POST":
        form = DebtForm(request.POST)
        if form.is_valid():
            plan_answers.store_debts(state, [*found, _debt_from_form(form.cleaned_data, None)])
            state["imported"] = True
            plan_answers.save(request, state)
            return redirect("advisor-plan-debts")
    else:
        form = DebtForm()
    return _debt_form_page(request, form, None)


@require_http_methods(["GET", "HEAD", "POST"])
def debt_edit(request: HttpRequest, number: int) -> HttpResponse:
    state = plan_answers.load(request)
    found = plan_answers.plan_debts(state)
    if not 1 <= number <= len(found):
        raise Http404
    previous = found[number - 1]
    if request.method == "POST":
        form = DebtForm(request.POST)
        if form.is_valid():
            found[number - 1] = _debt_from_form(form.cleaned_data, previous)
            plan_answers.store_debts(state, found)
            plan_answers.save(request, state)
            return redirect("advisor-plan-debts")
    else:
        stored = previous.to_session()
        initial = {
            "lender": previous.lender,
            "lender_name": previous.lender_other,
            "kind": previous.kind,
            "principal": stored["amount"],
            "charges": stored["charges"],
            "rate": stored["rate"],
        }
        if previous.lender != "other" and content.lender(previous.lender) is None:
            initial["lender"] = OTHER
        form = DebtForm(initial=initial)
    return _debt_form_page(request, form, number)


@require_POST
def debt_remove(request: HttpRequest, number: int) -> HttpResponse:
    state = plan_answers.load(request)
    found = plan_answers.plan_debts(state)
    if not 1 <= number <= len(found):
        raise Http404
    del found[number - 1]
    plan_answers.store_debts(state, found)
    state["imported"] = True
    plan_answers.save(request, state)
    return redirect("advisor-plan-debts")


def _controls(plan: Plan, chosen: dict[str, Any]) -> PlanControlsForm:
    months = str(plan.months) if plan.months else ""
    monthly = "" if plan.paused else str(plan.monthly)  # a pause has no amount to change
    return PlanControlsForm(
        initial={
            "monthly": monthly,
            "months": months,
            "strategy": chosen["strategy"],
            "plan_rate": chosen["plan_rate"],
            "assumed_rate": chosen["assumed_rate"],
            "settlement_percent": chosen["settlement_percent"],
            "monthly_was": monthly,
            "months_was": months,
        }
    )


def _apply_controls(state: dict[str, Any], data: dict[str, Any]) -> None:
    chosen = plan_answers.settings(state)
    monthly, months = data["monthly"], data["months"]
    if monthly is not None and str(monthly) != data["monthly_was"]:
        chosen["basis"] = "monthly"
    elif months is not None and str(months) != data["months_was"]:
        chosen["basis"] = "months"
    if monthly is not None:
        chosen["monthly"] = str(monthly)
    if months is not None:
        chosen["months"] = months
    chosen["strategy"] = data["strategy"]
    defaults = plan_answers.DEFAULT_SETTINGS
    for name in ("plan_rate", "assumed_rate", "settlement_percent"):
        value: Decimal | None = data[name]
        chosen[name] = str(value) if value is not None else defaults[name]
    state["settings"] = chosen


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def result(request: HtmxHttpRequest) -> HttpResponse:
    plan_answers.import_from_check(request)
    state = plan_answers.load(request)
    plan = plan_answers.compute(request, state)
    if plan is None:
        return redirect("advisor-plan-debts")
    form = _controls(plan, plan_answers.settings(state))
    if request.method == "POST" and request.POST.get("follow_budget"):
        chosen = plan_answers.settings(state)
        state["settings"] = {**chosen, "basis": "", "monthly": "", "months": None}
        plan_answers.save(request, state)
        return redirect(reverse("advisor-plan-result") + "#plan-work")
    if request.method == "POST":
        form = PlanControlsForm(request.POST)
        if form.is_valid():
            _apply_controls(state, form.cleaned_data)
            plan_answers.save(request, state)
            if not request.htmx:
                return redirect(reverse("advisor-plan-result") + "#plan-work")
            plan = plan_answers.compute(request, state)
            assert plan is not None
            form = _controls(plan, plan_answers.settings(state))
    sent = plan_answers.proposal(request, state) if plan.fits is False else plan
    context = {**_context(request, state, plan), "form": form, "sent": sent}
    template = "advisor/plan/result.html"
    if request.htmx:
        template += "#work"
    return render(request, template, context)


@require_safe
def summary(request: HttpRequest) -> HttpResponse:
    state = plan_answers.load(request)
    if plan_answers.budget(state) is None:
        return redirect("advisor-plan-budget")
    return render(
        request,
        "advisor/plan/summary.html",
        _context(request, state, plan_answers.proposal(request, state)),
    )


def _document(
    request: HttpRequest,
    template: str,
    filename: str = "",
    *,
    summary: bool = False,
    months: bool = False,
) -> HttpResponse:
    """The plan as it goes to lenders (``summary``: the 收支说明; ``months``: only the month
    table) as a PDF called ``filename``, or, without a filename, the same page drawn as one
    image (WeChat: long-press to save). Image and PDF always show the same plan."""
    state = plan_answers.load(request)
    if summary and plan_answers.budget(state) is None:
        return redirect("advisor-plan-budget")
    plan = plan_answers.proposal(request, state)
    if plan is None and not summary:
        return redirect("advisor-plan-debts")
    context = {"plan": plan} if months else _context(request, state, plan)
    if not filename:
        return png_response(render_png(template, context, request))
    return pdf_response(render_pdf(template, context, request), filename)


@never_cache
@require_safe
def plan_pdf(request: HttpRequest) -> HttpResponse:
    return _document(request, "pdf/plan.html", "repayment-plan.pdf")


@never_cache
@require_safe
def plan_months_pdf(request: HttpRequest) -> HttpResponse:
    """Every payment on its own line: asked for separately, so the plan PDF stays short."""
    return _document(request, "pdf/plan_months.html", "repayment-plan-months.pdf", months=True)


@never_cache
@require_safe
def summary_pdf(request: HttpRequest) -> HttpResponse:
    return _document(request, "pdf/plan_summary.html", "budget-summary.pdf", summary=True)


@never_cache
@require_safe
def plan_png(request: HttpRequest) -> HttpResponse:
    """The plan PDF's content as one image (WeChat's browser: long-press to save)."""
    return _document(request, "pdf/plan.html")


@never_cache
@require_safe
def summary_png(request: HttpRequest) -> HttpResponse:
    """The 收支说明 PDF's content as one image."""
    return _document(request, "pdf/plan_summary.html", summary=True)


@never_cache
@require_safe
def plan_ics(request: HttpRequest) -> HttpResponse:
    plan = plan_answers.proposal(request)
    if plan is None:
        return redirect("advisor-plan-debts")
    return attachment(ics.calendar(plan), "repayment-plan.ics", "text/calendar; charset=utf-8")


urlpatterns = [
    path("plan/", start, name="advisor-plan"),
    path("plan/budget/", budget, name="advisor-plan-budget"),
    path("plan/budget/guidance/", shortfall, name="advisor-plan-shortfall"),
    path("plan/debts/", debts, name="advisor-plan-debts"),
    path("plan/debts/add/", debt_add, name="advisor-plan-debt-add"),
    path("plan/debts/<int:number>/", debt_edit, name="advisor-plan-debt-edit"),
    path("plan/debts/<int:number>/remove/", debt_remove, name="advisor-plan-debt-remove"),
    path("plan/result/", result, name="advisor-plan-result"),
    path("plan/summary/", summary, name="advisor-plan-summary"),
    path("plan/repayment-plan.pdf", plan_pdf, name="advisor-plan-pdf"),
    path("plan/repayment-plan-months.pdf", plan_months_pdf, name="advisor-plan-months-pdf"),
    path("plan/budget-summary.pdf", summary_pdf, name="advisor-plan-summary-pdf"),
    path("plan/repayment-plan.png", plan_png, name="advisor-plan-png"),
    path("plan/budget-summary.png", summary_png, name="advisor-plan-summary-png"),
    path("plan/repayment-plan.ics", plan_ics, name="advisor-plan-ics"),
]
