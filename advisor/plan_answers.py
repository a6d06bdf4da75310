"""The repayment plan, Django side: session state → budget, debts and the computed plan.

State lives in the session area "plan" (through advisor.session only), JSON-safe:

    {"budget": {"salary": "6000.00", …, "reserve": "300.00", "lump_sum": "", "pay_day": 15},
     "debts": [{"lender": "cmb-credit-card" | "other", "lender_name": "", "kind": "credit_card",
                "principal": "30000.00", "charges": "1200.00" | "", "rate": "18.00" | "",
                "check_index": 0 | None}, …],
     "settings": {"basis": "monthly" | "months" | "", "monthly": "1500.00", "months": 24,
                  "strategy": "pro_rata", "plan_rate": "0", "assumed_rate": "18",
                  "settlement_percent": "50"},
     "imported": true}

No personal details are kept: amounts, lender names and kinds only. Everything read back
is checked again; a malformed value is dropped rather than failing the page.

``current_plan(request)`` is what the letters use to pre-fill a proposal.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.http import HttpRequest

from advisor import content, savecodes, session
from advisor.budget import ESSENTIALS, INCOME_SOURCES, Budget
from advisor.models import LenderKind, today
from advisor.plan import DEFAULT_ASSUMED_RATE, STRATEGIES, Debt, Plan, build_plan
from advisor.schedule import first_due

AREA = "plan"
MAX_DEBTS = 20
BUDGET_AMOUNTS = (*INCOME_SOURCES, *ESSENTIALS, "commitments", "reserve")
KINDS = {value for value, _label in LenderKind.choices}
_SLUG = re.compile(r"^[a-z0-9-]{1,60}$")
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
    if not isinstance(value, str) or not value:
        return None
    try:
        amount = Decimal(value)
    except InvalidOperation:
        return None
    if not amount.is_finite() or amount < 0 or amount > Decimal("100000000"):
        return None
    if amount == 0 and not allow_zero:
        return None
    return amount.quantize(Decimal("0.01"))


def _percent(value: Any, maximum: int = 100) -> Decimal | None:
    amount = _money(value)
    return amount if amount is not None and amount <= maximum else None


# --- State ---------------------------------------------------------------------------


def load(request: HttpRequest) -> dict[str, Any]:
    """The plan state; on a new visit with a save code, what was saved under it."""
    state = session.load(request, AREA)
    code = session.save_code(request)
    if state or not code:
        return state
    try:
        saved = savecodes.get(code).get(AREA)
    except savecodes.BadCode:
        saved = None
    # Mark the lookup as done so the vault is opened once per visit, not on every page.
    state = {**(saved if isinstance(saved, dict) else {}), "restored": True}
    session.store(request, AREA, state)
    return state


def save(request: HttpRequest, state: dict[str, Any]) -> None:
    """Keep the plan in the session, and under the save code if the borrower has one."""
    session.store(request, AREA, state)
    code = session.save_code(request)
    if code:
        with contextlib.suppress(savecodes.BadCode):
            savecodes.update(code, AREA, state)


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


def lump_sum(state: dict[str, Any]) -> Decimal | None:
    raw = state.get("budget")
    return _money(raw.get("lump_sum")) if isinstance(raw, dict) else None


def pay_day(state: dict[str, Any]) -> int:
    raw = state.get("budget")
    day = raw.get("pay_day") if isinstance(raw, dict) else None
    return day if isinstance(day, int) and 1 <= day <= 31 else 15


def clean_debt(raw: Any) -> dict[str, Any] | None:
    if not isinstance(raw, dict):
        return None
    principal = _money(raw.get("principal"), allow_zero=False)
    lender = raw.get("lender")
    if principal is None or not isinstance(lender, str) or not _SLUG.match(lender):
        return None
    name = raw.get("lender_name") if isinstance(raw.get("lender_name"), str) else ""
    kind = raw.get("kind") if raw.get("kind") in KINDS else "other"
    index = raw.get("check_index")
    return {
        "lender": lender,
        "lender_name": name.strip()[:40],
        "kind": kind,
        "principal": str(principal),
        "charges": str(_money(raw.get("charges")) or ""),
        "rate": str(_percent(raw.get("rate"), 99) or ""),
        "check_index": index if isinstance(index, int) and not isinstance(index, bool) else None,
    }


def raw_debts(state: dict[str, Any]) -> list[dict[str, Any]]:
    found = state.get("debts")
    if not isinstance(found, list):
        return []
    return [d for d in (clean_debt(item) for item in found[:MAX_DEBTS]) if d]


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


def _checked(request: HttpRequest) -> list[Any]:
    """Debts from the guided check (empty when the check is not available or not done)."""
    try:
        from advisor.check_answers import checked_debts
    except ImportError:  # pragma: no cover - the check ships with the site
        return []
    try:
        return list(checked_debts(request))
    except Exception:  # noqa: BLE001 - a broken check must never break the plan
        return []


def _urgency(checked: Any) -> int:
    est = getattr(checked, "estimate", None)
    try:
        return int(est.rank) * 1000 + int(est.score)
    except (AttributeError, TypeError, ValueError):
        return 0


def import_from_check(request: HttpRequest) -> int:
    """Copy the check's debts into an empty plan once. Returns how many were copied."""
    state = load(request)
    if state.get("imported") or raw_debts(state):
        return 0
    copied = []
    for item in _checked(request):
        amount = getattr(item, "amount", None)
        if not isinstance(amount, Decimal) or amount <= 0:
            continue
        slug = item.lender_slug if _SLUG.match(item.lender_slug or "") else "other"
        known = content.lender(slug) if slug != "other" else None
        copied.append(
            {
                "lender": slug if known else "other",
                "lender_name": "" if known else (item.lender_name or "")[:40],
                "kind": item.kind if item.kind in KINDS else "other",
                "principal": str(amount.quantize(Decimal("0.01"))),
                "charges": "",
                "rate": "",
                "check_index": item.index,
            }
        )
    if not copied:
        return 0  # nothing to bring in yet: try again after the borrower does the check
    state["imported"] = True
    state["debts"] = copied[:MAX_DEBTS]
    save(request, state)
    return len(copied)


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


def lender_label(raw: dict[str, Any]) -> str:
    if raw["lender"] != "other":
        found = content.lender(raw["lender"])
        if found is not None:
            return found.t("name")
    return raw["lender_name"] or str(dict(LenderKind.choices).get(raw["kind"], ""))


def debt_rows(state: dict[str, Any]) -> list[DebtRow]:
    return [
        DebtRow(
            number=i + 1,
            name=lender_label(raw),
            kind=raw["kind"],
            principal=Decimal(raw["principal"]),
            charges=Decimal(raw["charges"] or "0"),
            rate=Decimal(raw["rate"]) if raw["rate"] else None,
            from_check=raw["check_index"] is not None,
        )
        for i, raw in enumerate(raw_debts(state))
    ]


def debts(request: HttpRequest, state: dict[str, Any]) -> list[Debt]:
    checked = {item.index: item for item in _checked(request)}
    found = []
    for i, raw in enumerate(raw_debts(state)):
        lender = content.lender(raw["lender"]) if raw["lender"] != "other" else None
        kind = lender.kind if lender is not None else raw["kind"]
        match = checked.get(raw["check_index"]) if raw["check_index"] is not None else None
        found.append(
            Debt(
                key=str(i + 1),
                lender_name=lender_label(raw),
                kind=kind,
                principal=Decimal(raw["principal"]),
                charges=Decimal(raw["charges"] or "0"),
                rate=Decimal(raw["rate"]) / 100 if raw["rate"] else None,
                max_months=lender.max_instalment_months if lender is not None else None,
                urgency=_urgency(match) if match is not None else 0,
                lender_slug=raw["lender"] if lender is not None else "",
            )
        )
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
    )


def current_plan(request: HttpRequest) -> Plan | None:
    """The borrower's computed plan, or None when they have not entered any debts.

    Returns ``advisor.plan.Plan`` (a frozen dataclass). What a letter needs:

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
    return compute(request)
