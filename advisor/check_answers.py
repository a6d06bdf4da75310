"""The guided check, Django side: session answers → estimates, labels and texts.

Answers live in the session area "check" (via advisor.session only):

    {"debts": [{"kind": "credit_card", "lender": "webank-weilidai" | "other",
                "lender_other": "", "amount": "3000.00", "days_overdue": 45,
                "days_range": "31-60" | "", "first_missed": "2026-10-09" | "",
                "contact": "not_answering", "signals": ["lawyer_letter"],
                "arrangement": "none" | "kept" | "broken", "region": "tier2" | ""}, ...]}

Everything read from the session is checked again here (``clean_debt``): a value that
is malformed, from an older version, or tampered with is dropped, so the step guard sends
the borrower back to that question instead of the page failing.

Other parts of the site pre-fill from the check with ``checked_debts(request)``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from advisor import check_steps, content, estimate, savecodes, session
from advisor.estimate import Estimate, Situation
from advisor.models import LenderKind, today
from advisor.money import AmountError, format_yuan, parse_amount

AREA = "check"
MAX_DAYS = 36500

KIND_LABELS: dict[str, Promise] = dict(LenderKind.choices)  # type: ignore[arg-type]
KIND_HINTS: dict[str, Promise] = {
    "credit_card": _("银行发的信用卡，包括分期和取现"),
    "online_bank": _("银行在App或微信里放的贷款，例如微粒贷"),
    "consumer_finance": _("持牌消费金融公司的贷款，例如花呗、借呗"),
    "platform": _("在借款平台上借、实际由别的机构出钱的贷款"),
    "small_loan": _("名字里有“小额贷款”的公司"),
    "other": _("不知道属于哪一种也没关系"),
}
CONTACT_LABELS: dict[str, Promise] = {
    "cooperating": _("我在接电话，也在和对方协商"),
    "answering_cannot_pay": _("我在接电话，但暂时还不上"),
    "not_answering": _("我没有接他们的电话"),
    "unreachable": _("他们联系不上我（换了号码或搬了家）"),
}
SIGNAL_LABELS: dict[str, Promise] = {
    "visit_announced": _("短信或电话说要“上门”或“外访”"),
    "third_parties": _("他们联系了我的家人、朋友或单位"),
    "lawyer_letter": _("收到律师函"),
    "court_notice": _("收到法院或仲裁机构的文书（如传票、支付令）"),
    "none": _("以上都没有"),
}
SIGNALS = tuple(SIGNAL_LABELS)
ARRANGEMENT_LABELS: dict[str, Promise] = {
    "none": _("没有还款安排"),
    "kept": _("有还款安排，并且在按时还"),
    "broken": _("有过安排或答应过还款，但没能做到"),
}
REGION_LABELS: dict[str, Promise] = {
    "tier1": _("一线城市（北京、上海、广州、深圳）"),
    "tier2": _("省会或其他大城市"),
    "tier3": _("其他城市或县城"),
    "rural": _("乡镇或农村"),
    "": _("不确定或不想说"),
}
# Day ranges offered on the "how long overdue" page: code → (label, representative day).
# The edges match the stage and score bands, so any day inside a range gives the same result.
DAY_RANGES: dict[str, tuple[Promise, int]] = {
    "1-30": (_("1到30天"), 1),
    "31-60": (_("31到60天"), 31),
    "61-90": (_("61到90天（约3个月）"), 61),
    "91-180": (_("91到180天（3到6个月）"), 91),
    "181-365": (_("181到365天（半年到一年）"), 181),
    "366+": (_("一年以上"), 366),
}
LEVEL_LABELS: dict[str, Promise] = {
    "low": _("较低"),
    "medium": _("中等"),
    "high": _("较高"),
    "very_high": _("很高"),
}
REASON_TEXTS: dict[str, Promise] = {
    "amount": _("欠款金额：金额越大，机构越愿意花成本派人上门。"),
    "days_overdue": _("逾期时间：常见的说法是逾期约3个月以后，上门更多见。"),
    "lender_kind": _("机构类型：信用卡中心过去较常外访，网贷更多靠电话和起诉。"),
    "contact_cooperating": _("你在接电话并和对方沟通，这通常会减少升级。"),
    "contact_answering_cannot_pay": _("你在接电话，但暂时还不上。"),
    "contact_not_answering": _("你没有接电话：联系不上是上门最常见的原因之一。"),
    "contact_unreachable": _("对方联系不上你（换号或搬家）：失联是上门最常见的原因。"),
    "visit_announced": _("你已经收到要上门或外访的通知。"),
    "third_parties_contacted": _("对方已经联系你的家人、朋友或单位，说明他们在设法找到你。"),
    "lawyer_letter": _("你收到了律师函，说明对方在加大催收力度。"),
    "court_notice": _("你收到了法院或仲裁的文书：机构已经走法律途径。"),
    "broken_promises": _("之前答应的还款没有做到。"),
    "plan_kept": _("你有还款安排，并且在按时履行。"),
    "region": _("所在地区：不同城市的外访成本和催收机构分布不同。"),
}
STAGE_FALLBACK_LABELS: dict[str, Promise] = {
    "reminders": _("到期提醒"),
    "early": _("早期提醒和电话"),
    "calls": _("频繁电话催收"),
    "outsourcing": _("委外催收，可能上门"),
    "legal": _("起诉、仲裁或支付令"),
}
DEFAULT_VERSION_LABEL = _("内置默认值")

_SLUG = re.compile(r"^[-a-z0-9_]{1,60}$")


@dataclass(frozen=True)
class CheckedDebt:
    """One debt from the guided check, with its estimate.

    ``complete`` is False while questions are unanswered; the estimate then uses neutral
    values for the missing answers and should not be shown as a result.
    """

    index: int
    kind: str
    lender_slug: str
    lender_name: str
    amount: Decimal
    days_overdue: int
    contact: str
    estimate: Estimate
    complete: bool


def clean_debt(raw: Any) -> dict[str, Any]:
    """A debt dict with only well-formed answers (anything else is dropped)."""
    if not isinstance(raw, dict):
        return {}
    debt: dict[str, Any] = {}
    if raw.get("kind") in estimate.LENDER_KINDS:
        debt["kind"] = raw["kind"]
    lender = raw.get("lender")
    if isinstance(lender, str) and _SLUG.match(lender):
        debt["lender"] = lender
        other = raw.get("lender_other", "")
        debt["lender_other"] = other.strip()[:100] if isinstance(other, str) else ""
    amount = raw.get("amount")
    if isinstance(amount, str):
        with contextlib.suppress(AmountError):
            debt["amount"] = str(parse_amount(amount))
    first_missed = raw.get("first_missed") or ""
    days = raw.get("days_overdue")
    if isinstance(first_missed, str) and first_missed:
        try:
            missed = dt.date.fromisoformat(first_missed)
        except ValueError:
            missed = None
        if missed is not None and missed <= today():
            debt["first_missed"] = first_missed
            debt["days_range"] = ""
            debt["days_overdue"] = min((today() - missed).days, MAX_DAYS)
    elif isinstance(days, int) and not isinstance(days, bool) and 0 <= days <= MAX_DAYS:
        debt["days_overdue"] = days
        day_range = raw.get("days_range", "")
        debt["days_range"] = day_range if day_range in DAY_RANGES else ""
        debt["first_missed"] = ""
    if raw.get("contact") in estimate.CONTACTS:
        debt["contact"] = raw["contact"]
    signals = raw.get("signals")
    if isinstance(signals, list) and signals and all(s in SIGNALS for s in signals):
        debt["signals"] = [s for s in SIGNALS if s in signals]
    if raw.get("arrangement") in ARRANGEMENT_LABELS:
        debt["arrangement"] = raw["arrangement"]
    if raw.get("region") in estimate.REGIONS:
        debt["region"] = raw["region"]
    return debt


def load(request: HttpRequest) -> dict[str, Any]:
    """The check area, cleaned: always ``{"debts": [...], ...}``."""
    data = session.load(request, AREA)
    raw_debts = data.get("debts")
    debts = [clean_debt(d) for d in raw_debts] if isinstance(raw_debts, list) else []
    data["debts"] = [d for d in debts if d][: check_steps.MAX_DEBTS]
    return data


def store(request: HttpRequest, data: dict[str, Any]) -> None:
    """Keep the answers in the session, and under the save code if the borrower has one."""
    session.store(request, AREA, data)
    code = session.save_code(request)
    if code:
        # A malformed cookie: the session copy is still there.
        with contextlib.suppress(savecodes.BadCode):
            savecodes.update(code, AREA, data)


def save_answer(request: HttpRequest, index: int, changes: dict[str, Any]) -> dict[str, Any]:
    """Add one page's answers to debt ``index`` (a new debt when index == count)."""
    data = load(request)
    debts_ = data["debts"]
    debt = dict(debts_[index]) if index < len(debts_) else {}
    if "kind" in changes and debt.get("kind") not in (None, changes["kind"]):
        # Another kind of debt: the lender list changes, so ask for the lender again.
        debt.pop("lender", None)
        debt.pop("lender_other", None)
    debt.update(changes)
    if index < len(debts_):
        debts_[index] = debt
    else:
        debts_.append(debt)
    store(request, data)
    return clean_debt(debt)


def debts(request: HttpRequest) -> list[dict[str, Any]]:
    return load(request)["debts"]


def current_weights() -> tuple[dict[str, Any], str]:
    """The weights in force and the name of their version, for the result page."""
    version = content.estimate_version()
    if version is None:
        return estimate.merge_weights(None), str(DEFAULT_VERSION_LABEL)
    return estimate.merge_weights(version.weights), version.version


def situation_for(debt: dict[str, Any]) -> Situation:
    signals = set(debt.get("signals", []))
    arrangement = debt.get("arrangement", "none")
    return Situation(
        amount=Decimal(debt.get("amount", "0")),
        days_overdue=int(debt.get("days_overdue", 0)),
        lender_kind=debt.get("kind", "other"),
        contact=debt.get("contact", "answering_cannot_pay"),
        visit_announced="visit_announced" in signals,
        plan_kept=arrangement == "kept",
        third_parties_contacted="third_parties" in signals,
        lawyer_letter="lawyer_letter" in signals,
        court_notice="court_notice" in signals,
        broken_promises=arrangement == "broken",
        region=debt.get("region", ""),
    )


def lender_name(debt: dict[str, Any]) -> str:
    slug = debt.get("lender", "")
    if slug and slug != "other":
        found = content.lender(slug)
        if found is not None:
            return found.t("name")
    if debt.get("lender_other"):
        return debt["lender_other"]
    return str(KIND_LABELS.get(debt.get("kind", ""), _("其他／不确定")))


def overdue_text(debt: dict[str, Any]) -> str:
    """How long overdue, as the borrower answered it (a range stays a range)."""
    if debt.get("first_missed"):
        return str(
            _("从 %(date)s 起，共 %(days)s 天")
            % {"date": debt["first_missed"], "days": debt["days_overdue"]}
        )
    if debt.get("days_range") in DAY_RANGES:
        return str(DAY_RANGES[debt["days_range"]][0])
    return str(_("%(days)s 天") % {"days": debt.get("days_overdue", 0)})


def reason_text(code: str) -> str:
    return str(REASON_TEXTS.get(code, estimate.REASON_TEXTS.get(code, code)))


def checked_debts(request: HttpRequest) -> list[CheckedDebt]:
    """Every debt in the guided check, in order, with its estimate."""
    weights, _version = current_weights()
    found = []
    for index, debt in enumerate(debts(request)):
        situation = situation_for(debt)
        found.append(
            CheckedDebt(
                index=index,
                kind=situation.lender_kind,
                lender_slug=debt.get("lender", ""),
                lender_name=lender_name(debt),
                amount=situation.amount,
                days_overdue=situation.days_overdue,
                contact=situation.contact,
                estimate=estimate.estimate_visit(situation, weights),
                complete=check_steps.is_complete(debt),
            )
        )
    return found


# --- The result page -------------------------------------------------------------------

DIRECTION_LABELS: dict[bool, Promise] = {True: _("提高"), False: _("降低")}
STRENGTH_LABELS: dict[str, Promise] = {
    "strong": _("影响大"),
    "moderate": _("影响中等"),
    "slight": _("影响小"),
}


@dataclass(frozen=True)
class ShownReason:
    code: str
    text: str
    raises: bool
    direction: str
    strength: str


@dataclass(frozen=True)
class ShownChange:
    code: str
    text: str
    level: str
    level_label: str
    payment: Decimal | None
    same_level: bool  # the score goes down but stays within the same level


@dataclass(frozen=True)
class DebtResult:
    number: int
    name: str
    amount: Decimal
    days_overdue: int
    overdue_text: str
    estimate: Estimate
    level_label: str
    reasons: tuple[ShownReason, ...]
    changes: tuple[ShownChange, ...]
    stage: str
    court_notice: bool


def _strength(points: int) -> str:
    size = abs(points)
    return "strong" if size >= 15 else "moderate" if size >= 7 else "slight"


def change_text(change: estimate.Counterfactual) -> str:
    if change.code == "cooperate":
        return str(
            _(
                "接听电话，说明你的情况，并主动提出一个你真的做得到的还款方案（可以用我们的协商信）。"
            )
        )
    if change.code == "keep_arrangement":
        return str(_("和机构谈好还款安排（例如分期），并按时履行。"))
    payment = format_yuan(change.payment or Decimal(0))
    remaining = format_yuan(change.situation.amount)
    return str(
        _(
            "如果不影响基本生活，先通过官方渠道还 %(payment)s，让欠款降到 %(remaining)s。"
            "只还给机构的官方App或账户，不要转给个人。"
        )
        % {"payment": payment, "remaining": remaining}
    )


def debt_result(
    index: int,
    debt: dict[str, Any],
    weights: dict[str, Any],
    starts: tuple[tuple[str, int], ...] = estimate.DEFAULT_STAGE_STARTS,
) -> DebtResult:
    """Everything the result page shows for one complete debt."""
    situation = situation_for(debt)
    found = estimate.estimate_visit(situation, weights)
    reasons = tuple(
        ShownReason(
            code=reason.code,
            text=reason_text(reason.code),
            raises=reason.contribution > 0,
            direction=str(DIRECTION_LABELS[reason.contribution > 0]),
            strength=str(STRENGTH_LABELS[_strength(reason.contribution)]),
        )
        for reason in found.reasons
    )
    changes = tuple(
        ShownChange(
            code=change.code,
            text=change_text(change),
            level=change.estimate.level,
            level_label=str(LEVEL_LABELS[change.estimate.level]),
            payment=change.payment,
            same_level=change.estimate.level == found.level,
        )
        for change in estimate.what_would_lower(situation, weights)
    )
    return DebtResult(
        number=index + 1,
        name=lender_name(debt),
        amount=situation.amount,
        days_overdue=situation.days_overdue,
        overdue_text=overdue_text(debt),
        estimate=found,
        level_label=str(LEVEL_LABELS[found.level]),
        reasons=reasons,
        changes=changes,
        stage=estimate.stage_for_days(
            situation.days_overdue, court_notice=situation.court_notice, starts=starts
        ),
        court_notice=situation.court_notice,
    )
