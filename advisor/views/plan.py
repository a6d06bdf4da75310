"""The repayment plan: budget → debts → options side by side → schedule, PDF and calendar.

Every step is a plain form (POST → redirect → GET). On the plan page, changing the monthly
amount or the number of months re-renders the plan in place when htmx is there
(``result.html#work``); without JavaScript the same form posts and redirects.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from advisor import check_answers, content, ics, plan_answers
from advisor.forms.plan import OTHER, BudgetForm, DebtForm, PlanControlsForm
from advisor.http import HtmxHttpRequest, attachment
from advisor.pdf import pdf_response, render_pdf
from advisor.plan_answers import PlanDebt, PlanSettings, PlanState
from advisor.png import png_response, render_png
from advisor.rules.budget import ESSENTIALS, INCOME_SOURCES, SUGGESTED_RESERVE
from advisor.rules.plan import CREDIT_CARD_MAX_MONTHS, REALISTIC_MONTHS, Plan
from advisor.rules.schedule import MIN_NOTICE_DAYS


def _budget_lines(state: PlanState) -> dict[str, Any] | None:
    the_budget = state.budget
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


def _context(request: HttpRequest, state: PlanState, plan: Plan | None) -> dict[str, Any]:
    return {
        "plan": plan,
        "rows": plan_answers.debt_rows(state),
        "budget_info": _budget_lines(state),
        "settings": state.settings,
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
    """/plan/: the plan's intro above the budget questions, one page load fewer than an intro
    page of its own; the form sends its answers to /plan/budget/."""
    plan_answers.import_from_check(request)
    return _budget_page(request, plan_answers.load(request), None, start_page=True)


@require_http_methods(["GET", "HEAD", "POST"])
def budget(request: HttpRequest) -> HttpResponse:
    state = plan_answers.load(request)
    form = None
    if request.method == "POST":
        form = BudgetForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            state = replace(
                state,
                budget=plan_answers.budget_of(data),
                lump_sum=data["lump_sum"],
                pay_day=data["pay_day"],
            )
            plan_answers.save(request, state)
            if plan_answers.fast_lane(state):
                return redirect("advisor-plan-shortfall")
            return redirect("advisor-plan-debts")
    return _budget_page(request, state, form)


def _budget_page(
    request: HttpRequest,
    state: PlanState,
    form: BudgetForm | None,
    *,
    start_page: bool = False,
) -> HttpResponse:
    if form is None:
        form = BudgetForm(initial=_budget_initial(state))
    context: dict[str, Any] = {"form": form, "start_page": start_page}
    if start_page:
        context.update(
            action=reverse("advisor-plan-budget"),
            facts=content.facts("plan"),
            has_budget=state.budget is not None,
            rows=plan_answers.debt_rows(state),
        )
    else:
        context["back_url"] = reverse("advisor-plan")
    return render(request, "advisor/plan/budget.html", context)


def _budget_initial(state: PlanState) -> dict[str, Any]:
    """What the budget form shows: the amounts entered (a blank stays blank), or the
    suggested reserve on a first visit."""
    if state.budget is None:
        return {"reserve": str(SUGGESTED_RESERVE)}
    amounts = plan_answers.budget_amounts(state.budget)
    shown = {name: str(value) for name, value in amounts.items() if value or name == "reserve"}
    if state.lump_sum is not None:
        shown["lump_sum"] = str(state.lump_sum)
    return {**shown, "pay_day": state.pay_day}


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
            "has_debts": bool(state.debts),
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
            "has_budget": state.budget is not None,
        },
    )


def _debt_form_page(
    request: HttpRequest, form: DebtForm, number: int | None, *, from_check: bool = False
) -> HttpResponse:
    return render(
        request,
        "advisor/plan/debt_form.html",
        {
            "form": form,
            "title": _("欠哪家的钱？"),
            "caption": _("第 %(n)s 笔欠款") % {"n": number} if number else _("添加一笔欠款"),
            "back_url": reverse("advisor-plan-debts"),
            "button": _("保存这笔欠款"),
            "from_check": from_check,
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


def _change_check(request: HttpRequest, before: PlanDebt, after: PlanDebt) -> None:
    """A debt from the check changed on the plan page: its lender and amount are the
    check's, so the change is made there (one record), and the check's answers show it."""
    if before.check_index is None:
        return
    changes: dict[str, Any] = {}
    if (after.lender, after.lender_other, after.kind) != (
        before.lender,
        before.lender_other,
        before.kind,
    ):
        changes = {"kind": after.kind, "lender": after.lender, "lender_other": after.lender_other}
    if after.amount != before.amount:
        changes["amount"] = str(after.amount)
    if changes:
        check_answers.save_answer(request, before.check_index, changes)


@require_http_methods(["GET", "HEAD", "POST"])
def debt_add(request: HttpRequest) -> HttpResponse:
    state = plan_answers.load(request)
    if len(state.debts) >= plan_answers.MAX_DEBTS:
        return redirect("advisor-plan-debts")
    if request.method == "POST":
        form = DebtForm(request.POST)
        if form.is_valid():
            added = _debt_from_form(form.cleaned_data, None)
            plan_answers.save(request, replace(state, debts=(*state.debts, added), imported=True))
            return redirect("advisor-plan-debts")
    else:
        form = DebtForm()
    return _debt_form_page(request, form, None)


@require_http_methods(["GET", "HEAD", "POST"])
def debt_edit(request: HttpRequest, number: int) -> HttpResponse:
    state = plan_answers.load(request)
    if not 1 <= number <= len(state.debts):
        raise Http404
    previous = state.debts[number - 1]
    if request.method == "POST":
        form = DebtForm(request.POST)
        if form.is_valid():
            changed = _debt_from_form(form.cleaned_data, previous)
            _change_check(request, previous, changed)
            found = list(state.debts)
            found[number - 1] = changed
            plan_answers.save(request, replace(state, debts=tuple(found)))
            return redirect("advisor-plan-debts")
    else:
        initial = {
            "lender": previous.lender,
            "lender_name": previous.lender_other,
            "kind": previous.kind,
            "principal": str(previous.amount),
            "charges": str(previous.charges) if previous.charges is not None else "",
            "rate": str(previous.rate) if previous.rate is not None else "",
        }
        if previous.lender != "other" and content.lender(previous.lender) is None:
            initial["lender"] = OTHER
        form = DebtForm(initial=initial)
    return _debt_form_page(request, form, number, from_check=previous.from_check)


@require_POST
def debt_remove(request: HttpRequest, number: int) -> HttpResponse:
    state = plan_answers.load(request)
    if not 1 <= number <= len(state.debts):
        raise Http404
    kept = state.debts[: number - 1] + state.debts[number:]
    plan_answers.save(request, replace(state, debts=kept, imported=True))
    return redirect("advisor-plan-debts")


def _controls(plan: Plan, chosen: PlanSettings) -> PlanControlsForm:
    months = str(plan.months) if plan.months else ""
    monthly = "" if plan.paused else str(plan.monthly)  # a pause has no amount to change
    return PlanControlsForm(
        initial={
            "monthly": monthly,
            "months": months,
            "strategy": chosen.strategy,
            "plan_rate": str(chosen.plan_rate),
            "assumed_rate": str(chosen.assumed_rate),
            "settlement_percent": str(chosen.settlement_percent),
            "monthly_was": monthly,
            "months_was": months,
        }
    )


def _apply_controls(chosen: PlanSettings, data: dict[str, Any]) -> PlanSettings:
    """The settings after the plan page's form (a blank rate goes back to its default)."""
    monthly, months = data["monthly"], data["months"]
    basis = chosen.basis
    if monthly is not None and str(monthly) != data["monthly_was"]:
        basis = "monthly"
    elif months is not None and str(months) != data["months_was"]:
        basis = "months"
    default = PlanSettings()
    return PlanSettings(
        basis=basis,
        monthly=monthly if monthly is not None else chosen.monthly,
        months=months if months is not None else chosen.months,
        strategy=data["strategy"],
        plan_rate=_or(data["plan_rate"], default.plan_rate),
        assumed_rate=_or(data["assumed_rate"], default.assumed_rate),
        settlement_percent=_or(data["settlement_percent"], default.settlement_percent),
    )


def _or(value: Decimal | None, default: Decimal) -> Decimal:
    return value if value is not None else default


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def result(request: HtmxHttpRequest) -> HttpResponse:
    plan_answers.import_from_check(request)
    state = plan_answers.load(request)
    plan = plan_answers.compute(request, state)
    if plan is None:
        return redirect("advisor-plan-debts")
    form = _controls(plan, state.settings)
    if request.method == "POST" and request.POST.get("follow_budget"):
        plan_answers.save(request, replace(state, settings=state.settings.following_budget()))
        return redirect(reverse("advisor-plan-result") + "#plan-work")
    if request.method == "POST":
        form = PlanControlsForm(request.POST)
        if form.is_valid():
            state = replace(state, settings=_apply_controls(state.settings, form.cleaned_data))
            plan_answers.save(request, state)
            if not request.htmx:
                return redirect(reverse("advisor-plan-result") + "#plan-work")
            plan = plan_answers.compute(request, state)
            assert plan is not None
            form = _controls(plan, state.settings)
    sent = plan_answers.as_sent(request, state, plan)
    context = {**_context(request, state, plan), "form": form, "sent": sent}
    template = "advisor/plan/result.html"
    if request.htmx:
        template += "#work"
    return render(request, template, context)


@require_safe
def summary(request: HttpRequest) -> HttpResponse:
    state = plan_answers.load(request)
    if state.budget is None:
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
    if summary and state.budget is None:
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
