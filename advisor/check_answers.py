"""The guided check, Django side: session answers → estimates, labels and texts.

Answers live in the session area "check" (via advisor.session only):

    {"format": 2,
     "debts": [{"kind": "credit_card", "lender": "webank-weilidai" | "other",
                "lender_other": "", "amount": "3000.00", "days_overdue": 45,
                "days_range": "31-60" | "", "first_missed": "2026-10-09" | "",
                "contact": "not_answering", "signals": ["lawyer_letter"],
                "visit_history": "none" | "calm" | "trouble",
                "agency": "yes" | "no" | "not_sure",
                "arrangement": "none" | "kept" | "broken", "region": "tier2" | ""}, ...]}

The area carries ``"format": FORMAT``. Format 1 (no "format" key) is the layout before
the visit and agency questions: its answers are kept and the new questions are asked. A
format this code does not know (a later version, or tampered with) starts the check again
with no debts rather than guessing what its answers mean.

Everything read from the session is checked again here (``clean_debt``): a value that
is malformed, from an older version, or tampered with is dropped, so the step guard sends
the borrower back to that question instead of the page failing.

Other parts of the site pre-fill from the check with ``checked_debts(request)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from advisor import check_steps, content, estimate, savecodes, session
from advisor.check_steps import REASON_TEXTS, clean_debt, lender_name, overdue_text, situation_for
from advisor.estimate import Estimate

AREA = "check"
FORMAT = 2  # of the stored answers; older ones are migrated (_migrate)
LEVEL_LABELS: dict[str, Promise] = {
    "low": _("较低"),
    "medium": _("中等"),
    "high": _("较高"),
    "very_high": _("很高"),
}
STAGE_FALLBACK_LABELS: dict[str, Promise] = {
    "reminders": _("到期提醒"),
    "early": _("早期提醒和电话"),
    "calls": _("频繁电话催收"),
    "outsourcing": _("委外催收，可能上门"),
    "legal": _("起诉、仲裁或支付令"),
}
DEFAULT_VERSION_LABEL = _("内置默认值")


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


def _migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Stored answers in this format: format 1 keeps its answers (the questions added since
    are simply unanswered); an unknown format starts again empty."""
    found = data.get("format", 1)
    if type(found) is int and found in (1, FORMAT):
        return {**data, "format": FORMAT}
    return {"format": FORMAT, "debts": []}


def load(request: HttpRequest) -> dict[str, Any]:
    """The check area, cleaned: always ``{"format": FORMAT, "debts": [...], ...}``."""
    data = _migrate(session.load(request, AREA))
    raw_debts = data.get("debts")
    debts = [clean_debt(d) for d in raw_debts] if isinstance(raw_debts, list) else []
    data["debts"] = [d for d in debts if d][: check_steps.MAX_DEBTS]
    return data


def store(request: HttpRequest, data: dict[str, Any]) -> None:
    """Keep the answers in the session, and under the save code if the borrower has one."""
    data["format"] = FORMAT
    session.store(request, AREA, data)
    opened = savecodes.for_request(request)  # None with a malformed cookie: the session copy stays
    if opened is not None:
        savecodes.update(opened, AREA, data)


def save_answer(request: HttpRequest, index: int, changes: dict[str, Any]) -> dict[str, Any]:
    """Add one page's answers to debt ``index`` (a new debt when index == count)."""
    data = load(request)
    debts_ = data["debts"]
    debt = dict(debts_[index]) if index < len(debts_) else {}
    for item in check_steps.STEPS:
        # e.g. another kind of debt: the lender list changes, so the lender is asked again.
        if any(key in changes and debt.get(key) not in (None, changes[key]) for key in item.keys):
            for key in item.clears:
                debt.pop(key, None)
    debt.update(changes)
    shared = {key: changes[key] for key in check_steps.PER_BORROWER_KEYS if key in changes}
    if not shared and index >= len(debts_) and debts_:
        # A new debt: what the borrower already said about themselves carries over.
        shared = {k: debts_[0][k] for k in check_steps.PER_BORROWER_KEYS if k in debts_[0]}
        debt.update(shared)
    for other in debts_:
        other.update(shared)
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


# The lender-kind reason in words that agree with its tag: a card centre raises the
# indicator the most; other kinds raise it a little (or not at all), and say so.
LENDER_KIND_TEXTS: dict[bool, Promise] = {
    True: _("机构类型：信用卡中心过去较常外访。"),
    False: _(
        "机构类型：这类机构有时也委托外访，但比信用卡中心少，更多靠电话和起诉；"
        "所以只略微提高，这是本站的粗略假设。"
    ),
}


def reason_text(code: str, kind: str = "") -> str:
    if code == "lender_kind" and kind:
        return str(LENDER_KIND_TEXTS[kind == "credit_card"])
    return str(REASON_TEXTS[code])


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
    # No yuan figure: the amount bands are our own rough heuristic, and a precise "pay this
    # much" could push a borrower to pay this lender before food, rent or a priority debt.
    return str(
        _(
            "如果不影响吃饭、房租等基本生活和更急的欠款，先通过官方渠道还一部分，欠款金额这一项会下降。"
            "只还给机构的官方App或账户，不要转给个人。"
        )
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
            text=reason_text(reason.code, situation.lender_kind),
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


# --- "Do these three things today" ------------------------------------------------------

# (code, words, URL name), in the order they are considered; the first three that fit are shown.
TODAY_ACTIONS: dict[str, tuple[Promise, str]] = {
    "court": (_("先处理法院或仲裁的文书：核实真假，算出期限。"), "advisor-papers"),
    "after_trouble": (
        _(
            "上门的人威胁或闹事：先看“已经有人上过门了”这一页，知道怎样留证据、向哪里投诉；遇到危险马上打110。"
        ),
        "advisor-after-visit",
    ),
    "after_visit": (
        _("已经有人上过门：看“已经有人上过门了”这一页，知道这意味着什么、接下来做哪三件事。"),
        "advisor-after-visit",
    ),
    "door": (
        _("有人说要上门：先看上门核实清单，知道隔门该问什么、什么时候报警。"),
        "advisor-visitor",
    ),
    "answer": (
        _("通过机构官方App或官方电话联系它，说明情况，提出一个你真做得到的还款方案。"),
        "advisor-letters",
    ),
    "family": (_("把“写给被联系的亲友”这一页发给接到电话的人。"), "advisor-for-family"),
    "record": (_("记下每一次催收：时间、对方工号、说了什么，以后投诉用得上。"), "advisor-evidence"),
    "budget": (_("算一算每月真正能拿出多少钱还债，先保住吃饭和房租。"), "advisor-plan"),
    "keep": (_("继续按谈好的安排还款，每次都留好凭证。"), "advisor-evidence"),
}


def today_actions(debts: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    """Three concrete things to do today, chosen from the borrower's answers."""
    situations = [situation_for(debt) for debt in debts]
    wanted = []
    if any(s.court_notice for s in situations):
        wanted.append("court")
    if any(s.visit_history == "trouble" for s in situations):
        wanted.append("after_trouble")
    elif any(s.visit_history != "none" for s in situations):
        wanted.append("after_visit")
    if any(s.visit_announced for s in situations):
        wanted.append("door")
    if any(s.contact != "cooperating" and not s.plan_kept for s in situations):
        wanted.append("answer")
    if any(s.third_parties_contacted for s in situations):
        wanted.append("family")
    if all(s.plan_kept for s in situations):
        wanted.append("keep")
    wanted += ["record", "budget"]
    return [(code, str(TODAY_ACTIONS[code][0]), TODAY_ACTIONS[code][1]) for code in wanted[:3]]
