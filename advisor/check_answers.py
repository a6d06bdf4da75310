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

Everything read from the session is parsed once, here (``clean_debt`` → ``DebtAnswers``): a
value that is malformed, from an older version, or tampered with is dropped, so the step
guard sends the borrower back to that question instead of the page failing. Code outside
the check reads a debt's answers as typed attributes of ``DebtAnswers``; only the step
declarations (advisor.check_steps) and their forms read it as the stored mapping.

Other parts of the site pre-fill from the check with ``checked_debts(request)``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from django.http import HttpRequest
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from advisor import check_steps, content, savecodes, session
from advisor.check_steps import REASON_TEXTS, Answers, situation_for
from advisor.rules import estimate
from advisor.rules.estimate import Estimate

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


@dataclass(frozen=True, eq=False)
class DebtAnswers(Mapping[str, Any]):
    """One debt's answers, well-formed (``clean_debt``); read-only.

    The rest of the site reads the typed attributes: each is None (or empty) while its
    question is unanswered. As a mapping it is the answers as stored (the keys of
    ``check_steps.STEPS``), which is what the step declarations and their forms work on;
    a new question needs an attribute here only if code outside the check reads it.
    """

    stored: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    def __getitem__(self, key: str) -> Any:
        return self.stored[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.stored)

    def __len__(self) -> int:
        return len(self.stored)

    def _text(self, key: str) -> str | None:
        value = self.stored.get(key)
        return value if isinstance(value, str) else None

    @property
    def kind(self) -> str | None:
        return self._text("kind")

    @property
    def lender(self) -> str | None:
        """A lender slug, or "other" (then ``lender_other`` may name it)."""
        return self._text("lender")

    @property
    def lender_other(self) -> str:
        return self._text("lender_other") or ""

    @property
    def amount(self) -> Decimal | None:
        value = self._text("amount")
        return Decimal(value) if value is not None else None

    @property
    def days_overdue(self) -> int | None:
        value = self.stored.get("days_overdue")
        return value if isinstance(value, int) else None

    @property
    def days_range(self) -> str:
        return self._text("days_range") or ""

    @property
    def first_missed(self) -> dt.date | None:
        value = self._text("first_missed")
        return dt.date.fromisoformat(value) if value else None

    @property
    def contact(self) -> str | None:
        return self._text("contact")

    @property
    def signals(self) -> tuple[str, ...]:
        return tuple(self.stored.get("signals") or ())

    @property
    def visit_history(self) -> str | None:
        return self._text("visit_history")

    @property
    def agency(self) -> str | None:
        return self._text("agency")

    @property
    def arrangement(self) -> str | None:
        return self._text("arrangement")

    @property
    def region(self) -> str | None:
        """A region code, "" for "not sure", None when not asked yet."""
        return self._text("region")

    @property
    def lender_name(self) -> str:
        """The lender's name, else the name the borrower typed, else the kind of debt."""
        return check_steps.lender_name(self)

    @property
    def overdue_text(self) -> str:
        return check_steps.overdue_text(self)

    @property
    def next_question(self) -> str | None:
        """The first question still to answer (a step slug), or None when complete."""
        return check_steps.first_incomplete(self)

    @property
    def complete(self) -> bool:
        return self.next_question is None

    def is_answered(self, slug: str) -> bool:
        return check_steps.is_answered(slug, self)

    def situation(self) -> estimate.Situation:
        """The estimate's view of this debt (neutral values for unanswered questions)."""
        return situation_for(self)


NO_ANSWERS = DebtAnswers()


def clean_debt(raw: object) -> DebtAnswers:
    """One debt's stored answers, parsed: anything malformed is dropped (that question is
    then simply unanswered)."""
    return DebtAnswers(MappingProxyType(check_steps.clean_answers(raw)))


def _migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Stored answers in this format: format 1 keeps its answers (the questions added since
    are simply unanswered); an unknown format starts again empty."""
    found = data.get("format", 1)
    if type(found) is int and found in (1, FORMAT):
        return {**data, "format": FORMAT}
    return {"format": FORMAT, "debts": []}


def _parse(area: dict[str, Any]) -> list[DebtAnswers]:
    raw = _migrate(area).get("debts")
    parsed = [clean_debt(item) for item in raw] if isinstance(raw, list) else []
    return [debt for debt in parsed if debt][: check_steps.MAX_DEBTS]


def debts(request: HttpRequest) -> list[DebtAnswers]:
    """The check's debts, parsed from the session (an empty list when there are none)."""
    return _parse(session.load(request, AREA))


def restore(request: HttpRequest, saved: dict[str, Any]) -> list[DebtAnswers]:
    """Answers opened with a save code, parsed and kept in this session (the code has them)."""
    found = _parse(saved)
    session.store(request, AREA, stored(found))
    return found


def stored(debts: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The check area as kept in the session and under a save code."""
    return {"format": FORMAT, "debts": [dict(debt) for debt in debts]}


def store(request: HttpRequest, debts: Sequence[Mapping[str, Any]]) -> None:
    """Keep the answers in the session, and under the save code if the borrower has one."""
    data = stored(debts)
    session.store(request, AREA, data)
    opened = savecodes.for_request(request)  # None with a malformed cookie: the session copy stays
    if opened is not None:
        savecodes.update(opened, AREA, data)


def save_answer(request: HttpRequest, index: int, changes: dict[str, Any]) -> DebtAnswers:
    """Add one page's answers (a form's ``answers()``) to debt ``index`` (a new debt when
    index == count); returns that debt as it now is."""
    debts_ = [dict(debt) for debt in debts(request)]
    debt = debts_[index] if index < len(debts_) else {}
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
    if index >= len(debts_):
        debts_.append(debt)
    store(request, debts_)
    return clean_debt(debt)


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
        situation = debt.situation()
        found.append(
            CheckedDebt(
                index=index,
                kind=situation.lender_kind,
                lender_slug=debt.lender or "",
                lender_name=debt.lender_name,
                amount=situation.amount,
                days_overdue=situation.days_overdue,
                contact=situation.contact,
                estimate=estimate.estimate_visit(situation, weights),
                complete=debt.complete,
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
    debt: Answers,
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
        name=check_steps.lender_name(debt),
        amount=situation.amount,
        days_overdue=situation.days_overdue,
        overdue_text=check_steps.overdue_text(debt),
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


def today_actions(debts: Sequence[Answers]) -> list[tuple[str, str, str]]:
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
