"""The repayment plan, Django side: session state → budget, debts and the computed plan.

State lives in the session area "plan" (through advisor.session only), JSON-safe:

    {"format": 2,
     "budget": {"salary": "6000.00", …, "reserve": "300.00", "lump_sum": "", "pay_day": 15},
     "debts": [{"lender": "cmb-credit-card" | "other", "lender_other": "", "kind": "credit_card",
                "amount": "30000.00", "charges": "1200.00" | "", "rate": "18.00" | "",
                "check_index": 0 | None}, …],
     "settings": {"basis": "monthly" | "months" | "", "monthly": "1500.00", "months": 24,
                  "strategy": "pro_rata", "plan_rate": "0", "assumed_rate": "18",
                  "settlement_percent": "50"},
     "imported": true}

No personal details are kept: amounts, lender names and kinds only. Everything read back
is checked again; a malformed value is dropped rather than failing the page. A debt uses the
guided check's names (``amount``, ``lender_other``); a state saved before ``format`` 2 (with
``principal`` / ``lender_name``) is migrated when it is read.

``proposal(request)`` (``current_plan``) is the plan every document sent to a lender uses:
never more than the budget leaves.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.http import HttpRequest

from advisor import check_answers, content, savecodes, session, tracker
from advisor.check_steps import SLUG
from advisor.models import THRESHOLD_MAX, LenderKind, today
from advisor.rules.budget import ESSENTIALS, INCOME_SOURCES, Budget
from advisor.rules.money import AmountError, parse_amount
from advisor.rules.plan import DEFAULT_ASSUMED_RATE, STRATEGIES, Agreed, Debt, Plan, build_plan
from advisor.rules.schedule import first_due

AREA = "plan"
MAX_DEBTS = 20
BUDGET_AMOUNTS = (*INCOME_SOURCES, *ESSENTIALS, "commitments", "reserve")
KINDS = {value for value, _label in LenderKind.choices}
FORMAT = 2  # of the stored state; older ones are migrated (_migrate)
# At or below this many yuan a month for debts, the plan goes straight to the hardship route
# (a budget statement and a letter asking for a pause) instead of comparing long options.
# Editors set the line (Threshold "plan-fast-lane-line", our own figure, not an official
# one); this is the fallback when that row is missing or unusable.
FAST_LANE_LINE = Decimal("300")
FAST_LANE_SLUG = "plan-fast-lane-line"
FAST_LANE_MAX = THRESHOLD_MAX  # a line above this is taken for a typing slip
DEFAULT_SETTINGS: dict[str, Any] = {
    "basis": "",
    "monthly": "",
    "months": None,
    "strategy": "pro_rata",
    "plan_rate": "0",
    "assumed_rate": str(int(DEFAULT_ASSUMED_RATE * 100)),
    "settlement_percent": "50",
}


def _money(value: Any, *, allow_zero: bool = True) -> Decimal | None:
    """A stored amount read back; None when missing or not a usable amount."""
    if not isinstance(value, str) or not value:
        return None
    try:
        return parse_amount(value, allow_zero=allow_zero)
    except AmountError:
        return None


def _percent(value: Any, maximum: int = 100) -> Decimal | None:
    amount = _money(value)
    return amount if amount is not None and amount <= maximum else None


@dataclass(frozen=True)
class PlanDebt:
    """One debt of the plan, as the borrower entered it or brought it from the check."""

    lender: str  # a directory slug, or "other"
    lender_other: str  # the name typed for "other"
    kind: str
    amount: Decimal  # principal still owed, yuan
    charges: Decimal | None = None
    rate: Decimal | None = None  # annual percent
    check_index: int | None = None  # the check's debt it came from

    @classmethod
    def from_session(cls, raw: Any) -> PlanDebt | None:
        if not isinstance(raw, dict):
            return None
        amount = _money(raw.get("amount"), allow_zero=False)
        lender = raw.get("lender")
        if amount is None or not isinstance(lender, str) or not SLUG.match(lender):
            return None
        name = raw.get("lender_other")
        index = raw.get("check_index")
        return cls(
            lender=lender,
            lender_other=name.strip()[:40] if isinstance(name, str) else "",
            kind=raw["kind"] if raw.get("kind") in KINDS else "other",
            amount=amount,
            charges=_money(raw.get("charges")),
            rate=_percent(raw.get("rate"), 99),
            check_index=index if isinstance(index, int) and not isinstance(index, bool) else None,
        )

    def to_session(self) -> dict[str, Any]:
        return {
            "lender": self.lender,
            "lender_other": self.lender_other,
            "kind": self.kind,
            "amount": str(self.amount),
            "charges": str(self.charges) if self.charges is not None else "",
            "rate": str(self.rate) if self.rate is not None else "",
            "check_index": self.check_index,
        }


def _migrate(state: dict[str, Any]) -> dict[str, Any]:
    """A state from an older format, in this one (format 1 named amount/lender differently)."""
    if state.get("format") == FORMAT:
        return state
    debts = state.get("debts")
    if isinstance(debts, list):
        state["debts"] = [
            {**raw, "amount": raw.get("principal"), "lender_other": raw.get("lender_name")}
            if isinstance(raw, dict) and "principal" in raw
            else raw
            for raw in debts
        ]
    return {**state, "format": FORMAT}


# --- State ---------------------------------------------------------------------------


def load(request: HttpRequest) -> dict[str, Any]:
    """The plan state; on a new visit with a save code, what was saved under it."""
    state = session.load(request, AREA)
    if state or not session.save_code(request):
        return _migrate(state) if state else state
    try:
        opened = savecodes.for_request(request)
        saved = savecodes.get(opened).get(AREA) if opened else None
    except savecodes.BadCode:
        saved = None
    # Mark the lookup as done so the vault is opened once per visit, not on every page.
    state = {**_migrate(saved if isinstance(saved, dict) else {}), "restored": True}
    session.store(request, AREA, state)
    return state


def save(request: HttpRequest, state: dict[str, Any]) -> None:
    """Keep the plan in the session, and under the save code if the borrower has one."""
    state["format"] = FORMAT
    session.store(request, AREA, state)
    opened = savecodes.for_request(request)
    if opened is not None:
        savecodes.update(opened, AREA, state)


def budget(state: dict[str, Any]) -> Budget | None:
    raw = state.get("budget")
    if not isinstance(raw, dict):
        return None
    values = {name: _money(raw.get(name)) or Decimal("0.00") for name in BUDGET_AMOUNTS}
    return Budget(
        income={name: values[name] for name in INCOME_SOURCES},
        essentials={name: values[name] for name in ESSENTIALS},
        commitments=values["commitments"],
        reserve=values["reserve"],
    )


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


def fast_lane(state: dict[str, Any]) -> bool:
    """True when a budget was entered and it leaves nothing, or only a little, for debts."""
    the_budget = budget(state)
    return the_budget is not None and the_budget.available <= fast_lane_line()


def lump_sum(state: dict[str, Any]) -> Decimal | None:
    raw = state.get("budget")
    return _money(raw.get("lump_sum")) if isinstance(raw, dict) else None


def pay_day(state: dict[str, Any]) -> int:
    raw = state.get("budget")
    day = raw.get("pay_day") if isinstance(raw, dict) else None
    return day if isinstance(day, int) and 1 <= day <= 31 else 15


def plan_debts(state: dict[str, Any]) -> list[PlanDebt]:
    found = state.get("debts")
    if not isinstance(found, list):
        return []
    return [d for d in (PlanDebt.from_session(item) for item in found[:MAX_DEBTS]) if d]


def store_debts(state: dict[str, Any], debts: list[PlanDebt]) -> None:
    state["debts"] = [debt.to_session() for debt in debts]


def settings(state: dict[str, Any]) -> dict[str, Any]:
    raw = state.get("settings")
    result = dict(DEFAULT_SETTINGS)
    if not isinstance(raw, dict):
        return result
    if raw.get("basis") in ("monthly", "months"):
        result["basis"] = raw["basis"]
    monthly = _money(raw.get("monthly"), allow_zero=False)
    result["monthly"] = str(monthly) if monthly else ""
    months = raw.get("months")
    result["months"] = months if isinstance(months, int) and 1 <= months <= 600 else None
    if raw.get("strategy") in STRATEGIES:
        result["strategy"] = raw["strategy"]
    for name, maximum in (("plan_rate", 99), ("assumed_rate", 99), ("settlement_percent", 100)):
        value = _percent(raw.get(name), maximum)
        if value is not None:
            result[name] = format(value.normalize(), "f")
    return result


# --- The guided check ----------------------------------------------------------------


def import_from_check(request: HttpRequest) -> int:
    """Copy the check's debts into an empty plan once. Returns how many were copied."""
    state = load(request)
    if state.get("imported") or plan_debts(state):
        return 0
    copied = []
    for index, answers in enumerate(check_answers.debts(request)):
        if answers.amount is None:
            continue
        slug = answers.lender or "other"
        known = content.lender(slug) if slug != "other" else None
        copied.append(
            PlanDebt(
                lender=slug if known else "other",
                lender_other="" if known else answers.lender_name[:40],
                kind=answers.kind or "other",
                amount=answers.amount,
                check_index=index,
            )
        )
    if not copied:
        return 0  # nothing to bring in yet: try again after the borrower does the check
    state["imported"] = True
    store_debts(state, copied[:MAX_DEBTS])
    save(request, state)
    return len(copied)


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


def debt_rows(state: dict[str, Any]) -> list[DebtRow]:
    return [
        DebtRow(
            number=i + 1,
            name=lender_label(debt),
            kind=debt.kind,
            principal=debt.amount,
            charges=debt.charges or Decimal("0"),
            rate=debt.rate,
            from_check=debt.check_index is not None,
        )
        for i, debt in enumerate(plan_debts(state))
    ]


def debts(request: HttpRequest, state: dict[str, Any]) -> list[Debt]:
    # Only the "urgent" strategy orders lenders by the check's estimates.
    urgency = _urgencies(request) if settings(state)["strategy"] == "urgent" else {}
    found = []
    for i, debt in enumerate(plan_debts(state)):
        lender = content.lender(debt.lender) if debt.lender != "other" else None
        found.append(
            Debt(
                key=str(i + 1),
                lender_name=lender_label(debt),
                kind=lender.kind if lender is not None else debt.kind,
                principal=debt.amount,
                charges=debt.charges or Decimal("0"),
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
    request: HttpRequest, state: dict[str, Any] | None = None, *, on: dt.date | None = None
) -> Plan | None:
    """The plan from the stored state, or None when there are no debts yet."""
    state = load(request) if state is None else state
    found = debts(request, state)
    if not found:
        return None
    the_budget = budget(state)
    chosen = settings(state)
    monthly = _money(chosen["monthly"], allow_zero=False) if chosen["basis"] == "monthly" else None
    months = chosen["months"] if chosen["basis"] == "months" else None
    day = pay_day(state)
    return build_plan(
        found,
        available=the_budget.available if the_budget is not None else None,
        first=first_due(on or today(), day),
        pay_day=day,
        monthly=monthly,
        months=months,
        strategy=chosen["strategy"],
        plan_rate=Decimal(chosen["plan_rate"]) / 100,
        assumed_rate=Decimal(chosen["assumed_rate"]) / 100,
        settlement_share=Decimal(chosen["settlement_percent"]) / 100,
        lump_sum=lump_sum(state),
        agreed=agreements(request),
    )


def proposal(
    request: HttpRequest, state: dict[str, Any] | None = None, *, on: dt.date | None = None
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
    if plan is None or plan.fits is not False:
        return plan
    chosen = settings(state)
    return compute(
        request,
        {**state, "settings": {**chosen, "basis": "", "monthly": "", "months": None}},
        on=on,
    )


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

    For the budget itself (收支说明) use ``budget(load(request))``.
    """
    return proposal(request)
