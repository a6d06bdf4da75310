"""The repayment plan, Django side: session state → budget, debts and the computed plan.

The plan's state is one typed value, ``PlanState``, parsed once from the session area "plan"
(through advisor.session only) by ``load`` and written back by ``save``. Views change it with
``dataclasses.replace``. Stored, JSON-safe:

    {"format": 3,
     "budget": {"salary": "6000.00", …, "reserve": "300.00"},
     "lump_sum": "20000.00" | "", "pay_day": 15,
     "debts": [{"check_index": 0, "charges": "1200.00" | "", "rate": "18.00" | ""},
               {"lender": "cmb-credit-card" | "other", "lender_other": "", "kind": "credit_card",
                "amount": "30000.00", "charges": "", "rate": ""}, …],
     "settings": {"basis": "monthly" | "months" | "", "monthly": "1500.00", "months": 24,
                  "strategy": "pro_rata", "plan_rate": "0", "assumed_rate": "18",
                  "settlement_percent": "50"},
     "imported": true}

One record per debt: a debt brought in from the guided check keeps only the plan's extras
(charges, rate) and the index of the check's debt; its lender, kind and amount are read from
the check every time, so a changed check shows at once in the plan and in everything made
from it. A debt added on the plan page keeps its own. A check debt that is removed leaves
the plan too (``forget_check_debt``).

No personal details are kept: amounts, lender names and kinds only. Everything read back
is checked again; a malformed value is dropped rather than failing the page. Older formats
are migrated when read (``_migrate``): format 1 named the amount ``principal``; formats 1 and 2
kept a copy of the check's amount, which is dropped when the check still has that debt.

``proposal(request)`` (``current_plan``) is the plan every document sent to a lender uses:
never more than the budget leaves.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from django.http import HttpRequest

from advisor import check_answers, content, savecodes, session, tracker
from advisor.check_answers import DebtAnswers
from advisor.check_steps import SLUG
from advisor.models import THRESHOLD_MAX, LenderKind, today
from advisor.rules.budget import ESSENTIALS, INCOME_SOURCES, ZERO, Budget
from advisor.rules.money import AmountError, parse_amount
from advisor.rules.plan import DEFAULT_ASSUMED_RATE, STRATEGIES, Agreed, Debt, Plan, build_plan
from advisor.rules.schedule import first_due

AREA = "plan"
MAX_DEBTS = 20
BUDGET_AMOUNTS = (*INCOME_SOURCES, *ESSENTIALS, "commitments", "reserve")
KINDS = {value for value, _label in LenderKind.choices}
FORMAT = 3  # of the stored state; older ones are migrated (_migrate)
DEFAULT_PAY_DAY = 15
# At or below this many yuan a month for debts, the plan goes straight to the hardship route
# (a budget statement and a letter asking for a pause) instead of comparing long options.
# Editors set the line (Threshold "plan-fast-lane-line", our own figure, not an official
# one); this is the fallback when that row is missing or unusable.
FAST_LANE_LINE = Decimal("300")
FAST_LANE_SLUG = "plan-fast-lane-line"
FAST_LANE_MAX = THRESHOLD_MAX  # a line above this is taken for a typing slip


def _money(value: Any, *, allow_zero: bool = True) -> Decimal | None:
    """A stored amount read back; None when missing or not a usable amount."""
    if not isinstance(value, str) or not value:
        return None
    try:
        return parse_amount(value, allow_zero=allow_zero)
    except AmountError:
        return None


def _percent(value: Any, maximum: int = 100) -> Decimal | None:
    """A stored percentage, written plainly ("18", "12.5"); None when missing or out of range."""
    amount = _money(value)
    return _plain(amount) if amount is not None and amount <= maximum else None


def _plain(value: Decimal) -> Decimal:
    """The same number without trailing zeros or an exponent: 18.00 → 18, 1E+1 → 10."""
    return Decimal(format(value.normalize(), "f"))


def _text(value: Decimal | None) -> str:
    return str(value) if value is not None else ""


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _whole(value: Any, low: int = 0, high: int = 10**6) -> int | None:
    """A stored whole number from ``low`` to ``high``; None otherwise (a bool is not one)."""
    if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
        return value
    return None


@dataclass(frozen=True)
class PlanDebt:
    """One debt of the plan. From the check (``check_index`` set), lender, kind and amount
    are the check's as read this request; only charges and rate are the plan's own."""

    lender: str  # a directory slug, or "other"
    lender_other: str  # the name typed for "other"
    kind: str
    amount: Decimal  # principal still owed, yuan
    charges: Decimal | None = None
    rate: Decimal | None = None  # annual percent
    check_index: int | None = None  # the check's debt it is

    @property
    def from_check(self) -> bool:
        return self.check_index is not None

    @classmethod
    def own(cls, raw: dict[str, Any]) -> PlanDebt | None:
        """A debt typed on the plan page, as stored; None when unusable."""
        amount = _money(raw.get("amount"), allow_zero=False)
        lender = raw.get("lender")
        if amount is None or not isinstance(lender, str) or not SLUG.match(lender):
            return None
        name = raw.get("lender_other")
        return cls(
            lender=lender,
            lender_other=name.strip()[:40] if isinstance(name, str) else "",
            kind=raw["kind"] if raw.get("kind") in KINDS else "other",
            amount=amount,
            charges=_money(raw.get("charges")),
            rate=_percent(raw.get("rate"), 99),
        )

    @classmethod
    def of_check(
        cls, index: int, answers: DebtAnswers, raw: dict[str, Any] | None = None
    ) -> PlanDebt | None:
        """The check's debt ``index`` with the plan's extras; None while it has no amount."""
        if answers.amount is None or answers.amount <= 0:
            return None
        extras = raw or {}
        slug = answers.lender or "other"
        known = slug != "other" and content.lender(slug) is not None
        return cls(
            lender=slug if known else "other",
            lender_other="" if known else answers.lender_name[:40],
            kind=answers.kind if answers.kind in KINDS else "other",
            amount=answers.amount,
            charges=_money(extras.get("charges")),
            rate=_percent(extras.get("rate"), 99),
            check_index=index,
        )

    def to_session(self) -> dict[str, Any]:
        extras = {"charges": _text(self.charges), "rate": _text(self.rate)}
        if self.check_index is not None:
            return {"check_index": self.check_index, **extras}
        return {
            "lender": self.lender,
            "lender_other": self.lender_other,
            "kind": self.kind,
            "amount": str(self.amount),
            **extras,
        }


@dataclass(frozen=True)
class PlanSettings:
    """How the borrower set the plan up; the defaults follow the budget."""

    basis: str = ""  # "" (follow the budget), "monthly" or "months": what the borrower fixed
    monthly: Decimal | None = None
    months: int | None = None
    strategy: str = "pro_rata"
    plan_rate: Decimal = Decimal("0")  # annual percent during the plan
    assumed_rate: Decimal = _plain(DEFAULT_ASSUMED_RATE * 100)  # for debts whose rate is unknown
    settlement_percent: Decimal = Decimal("50")

    @classmethod
    def from_session(cls, raw: Any) -> PlanSettings:
        found = _dict(raw)
        default = cls()

        def percent(name: str, maximum: int) -> Decimal:
            value = _percent(found.get(name), maximum)
            return value if value is not None else getattr(default, name)

        return cls(
            basis=found["basis"] if found.get("basis") in ("monthly", "months") else "",
            monthly=_money(found.get("monthly"), allow_zero=False),
            months=_whole(found.get("months"), 1, 600),
            strategy=found["strategy"] if found.get("strategy") in STRATEGIES else "pro_rata",
            plan_rate=percent("plan_rate", 99),
            assumed_rate=percent("assumed_rate", 99),
            settlement_percent=percent("settlement_percent", 100),
        )

    def to_session(self) -> dict[str, Any]:
        return {
            "basis": self.basis,
            "monthly": _text(self.monthly),
            "months": self.months,
            "strategy": self.strategy,
            "plan_rate": str(self.plan_rate),
            "assumed_rate": str(self.assumed_rate),
            "settlement_percent": str(self.settlement_percent),
        }

    def following_budget(self) -> PlanSettings:
        """The same settings with the monthly amount left to the budget."""
        return replace(self, basis="", monthly=None, months=None)

    @property
    def rates_changed(self) -> bool:
        default = PlanSettings()
        return (self.plan_rate, self.assumed_rate, self.settlement_percent) != (
            default.plan_rate,
            default.assumed_rate,
            default.settlement_percent,
        )


def budget_of(amounts: Mapping[str, Decimal | None]) -> Budget:
    """The budget from its amounts by form field name (a missing one is ¥0)."""
    values = {name: amounts.get(name) or ZERO for name in BUDGET_AMOUNTS}
    return Budget(
        income={name: values[name] for name in INCOME_SOURCES},
        essentials={name: values[name] for name in ESSENTIALS},
        commitments=values["commitments"],
        reserve=values["reserve"],
    )


def _budget(raw: Any) -> Budget | None:
    if not isinstance(raw, dict):
        return None
    return budget_of({name: _money(raw.get(name)) for name in BUDGET_AMOUNTS})


def budget_amounts(the_budget: Budget) -> dict[str, Decimal]:
    """The budget's amounts by form field name."""
    return {
        **the_budget.income,
        **the_budget.essentials,
        "commitments": the_budget.commitments,
        "reserve": the_budget.reserve,
    }


def _migrate(raw: dict[str, Any], check: Sequence[DebtAnswers]) -> list[PlanDebt]:
    """The debts of a state saved before format 3 (each kept its own copy of the amount).

    A debt brought from the check becomes a reference again when the check still has that
    debt for the same lender; otherwise it keeps the copy as its own, so nothing the borrower
    saw in the plan is lost. Format 1 named the amount ``principal`` and the name
    ``lender_name``.
    """
    found: list[PlanDebt] = []
    for item in raw["debts"]:
        if not isinstance(item, dict):
            continue
        if "principal" in item:
            item = {**item, "amount": item["principal"], "lender_other": item.get("lender_name")}
        debt = PlanDebt.own(item)
        if debt is None:
            continue
        index = _whole(item.get("check_index"))
        if index is not None and index < len(check) and index not in _linked(found):
            linked = PlanDebt.of_check(index, check[index], item)
            if linked is not None and linked.lender == debt.lender:
                debt = linked
        found.append(debt)
    return found


def _linked(debts: Sequence[PlanDebt]) -> set[int]:
    return {debt.check_index for debt in debts if debt.check_index is not None}


def _debts(raw: dict[str, Any], check: Sequence[DebtAnswers]) -> tuple[PlanDebt, ...]:
    if not isinstance(raw.get("debts"), list):
        return ()
    if raw.get("format") != FORMAT:
        found = _migrate(raw, check)
    else:
        found = []
        for item in raw["debts"]:
            item = _dict(item)
            index = _whole(item.get("check_index"))
            if index is None:
                debt = PlanDebt.own(item)
            elif index < len(check) and index not in _linked(found):
                debt = PlanDebt.of_check(index, check[index], item)
            else:
                debt = None  # that check debt was removed: it leaves the plan
            if debt is not None:
                found.append(debt)
    return tuple(found[:MAX_DEBTS])


@dataclass(frozen=True)
class PlanState:
    """The plan as the borrower set it up, read once per request (``load``)."""

    budget: Budget | None = None
    debts: tuple[PlanDebt, ...] = ()
    settings: PlanSettings = field(default_factory=PlanSettings)
    lump_sum: Decimal | None = None
    pay_day: int = DEFAULT_PAY_DAY
    imported: bool = False  # the check's debts were brought in (once)
    restored: bool = False  # the save code was looked up this visit
    version: int = FORMAT

    @classmethod
    def from_session(cls, raw: Any, check: Sequence[DebtAnswers] = ()) -> PlanState:
        """The stored state, cleaned (``check``: the check's debts the plan refers to)."""
        found = _dict(raw)
        # Before format 3 the pay day and the lump sum were kept with the budget.
        dated = found if found.get("format") == FORMAT else _dict(found.get("budget"))
        return cls(
            budget=_budget(found.get("budget")),
            debts=_debts(found, check),
            settings=PlanSettings.from_session(found.get("settings")),
            lump_sum=_money(dated.get("lump_sum")),
            pay_day=_whole(dated.get("pay_day"), 1, 31) or DEFAULT_PAY_DAY,
            imported=found.get("imported") is True,
            restored=found.get("restored") is True,
        )

    def to_session(self) -> dict[str, Any]:
        stored: dict[str, Any] = {
            "format": FORMAT,
            "debts": [debt.to_session() for debt in self.debts],
            "settings": self.settings.to_session(),
            "lump_sum": _text(self.lump_sum),
            "pay_day": self.pay_day,
            "imported": self.imported,
        }
        if self.budget is not None:
            amounts = budget_amounts(self.budget)
            stored["budget"] = {name: str(value) for name, value in amounts.items()}
        if self.restored:
            stored["restored"] = True
        return stored


# --- State ---------------------------------------------------------------------------


def load(request: HttpRequest) -> PlanState:
    """The plan state; on a new visit with a save code, what was saved under it."""
    stored = session.load(request, AREA)
    if stored or not session.save_code(request):
        return PlanState.from_session(stored, check_answers.debts(request))
    try:
        opened = savecodes.for_request(request)
        saved = savecodes.get(opened).get(AREA) if opened else None
    except savecodes.BadCode:
        saved = None
    # Mark the lookup as done so the vault is opened once per visit, not on every page.
    state = replace(PlanState.from_session(saved, check_answers.debts(request)), restored=True)
    session.store(request, AREA, state.to_session())
    return state


def save(request: HttpRequest, state: PlanState) -> None:
    """Keep the plan in the session, and under the save code if the borrower has one."""
    stored = state.to_session()
    session.store(request, AREA, stored)
    opened = savecodes.for_request(request)
    if opened is not None:
        savecodes.update(opened, AREA, stored)


def forget_check_debt(request: HttpRequest, index: int | None = None) -> None:
    """Call before the check's debt ``index`` is removed (None: all of them): it leaves the
    plan, and the plan's references to the check's later debts move up by one."""
    if not session.load(request, AREA) and not session.save_code(request):
        return
    state = load(request)  # read before the check changes, so the references still hold
    kept = []
    for debt in state.debts:
        if debt.check_index is None:
            kept.append(debt)
        elif index is not None and debt.check_index != index:
            kept.append(replace(debt, check_index=debt.check_index - (debt.check_index > index)))
    # After "start again" with nothing left, the next check is brought in afresh.
    imported = state.imported and (index is not None or bool(kept))
    if tuple(kept) != state.debts or imported != state.imported:
        save(request, replace(state, debts=tuple(kept), imported=imported))


def fast_lane_line() -> Decimal:
    """The editor-set fast-lane line; ``FAST_LANE_LINE`` when missing or malformed."""
    value = getattr(content.threshold(FAST_LANE_SLUG), "value", None)
    if not isinstance(value, Decimal):
        return FAST_LANE_LINE
    try:
        usable = value.is_finite() and 0 <= value <= FAST_LANE_MAX
    except ArithmeticError:  # a signalling NaN cannot even be compared
        usable = False
    return value.quantize(Decimal("0.01")) if usable else FAST_LANE_LINE


def fast_lane(state: PlanState) -> bool:
    """True when a budget was entered and it leaves nothing, or only a little, for debts."""
    return state.budget is not None and state.budget.available <= fast_lane_line()


# --- The guided check ----------------------------------------------------------------


def import_from_check(request: HttpRequest) -> int:
    """Bring the check's debts into an empty plan once. Returns how many were brought in."""
    state = load(request)
    if state.imported or state.debts:
        return 0
    found = [
        debt
        for index, answers in enumerate(check_answers.debts(request))
        if (debt := PlanDebt.of_check(index, answers)) is not None
    ]
    if not found:
        return 0  # nothing to bring in yet: try again after the borrower does the check
    save(request, replace(state, debts=tuple(found[:MAX_DEBTS]), imported=True))
    return len(found)


def _urgencies(request: HttpRequest) -> dict[int, int]:
    """How pressing each check debt is (the estimate's level, then score), by check index."""
    return {
        item.index: item.estimate.rank * 1000 + item.estimate.score
        for item in check_answers.checked_debts(request)
    }


# --- Building the plan ---------------------------------------------------------------


@dataclass(frozen=True)
class DebtRow:
    """One debt as the pages show it (number is 1-based, for URLs)."""

    number: int
    name: str
    kind: str
    principal: Decimal
    charges: Decimal
    rate: Decimal | None  # percent
    from_check: bool


def lender_label(debt: PlanDebt) -> str:
    if debt.lender != "other":
        found = content.lender(debt.lender)
        if found is not None:
            return found.t("name")
    return debt.lender_other or str(dict(LenderKind.choices).get(debt.kind, ""))


def debt_rows(state: PlanState) -> list[DebtRow]:
    return [
        DebtRow(
            number=i + 1,
            name=lender_label(debt),
            kind=debt.kind,
            principal=debt.amount,
            charges=debt.charges or ZERO,
            rate=debt.rate,
            from_check=debt.from_check,
        )
        for i, debt in enumerate(state.debts)
    ]


def debts(request: HttpRequest, state: PlanState) -> list[Debt]:
    # Only the "urgent" strategy orders lenders by the check's estimates.
    urgency = _urgencies(request) if state.settings.strategy == "urgent" else {}
    found = []
    for i, debt in enumerate(state.debts):
        lender = content.lender(debt.lender) if debt.lender != "other" else None
        found.append(
            Debt(
                key=str(i + 1),
                lender_name=lender_label(debt),
                kind=lender.kind if lender is not None else debt.kind,
                principal=debt.amount,
                charges=debt.charges or ZERO,
                rate=debt.rate / 100 if debt.rate is not None else None,
                max_months=lender.max_instalment_months if lender is not None else None,
                urgency=urgency.get(debt.check_index, 0) if debt.check_index is not None else 0,
                lender_slug=debt.lender if lender is not None else "",
            )
        )
    return found


def agreements(request: HttpRequest) -> dict[str, Agreed]:
    """The arrangements recorded in the tracker, per lender slug, as the planner takes them
    (one without usable terms is left out: the plan then proposes its own for that lender)."""
    found = {}
    for slug, step in tracker.agreed_terms(request).items():
        if step.monthly is None or step.months is None:
            continue
        try:
            found[slug] = Agreed(
                step.monthly.quantize(Decimal("0.01")),
                step.months,
                step.day,
                step.interest_stopped,
                step.first_due,
            )
        except (ValueError, ArithmeticError):
            continue
    return found


def compute(
    request: HttpRequest, state: PlanState | None = None, *, on: dt.date | None = None
) -> Plan | None:
    """The plan from the stored state, or None when there are no debts yet."""
    state = load(request) if state is None else state
    found = debts(request, state)
    if not found:
        return None
    chosen = state.settings
    return build_plan(
        found,
        available=state.budget.available if state.budget is not None else None,
        first=first_due(on or today(), state.pay_day),
        pay_day=state.pay_day,
        monthly=chosen.monthly if chosen.basis == "monthly" else None,
        months=chosen.months if chosen.basis == "months" else None,
        strategy=chosen.strategy,
        plan_rate=chosen.plan_rate / 100,
        assumed_rate=chosen.assumed_rate / 100,
        settlement_share=chosen.settlement_percent / 100,
        lump_sum=state.lump_sum,
        agreed=agreements(request),
    )


def proposal(
    request: HttpRequest, state: PlanState | None = None, *, on: dt.date | None = None
) -> Plan | None:
    """The plan as it goes to lenders (收支说明, plan PDF, calendar, letters).

    The borrower's plan when it fits the budget (or no budget was entered); otherwise the
    plan at what the budget leaves, which is a pause, with no amount, when it leaves nothing.
    Nothing a lender is sent proposes more than the budget leaves. An arrangement recorded in
    the tracker (``agreements``) replaces the proposal for that lender and is set aside first:
    the other lenders share what is left (``Plan.over_promised`` when nothing is).
    """
    state = load(request) if state is None else state
    plan = compute(request, state, on=on)
    return plan if plan is None else as_sent(request, state, plan, on=on)


def as_sent(
    request: HttpRequest, state: PlanState, plan: Plan, *, on: dt.date | None = None
) -> Plan:
    """``plan`` (the borrower's, from ``compute``) as it goes to lenders: itself when it fits
    the budget, else the plan at what the budget leaves (``proposal``'s rule)."""
    if plan.fits is not False:
        return plan
    following = compute(request, replace(state, settings=state.settings.following_budget()), on=on)
    assert following is not None  # the same debts as ``plan``
    return following


def current_plan(request: HttpRequest) -> Plan | None:
    """The borrower's plan as it goes to lenders (``proposal``), or None without debts.

    Returns ``advisor.rules.plan.Plan`` (a frozen dataclass). What a letter needs:

    - ``plan.monthly`` (Decimal, yuan per month in total) and ``plan.months`` (int; 0 when
      the amount never clears the debts);
    - ``plan.first_date`` / ``plan.last_date`` (``datetime.date``), ``plan.pay_day`` (1–31);
    - ``plan.strategy`` ("pro_rata" | "avalanche" | "urgent"), ``plan.plan_rate`` (fraction);
    - ``plan.schedules``: one ``LenderSchedule`` per debt, in the borrower's order, with
      ``.debt`` (``Debt``: ``lender_name``, ``lender_slug`` ("" when not in the directory),
      ``kind``, ``principal``, ``charges``, ``balance``, ``month_cap``), ``.first_amount``
      (this lender's first monthly payment), ``.months``, ``.total`` and ``.payments``
      (``Payment``: ``number``, ``date``, ``amount``, ``interest``, ``balance``);
    - ``plan.available`` (Decimal or None when no budget was entered), ``plan.fits``;
    - ``plan.options`` (``Option`` list: nothing / instalments / settlement / pro_rata).

    For the budget itself (收支说明) use ``load(request).budget``.
    """
    return proposal(request)
