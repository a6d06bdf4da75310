"""Negotiation letters: a library indexed by situation, a gate page, the letter page.

Privacy: the borrower's personal details (name, ID, phone, address, contract number) and
the letter text are never stored. They travel only in the posted form: every step
re-posts them (hidden fields), and the PDF and Word files are built from the posted text.
These views never write to the session (they only read the check, the plan and the
evidence log to pre-fill) and never log request data.

Because nothing may be stored, the letter page answers its POST with the next page
directly instead of POST → redirect → GET; personal details are never put in a URL.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from advisor import content, plan_answers, tracker
from advisor.check_answers import CheckedDebt, checked_debts
from advisor.docx import build_letter
from advisor.evidence import load_entries
from advisor.forms.letters import DetailsForm, LetterTextForm, typed_keys
from advisor.http import attachment
from advisor.models import Fact, LetterTemplate, today
from advisor.pdf import pdf_response, render_pdf
from advisor.plan_answers import PlanState
from advisor.png import data_uri, render_png
from advisor.rules import letter
from advisor.rules.money import format_yuan
from advisor.rules.plan import LenderSchedule, Plan
from advisor.views.tracker import answer_clocks

# The sourced fact that says where small-loan complaints go (the local financial regulator).
SMALL_LOAN_COMPLAINTS = "outcome-small-loan-complaints"


def _templates() -> dict[str, LetterTemplate]:
    return {t.slug: t for t in content.letter_templates()}


def _template_or_404(slug: str) -> LetterTemplate:
    found = _templates().get(slug)
    if found is None:
        raise Http404
    return found


# --- What the rest of the journey knows (each part is empty when not filled in) ---


def _plan(request: HttpRequest) -> tuple[Plan | None, PlanState]:
    """(plan as it goes to lenders, the plan's state); the plan is None without debts."""
    state = plan_answers.load(request)
    return plan_answers.proposal(request, state), state


def _schedule_for(
    plan: Plan, state: PlanState, debt: CheckedDebt | None, slug: str
) -> LenderSchedule | None:
    """This letter's lender in the plan: the chosen check debt (the plan reads that same
    record), else (without a check) the first debt that suits the letter. A check debt the
    plan does not include has no schedule."""
    schedules = list(plan.schedules)
    if debt is not None:
        for number, entry in enumerate(state.debts, 1):
            if entry.check_index == debt.index:
                return next((s for s in schedules if s.debt.key == str(number)), None)
        return None
    rule = letter.letter_rule(slug)
    return next((s for s in schedules if rule.suits(s.debt.kind)), None)


@dataclass(frozen=True)
class Figures:
    """What the letter page pre-fills from the plan."""

    values: dict[str, str] = field(default_factory=dict)
    # The plan cannot be offered as instalments (a pause, or longer than a lender's limit or
    # than is realistic): the page points to the hardship letter instead.
    hardship: bool = False
    # This lender agreed an arrangement (tracker): the figures are the agreed ones and the
    # letter only confirms them in writing; one sentence saying so.
    agreement: str = ""


def _plan_values(
    request: HttpRequest, debt: CheckedDebt | None, slug: str, language: str
) -> Figures:
    """Pre-fill from the repayment plan: this lender's balance, monthly share and schedule.

    The plan reads the check's own record of the debt, so the amount is the one the borrower
    entered; when the plan adds charges, the letter states the principal and the charges
    with their sum, the balance the monthly amount is worked out from.
    """
    plan, state = _plan(request)
    if plan is None:
        return Figures()
    values: dict[str, str] = {}
    budget = state.budget
    if budget is not None and budget.total_income > 0:
        values["income"] = format_yuan(budget.total_income)
        values["spending"] = format_yuan(budget.total_spending)
    if budget is not None:
        values["available"] = format_yuan(budget.available)
    schedule = _schedule_for(plan, state, debt, slug)
    if schedule is not None:
        planned = schedule.debt
        if debt is None:
            values["lender"] = planned.lender_name
        values["amount"] = letter.amount_line(planned.principal, planned.charges, language)
    if schedule is not None and schedule.agreed is not None:
        return _agreed_values(values, schedule, language)
    if plan.paused or plan.others_paused:  # nothing to spare: no amount, only the situation
        values["offer"] = letter.offer_line(None, Decimal(0), language)
        return Figures(values, hardship=True)
    if schedule is None or not schedule.payments:
        return Figures(values)
    available = plan.available if plan.available is not None else plan.monthly
    values["offer"] = letter.offer_line(schedule.month_one, available, language)
    values["monthly"] = format_yuan(schedule.first_amount)
    values["months"] = str(len(schedule.payments))
    values["first_date"] = letter.format_date(schedule.payments[0].date, language)
    values["schedule"] = letter.schedule_lines(schedule.runs, language)
    return Figures(values, hardship=schedule.over_cap or plan.too_long)


def _agreed_values(values: dict[str, str], schedule: LenderSchedule, language: str) -> Figures:
    """The agreed arrangement's own figures: the letter confirms it and proposes nothing new."""
    agreed = schedule.agreed
    assert agreed is not None
    if "lender" not in values:
        values["lender"] = schedule.debt.lender_name
    values["monthly"] = format_yuan(agreed.monthly)
    values["months"] = str(agreed.months)
    first = schedule.payments[0].date
    values["first_date"] = letter.format_date(first, language)
    values["schedule"] = letter.schedule_lines(schedule.runs, language)
    values["terms"] = letter.agreed_terms_line(
        agreed.monthly, agreed.months, first, agreed.interest_stopped, language
    )
    note = _(
        "你在跟进记录里记下了和这家机构的约定（%(day)s：每月 %(monthly)s，共 %(months)s 期）。"
        "信里填的是约定的数字：这封信只用来书面确认这个约定，不再提新的还款方案。"
    ) % {
        "day": agreed.day.isoformat(),
        "monthly": format_yuan(agreed.monthly),
        "months": agreed.months,
    }
    return Figures(values, agreement=note)


def _pick_debt(slug: str, debts: list[CheckedDebt], wanted: str | None) -> CheckedDebt | None:
    rule = letter.letter_rule(slug)
    if rule.debts == letter.NO_DEBT or not debts:
        return None
    suitable = [debt for debt in debts if rule.suits(debt.kind)]
    if wanted is not None and wanted.isdigit():
        for debt in suitable:
            if debt.index == int(wanted):
                return debt
    # Never a debt the letter is not for: the borrower fills the lender in instead.
    return suitable[0] if suitable else None


def _not_offered(slug: str, debts: list[CheckedDebt]) -> list[str]:
    """One sentence per debt this letter is not for, saying why and which letter to use."""
    rule = letter.letter_rule(slug)
    if rule.debts == letter.CARDS:
        why = _("%(name)s：不是信用卡，这封信只适用于信用卡，请用“%(other)s”。")
    elif rule.debts == letter.NOT_CARDS:
        why = _("%(name)s：是信用卡，信用卡请用“%(other)s”。")
    elif rule.debts == letter.NOT_SMALL_LOANS:
        why = _(
            "%(name)s：是小额贷款公司，由所在省份的地方金融管理部门监管，"
            "请向那里投诉（见本页的说明），不用这份材料。"
        )
    else:
        return []
    templates = _templates()
    sentences = []
    for debt in debts:
        if rule.suits(debt.kind):
            continue
        # The first of this letter's alternatives that is for this debt, by its current title.
        other = next(
            (
                templates[alt].t("title")
                for alt in rule.alternatives
                if alt in templates and letter.letter_rule(alt).suits(debt.kind)
            ),
            "",
        )
        sentences.append(why % {"name": debt.lender_name, "other": other})
    return sentences


def _prefill(
    request: HttpRequest,
    template: LetterTemplate,
    debt: CheckedDebt | None,
    language: str,
) -> Figures:
    values: dict[str, str] = {}
    if debt is not None:
        values["lender"] = debt.lender_name
        if debt.amount:
            values["amount"] = format_yuan(debt.amount)
        if debt.days_overdue:
            values["days_overdue"] = str(debt.days_overdue)
    values["pause_months"] = "3"  # a starting point the borrower changes (see its hint)
    figures = _plan_values(request, debt, template.slug, language)
    values.update(figures.values)
    entries = load_entries(request)
    if entries:
        values["incidents"] = letter.incident_lines(entries, language)
    followed = _followed_for(request, template.slug, debt, values.get("lender", ""))
    if followed is not None:
        values.setdefault("lender", followed.name)
        values.update(
            letter.follow_up_values(
                followed.steps, answer_clocks(), today=today(), language=language
            )
        )
    return replace(figures, values=values)


def _followed_for(
    request: HttpRequest, slug: str, debt: CheckedDebt | None, name: str
) -> tracker.Followed | None:
    """This letter's lender in the follow-through tracker: the one the chosen debt names in
    the lender list, else the one of the same name, else (no lender known yet) the only one.
    Never a small-loan company for a letter that is not for them (the 12378 sheet)."""
    rule = letter.letter_rule(slug)
    found = [
        item
        for item in tracker.load_lenders(request)
        if item.steps and (rule.suits("small_loan") or not item.small_loan)
    ]
    if debt is not None and debt.lender_slug:
        for item in found:
            if item.lender == debt.lender_slug:
                return item
    if name.strip():
        return next((item for item in found if item.name.strip() == name.strip()), None)
    return found[0] if len(found) == 1 and debt is None else None


def _bodies(template: LetterTemplate) -> list[str]:
    return [template.t("body", "zh-hans"), template.t("body", "en")]


def _assemble(template: LetterTemplate, form: DetailsForm) -> str:
    language = form.cleaned_data.get("language") or "zh-hans"
    values = form.values()
    values["today"] = letter.format_date(today(), language)
    values["attachments"] = letter.numbered(_lines(template.t("evidence", language)))
    return letter.fill(template.t("body", language), values).strip("\n")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


# --- Pages ---


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    templates = _templates()
    groups = []
    shown: set[str] = set()
    for code, heading in letter.GROUP_TITLES.items():
        slugs = [r.slug for r in letter.LETTER_RULES if r.group == code and r.slug in templates]
        shown.update(slugs)
        if slugs:
            groups.append((_(heading), [templates[s] for s in slugs]))
    rest = [t for slug, t in templates.items() if slug not in shown]
    if rest:
        groups.append((_("其他信件"), rest))
    return render(
        request, "advisor/letters/index.html", {"groups": groups, "facts": content.facts("letter")}
    )


@require_safe
def gate(request: HttpRequest, slug: str) -> HttpResponse:
    """'Is this letter right for you?': a plain page that explains and points elsewhere."""
    template = _template_or_404(slug)
    templates = _templates()
    debts = checked_debts(request)
    rule = letter.letter_rule(slug)
    notes = []
    offered = not debts or any(rule.suits(d.kind) for d in debts)
    if rule.debts == letter.CARDS and debts and not any(rule.suits(d.kind) for d in debts):
        notes.append(
            _(
                "你在评估里填写的欠款中没有信用卡。这封信只适用于信用卡；网贷和消费金融请看下面的其他信件。"
            )
        )
    if rule.debts == letter.NOT_CARDS and debts and not any(rule.suits(d.kind) for d in debts):
        notes.append(_("你在评估里填写的欠款都是信用卡。信用卡请用“个性化分期还款申请”。"))
    if rule.debts == letter.NOT_SMALL_LOANS and debts and not offered:
        notes.append(
            _(
                "你在评估里填写的欠款都是小额贷款公司的。小额贷款公司由所在省份的地方金融管理部门监管："
                "投诉请按下面的说明找那里，不用这份材料。"
            )
        )
    evidence_count = (
        len(load_entries(request)) if "incidents" in typed_keys(_bodies(template)) else 0
    )
    return render(
        request,
        "advisor/letters/gate.html",
        {
            "template": template,
            "notes": notes,
            "offered": offered or rule.debts == letter.NO_DEBT,
            "not_offered": _not_offered(slug, debts) if offered else [],
            "alternatives": [templates[s] for s in rule.alternatives if s in templates],
            "evidence_count": evidence_count,
            "regulator": _small_loan_route(rule, debts),
        },
    )


def _small_loan_route(rule: letter.LetterRule, debts: list[CheckedDebt]) -> Fact | None:
    """On a complaint's page, where small-loan complaints go, when one of the debts is one."""
    if rule.complaint and any(debt.kind == "small_loan" for debt in debts):
        return content.fact(SMALL_LOAN_COMPLAINTS)
    return None


def _write_page(
    request: HttpRequest,
    template: LetterTemplate,
    form: DetailsForm,
    debts: list[CheckedDebt],
    debt: CheckedDebt | None,
    figures: Figures | None = None,
) -> HttpResponse:
    rule = letter.letter_rule(template.slug)
    return render(
        request,
        "advisor/letters/write.html",
        {
            "template": template,
            "form": form,
            "debts": []
            if rule.debts == letter.NO_DEBT
            else [d for d in debts if rule.suits(d.kind)],
            "not_offered": _not_offered(template.slug, debts),
            "regulator": _small_loan_route(rule, debts),
            "debt": debt,
            "prefilled": any(form[key].value() for key in form.other_keys()),
            "figures": figures or Figures(),
            "title": template.t("title"),
        },
    )


def _edit_page(
    request: HttpRequest,
    template: LetterTemplate,
    details: DetailsForm,
    text_form: LetterTextForm,
    text: str,
    image: bytes = b"",
) -> HttpResponse:
    title, body = letter.split_title(text)
    return render(
        request,
        "advisor/letters/edit.html",
        {
            "image": data_uri(image) if image else "",
            "followed": [item for item in tracker.load_lenders(request) if item.steps],
            "template": template,
            "details": details,
            "form": text_form,
            "letter_title": title,
            "letter_body": body,
            "blanks": letter.blank_count(text),
            "blank": letter.BLANK,
            "copies": text_form.cleaned_data.get("copies", True)
            if text_form.is_bound and text_form.is_valid()
            else True,
            "title": template.t("title"),
        },
    )


def _outputs_context(template: LetterTemplate, text: str, copies: bool) -> dict[str, Any]:
    title, body = letter.split_title(text)
    return {
        "template": template,
        "letter_title": title,
        "letter_body": body,
        "copies": copies,
        "sending": _lines(template.t("sending")),
        "evidence": _lines(template.t("evidence")),
    }


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def write(request: HttpRequest, slug: str) -> HttpResponse:
    template = _template_or_404(slug)
    keys = typed_keys(_bodies(template))
    debts = checked_debts(request)
    if request.method == "GET":
        asked = request.GET.get("lang") or ""
        language = asked if asked in ("zh-hans", "en") else "zh-hans"
        debt = _pick_debt(slug, debts, request.GET.get("debt"))
        figures = _prefill(request, template, debt, language)
        form = DetailsForm(keys=keys, initial={"language": language, **figures.values})
        return _write_page(request, template, form, debts, debt, figures)

    details = DetailsForm(request.POST, keys=keys)
    if request.POST.get("step") != "edit":
        if not details.is_valid():
            return _write_page(request, template, details, debts, None)
        text = _assemble(template, details)
        return _edit_page(request, template, details, LetterTextForm(initial={"text": text}), text)

    action = request.POST.get("action", "preview")
    if action == "back":
        details.is_valid()  # show what was typed; errors only if something was tampered with
        return _write_page(request, template, details, debts, None)
    if not details.is_valid():
        return _write_page(request, template, details, debts, None)
    text_form = LetterTextForm(request.POST)
    if not text_form.is_valid():
        return _edit_page(request, template, details, text_form, request.POST.get("text", ""))
    text = text_form.cleaned_data["text"]
    copies = text_form.cleaned_data["copies"]
    if action == "pdf":
        pdf = render_pdf("pdf/letter.html", _outputs_context(template, text, copies), request)
        return pdf_response(pdf, f"letter-{template.slug}.pdf")
    if action == "docx":
        return _docx_response(template, text, copies)
    if action == "png":
        # The letter is personal: the image goes into this page, never to a URL of its own.
        # No keep-copy in the image: the saved image is the borrower's copy.
        image = render_png("pdf/letter.html", _outputs_context(template, text, False), request)
        return _edit_page(request, template, details, text_form, text, image)
    return _edit_page(request, template, details, text_form, text)


def _docx_response(template: LetterTemplate, text: str, copies: bool) -> HttpResponse:
    sections: Iterable[tuple[str, list[str]]] = [
        (_("寄送方法"), _lines(template.t("sending"))),
        (_("要准备的材料"), _lines(template.t("evidence"))),
    ]
    data = build_letter(
        text,
        keep_copy_heading=_("留底副本：自己保存，不要寄出") if copies else "",
        sections=[s for s in sections if s[1]],
    )
    return attachment(
        data,
        f"letter-{template.slug}.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )


urlpatterns = [
    path("letters/", index, name="advisor-letters"),
    path("letters/<slug:slug>/", gate, name="advisor-letter-gate"),
    path("letters/<slug:slug>/write/", write, name="advisor-letter-write"),
]
