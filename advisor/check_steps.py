"""The guided check's questions, each declared once, and the order they are asked in.

A ``Step`` is everything about one question: its page (``slug``), its form, the answer keys it
fills, how a stored answer is checked again (``clean``), its row on check-your-answers
(``label`` and ``summary``), how its answers reach the estimate (``situation``: answers →
``estimate.Situation`` fields, None when it does not feed it), the words for the reason codes
it produces (``reasons``), and the sample borrowers' answers the tests walk (``samples``).

To add a question: its form in advisor/forms/check.py, one ``Step`` below and, if it feeds
the estimate, its ``Situation`` field and weight in advisor/rules/estimate.py. Nothing else:
``situation_for``, ``REASON_TEXTS`` and tests/sample_borrower.py are built from ``STEPS``.

A step works on one debt's answers as stored: a JSON-safe mapping (advisor.check_answers has
the session layout, and parses it into the typed ``DebtAnswers`` the rest of the site reads);
a step is answered when its keys are present. The functions at the end decide where a
borrower goes next and where a request for a later page must be sent back to; the view only
follows them.

>>> first_incomplete({"kind": "credit_card", "lender": "other"})
'amount'
>>> next_step("amount", {})
'overdue'
>>> previous_step("kind", {}) is None
True
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from advisor import content
from advisor.forms import check as f
from advisor.models import today
from advisor.rules import estimate
from advisor.rules.money import AmountError, format_yuan, parse_amount

Answers = Mapping[str, Any]
FormData = dict[str, str | list[str]]

# Lender slugs and other content keys: the site's one slug rule.
SLUG = re.compile(r"^[-a-z0-9_]{1,60}$")


@dataclass(frozen=True)
class Step:
    slug: str
    form: type[f.StepForm]
    label: Promise  # the row's label on check-your-answers
    keys: tuple[str, ...]  # the answer keys this page fills; answered when all are present
    clean: Callable[[Answers], dict[str, Any]]  # stored answers → this step's well-formed keys
    summary: Callable[[Answers], list[str]]  # the row's values on check-your-answers
    # This step's answers (missing ones get neutral values) → the Situation fields it sets.
    situation: Callable[[Answers], dict[str, Any]] | None = None
    reasons: Mapping[str, Promise] = field(default_factory=dict)  # its reason codes, in words
    # The sample borrowers' form data for this page, one per sample debt (tests, make lighthouse).
    samples: tuple[FormData, ...] = ()
    template: str = "advisor/check/question.html"
    clears: tuple[str, ...] = ()  # answers of other steps a changed answer makes stale
    per_borrower: bool = False  # about the borrower, not the debt: asked once, kept for all

    @property
    def feeds_estimate(self) -> bool:
        return self.situation is not None


def _choice(key: str, allowed: Sequence[str]) -> Callable[[Answers], dict[str, Any]]:
    def clean(raw: Answers) -> dict[str, Any]:
        value = raw.get(key)
        return {key: value} if isinstance(value, str) and value in allowed else {}

    return clean


def _label(key: str, labels: Mapping[str, Promise]) -> Callable[[Answers], list[str]]:
    return lambda debt: [str(labels[debt[key]])]


def lender_name(debt: Answers) -> str:
    slug = debt.get("lender", "")
    if slug and slug != "other":
        found = content.lender(slug)
        if found is not None:
            return found.t("name")
    if debt.get("lender_other"):
        return str(debt["lender_other"])
    return str(f.KIND_LABELS.get(debt.get("kind", ""), _("其他／不确定")))


def overdue_text(debt: Answers) -> str:
    """How long overdue, as the borrower answered it (a range stays a range)."""
    if debt.get("first_missed"):
        return str(
            _("从 %(date)s 起，共 %(days)s 天")
            % {"date": debt["first_missed"], "days": debt["days_overdue"]}
        )
    if debt.get("days_range") in f.DAY_RANGES:
        return str(f.DAY_RANGES[debt["days_range"]][0])
    return str(_("%(days)s 天") % {"days": debt.get("days_overdue", 0)})


def _clean_lender(raw: Answers) -> dict[str, Any]:
    lender = raw.get("lender")
    if not (isinstance(lender, str) and SLUG.match(lender)):
        return {}
    other = raw.get("lender_other", "")
    return {"lender": lender, "lender_other": other.strip()[:100] if isinstance(other, str) else ""}


def _clean_amount(raw: Answers) -> dict[str, Any]:
    amount = raw.get("amount")
    if isinstance(amount, str):
        with contextlib.suppress(AmountError):
            return {"amount": str(parse_amount(amount))}
    return {}


def _clean_overdue(raw: Answers) -> dict[str, Any]:
    first_missed = raw.get("first_missed") or ""
    days = raw.get("days_overdue")
    if isinstance(first_missed, str) and first_missed:
        try:
            missed = dt.date.fromisoformat(first_missed)
        except ValueError:
            return {}
        if missed > today():
            return {}
        return {
            "first_missed": first_missed,
            "days_range": "",
            "days_overdue": min((today() - missed).days, f.MAX_DAYS),
        }
    if isinstance(days, int) and not isinstance(days, bool) and 0 <= days <= f.MAX_DAYS:
        day_range = raw.get("days_range", "")
        return {
            "days_overdue": days,
            "days_range": day_range
            if isinstance(day_range, str) and day_range in f.DAY_RANGES
            else "",
            "first_missed": "",
        }
    return {}


def _clean_signals(raw: Answers) -> dict[str, Any]:
    signals = raw.get("signals")
    if isinstance(signals, list) and signals and all(s in f.SIGNALS for s in signals):
        return {"signals": [s for s in f.SIGNALS if s in signals]}
    return {}


def _signal_flags(debt: Answers) -> dict[str, Any]:
    signals = set(debt.get("signals", []))
    return {
        "visit_announced": "visit_announced" in signals,
        "third_parties_contacted": "third_parties" in signals,
        "lawyer_letter": "lawyer_letter" in signals,
        "court_notice": "court_notice" in signals,
    }


def _arrangement_flags(debt: Answers) -> dict[str, Any]:
    arrangement = debt.get("arrangement", "none")
    return {"plan_kept": arrangement == "kept", "broken_promises": arrangement == "broken"}


STEPS: tuple[Step, ...] = (
    Step(
        "kind",
        f.KindForm,
        _("欠款类型"),
        ("kind",),
        _choice("kind", estimate.LENDER_KINDS),
        _label("kind", f.KIND_LABELS),
        situation=lambda debt: {"lender_kind": debt.get("kind", "other")},
        reasons={
            "lender_kind": _(
                "机构类型：信用卡中心过去较常外访，网贷更多靠电话和起诉；其他类型机构之间的差别是本站的粗略假设。"
            ),
        },
        samples=({"kind": "credit_card"}, {"kind": "online_bank"}),
        clears=("lender", "lender_other"),  # another kind of debt: another lender list
    ),
    Step(
        "lender",
        f.LenderForm,
        _("机构"),
        ("lender",),
        _clean_lender,
        lambda debt: [lender_name(debt)],
        samples=(
            {"lender": "other", "lender_other": "某某银行信用卡"},
            {"lender": "webank-weilidai"},
        ),
        template="advisor/check/lender.html",
    ),
    Step(
        "amount",
        f.AmountForm,
        _("逾期金额"),
        ("amount",),
        _clean_amount,
        lambda debt: [format_yuan(Decimal(debt["amount"]))],
        situation=lambda debt: {"amount": Decimal(debt.get("amount", "0"))},
        reasons={"amount": _("欠款金额：金额越大，机构越愿意花成本派人上门。")},
        # Typed the ways borrowers type: currency sign and separator; full-width digits with 元.
        samples=({"amount": "¥52,000"}, {"amount": "３０００元"}),
        template="advisor/check/amount.html",
    ),
    Step(
        "overdue",
        f.OverdueForm,
        _("逾期多久"),
        ("days_overdue",),
        _clean_overdue,
        lambda debt: [overdue_text(debt)],
        situation=lambda debt: {"days_overdue": int(debt.get("days_overdue", 0))},
        reasons={"days_overdue": _("逾期时间：常见的说法是逾期约3个月以后，上门更多见。")},
        samples=({"days_range": "91-180"}, {"days": "12"}),
        template="advisor/check/overdue.html",
    ),
    Step(
        "contact",
        f.ContactForm,
        _("联系情况"),
        ("contact",),
        _choice("contact", estimate.CONTACTS),
        _label("contact", f.CONTACT_LABELS),
        situation=lambda debt: {"contact": debt.get("contact", "answering_cannot_pay")},
        reasons={
            "contact_cooperating": _("你在接电话并和对方沟通，这通常会减少升级。"),
            "contact_answering_cannot_pay": _("你在接电话，但暂时还不上。"),
            "contact_not_answering": _(
                "你没有接电话：行业文章普遍认为，联系不上是上门最常见的原因之一。"
            ),
            "contact_unreachable": _(
                "对方联系不上你（换号或搬家）：行业文章普遍认为，失联是上门最常见的原因。"
            ),
        },
        samples=({"contact": "not_answering"}, {"contact": "cooperating"}),
    ),
    Step(
        "signals",
        f.SignalsForm,
        _("收到的通知"),
        ("signals",),
        _clean_signals,
        lambda debt: [str(f.SIGNAL_LABELS[s]) for s in debt["signals"]],
        situation=_signal_flags,
        reasons={
            "visit_announced": _("你已经收到要上门或外访的通知。"),
            "third_parties_contacted": _(
                "对方已经联系你的家人、朋友或单位，说明他们在设法找到你（它让评估略微上升，这是本站的粗略假设）。"
            ),
            "lawyer_letter": _("你收到了律师函（它让评估略微上升，这是本站的粗略假设）。"),
            "court_notice": _("你收到了法院或仲裁的文书：机构已经走法律途径。"),
        },
        samples=({"signals": ["visit_announced", "third_parties"]}, {"signals": ["none"]}),
    ),
    Step(
        "visited",
        f.VisitedForm,
        _("上门情况"),
        ("visit_history",),
        _choice("visit_history", estimate.VISIT_HISTORIES),
        _label("visit_history", f.VISIT_LABELS),
        situation=lambda debt: {"visit_history": debt.get("visit_history", "none")},
        reasons={
            "earlier_visit": _(
                "已经有人为这笔欠款上过门：机构知道去哪里找你。会不会再来、什么时候来，没有规定，"
                "要看你之后怎么联系、怎么安排还款；按再来的可能更大来算，是本站的粗略假设。"
            ),
        },
        samples=({"visit_history": "calm"}, {"visit_history": "none"}),
    ),
    Step(
        "agency",
        f.AgencyForm,
        _("是否委外催收"),
        ("agency",),
        _choice("agency", tuple(f.AGENCY_LABELS)),
        _label("agency", f.AGENCY_LABELS),
        situation=lambda debt: {"outside_agency": debt.get("agency") == "yes"},
        reasons={
            "outside_agency": _(
                "机构说已经交给外面的催收公司：行业文章说，逾期较久的欠款常被委外，这时上门也更多见；"
                "但这些公司多数还是打电话，所以它只让评估小幅上升，这是本站的粗略假设。"
            ),
        },
        samples=({"agency": "yes"}, {"agency": "no"}),
    ),
    Step(
        "arrangement",
        f.ArrangementForm,
        _("还款安排"),
        ("arrangement",),
        _choice("arrangement", tuple(f.ARRANGEMENT_LABELS)),
        _label("arrangement", f.ARRANGEMENT_LABELS),
        situation=_arrangement_flags,
        reasons={
            "broken_promises": _("之前答应的还款没有做到。"),
            "plan_kept": _("你有还款安排，并且在按时履行。"),
        },
        samples=({"arrangement": "broken"}, {"arrangement": "kept"}),
    ),
    Step(
        "region",
        f.RegionForm,
        _("所在地区"),
        ("region",),
        _choice("region", estimate.REGIONS),
        _label("region", f.REGION_LABELS),
        situation=lambda debt: {"region": debt.get("region", "")},
        reasons={
            "region": _(
                "所在地区：不同城市的外访成本和催收机构分布不同；有行业文章说较发达的地区上门更早，按地区加减是本站的粗略假设。"
            ),
        },
        samples=({"region": "tier2"}, {"region": "unknown"}),
        per_borrower=True,
    ),
)
SLUGS = tuple(item.slug for item in STEPS)
PER_BORROWER_KEYS = tuple(key for item in STEPS if item.per_borrower for key in item.keys)
MAX_DEBTS = 10


# Every reason code the estimate can give, in words (from the step that produces it).
REASON_TEXTS: dict[str, Promise] = {
    code: text for item in STEPS for code, text in item.reasons.items()
}


def situation_for(debt: Answers) -> estimate.Situation:
    """The estimate's view of one debt: each feeding step sets its own fields."""
    fields: dict[str, Any] = {}
    for item in STEPS:
        if item.situation is not None:
            fields.update(item.situation(debt))
    return estimate.Situation(**fields)


def step(slug: str) -> Step:
    for item in STEPS:
        if item.slug == slug:
            return item
    raise KeyError(slug)


def clean_answers(raw: object) -> dict[str, Any]:
    """One debt's stored answers with only well-formed values (anything else is dropped);
    advisor.check_answers.clean_debt makes them a typed ``DebtAnswers``."""
    if not isinstance(raw, Mapping):
        return {}
    debt: dict[str, Any] = {}
    for item in STEPS:
        debt.update(item.clean(raw))
    return debt


def questions_for(index: int, slug: str) -> tuple[str, ...]:
    """The questions debt ``index`` (0-based) is asked, in order, for the "question n of N"
    line: a later debt carries over what the borrower said about themselves, so those
    questions count only on the first debt (or when one of them is the page shown)."""
    return tuple(
        item.slug for item in STEPS if index == 0 or not item.per_borrower or item.slug == slug
    )


def is_answered(slug: str, answers: Answers) -> bool:
    return all(key in answers and answers[key] is not None for key in step(slug).keys)


def first_incomplete(answers: Answers) -> str | None:
    """The first question of this debt still to answer, or None when all are answered."""
    for item in STEPS:
        if not is_answered(item.slug, answers):
            return item.slug
    return None


def is_complete(answers: Answers) -> bool:
    return first_incomplete(answers) is None


def next_step(slug: str, answers: Answers) -> str | None:
    """The step after ``slug`` for these answers; None after the last one."""
    if slug not in SLUGS:
        return first_incomplete(answers)
    for following in SLUGS[SLUGS.index(slug) + 1 :]:
        # A question about the borrower already answered (for an earlier debt) is not asked again.
        if not (step(following).per_borrower and is_answered(following, answers)):
            return following
    return None


def previous_step(slug: str, answers: Answers) -> str | None:
    if slug not in SLUGS:
        return None
    position = SLUGS.index(slug)
    return SLUGS[position - 1] if position > 0 else None


@dataclass(frozen=True)
class Place:
    """Where a borrower should be: debt ``index`` (0-based), question ``slug``."""

    index: int
    slug: str


def first_unanswered(debts: Sequence[Answers]) -> Place | None:
    """The first unanswered question over all debts; None when every debt is complete."""
    for index, answers in enumerate(debts):
        slug = first_incomplete(answers)
        if slug is not None:
            return Place(index, slug)
    return None


def guard_step(debts: Sequence[Answers], index: int, slug: str) -> Place | None:
    """None if question ``slug`` of debt ``index`` may be shown; else where to go instead.

    A borrower may revisit any answered question and the first unanswered one of a debt.
    A new debt (index == len(debts)) starts at its first question, and only once the
    debts before it are complete.
    """
    if slug not in SLUGS or index < 0:
        return first_unanswered(debts) or Place(0, SLUGS[0])
    if index > len(debts) or index >= MAX_DEBTS:
        return first_unanswered(debts) or Place(len(debts) - 1 if debts else 0, SLUGS[0])
    if index == len(debts):
        earlier = first_unanswered(debts)
        if earlier is not None:
            return earlier
        return None if slug == SLUGS[0] else Place(index, SLUGS[0])
    answers = debts[index]
    if is_answered(slug, answers):
        return None
    first = first_incomplete(answers)
    if first is None or first == slug:
        return None
    return None if SLUGS.index(slug) <= SLUGS.index(first) else Place(index, first)


def guard_summary(debts: Sequence[Answers]) -> Place | None:
    """For check-your-answers and the result: None if every debt is complete."""
    if not debts:
        return Place(0, SLUGS[0])
    return first_unanswered(debts)
