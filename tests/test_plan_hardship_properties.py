"""Every figure right at every budget (issue 26): properties over ¥0–¥50,000 a month, one to
six debts of every lender kind, every strategy.

The plan follows the budget, as it does until the borrower types an amount of their own. The
statement for lenders (收支说明) and the calendar are rendered from the plan exactly as the
pages render them, and read back as a lender or a phone would read them.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import icalendar
from django.template.loader import render_to_string
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor import ics
from advisor.models import LenderKind
from advisor.rules import letter
from advisor.rules.plan import REALISTIC_MONTHS, STRATEGIES, Debt, Plan, build_plan

D = Decimal
CENT = D("0.01")
ZERO = D(0)
FIRST = dt.date(2027, 1, 15)
KINDS = [value for value, _label in LenderKind.choices]
YUAN = re.compile(r"¥([\d,]+\.\d\d)")

budgets = st.integers(min_value=0, max_value=5_000_000).map(lambda c: D(c) / 100)
small_budgets = st.integers(min_value=0, max_value=30_000).map(lambda c: D(c) / 100)
debt = st.builds(
    lambda kind, cents, charges, rate: (kind, D(cents) / 100, D(charges) / 100, rate),
    st.sampled_from(KINDS),
    st.integers(min_value=100, max_value=50_000_000),
    st.integers(min_value=0, max_value=500_000) | st.just(0),
    st.none() | st.integers(min_value=0, max_value=36).map(lambda p: D(p) / 100),
)
debt_lists = st.lists(debt, min_size=1, max_size=6)
plan_rates = st.just(D(0)) | st.integers(min_value=1, max_value=24).map(lambda p: D(p) / 100)


def _debts(raw: list[tuple[str, Decimal, Decimal, Decimal | None]]) -> list[Debt]:
    return [
        Debt(str(i + 1), f"机构{i + 1}", kind, principal, charges, rate, urgency=i % 3)
        for i, (kind, principal, charges, rate) in enumerate(raw)
    ]


def _plan(raw: list, available: Decimal, strategy: str, plan_rate: Decimal = ZERO) -> Plan:
    return build_plan(
        _debts(raw),
        available=available,
        first=FIRST,
        pay_day=15,
        strategy=strategy,
        plan_rate=plan_rate,
    )


def _month_totals(plan: Plan) -> dict[int, Decimal]:
    totals: dict[int, Decimal] = {}
    for schedule in plan.schedules:
        for payment in schedule.payments:
            totals[payment.number] = totals.get(payment.number, D(0)) + payment.amount
    return totals


def _yuan(text: str) -> list[Decimal]:
    return [D(found.replace(",", "")) for found in YUAN.findall(text)]


def _rows(html: str) -> list[str]:
    """The statement's table rows, tags dropped."""
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [re.sub(r"<[^>]+>", "|", row) for row in body.split("</tr>") if "<th" in row]


def _proposed(row: str) -> list[Decimal]:
    """The amounts in a row's third cell ("提议每月还")."""
    cells = [c for c in row.split("|") if c.strip()]
    return _yuan(cells[2]) if len(cells) > 2 else []


@given(debt_lists, budgets, st.sampled_from(STRATEGIES), plan_rates)
@settings(max_examples=120, deadline=None)
def test_no_month_pays_more_than_the_budget_leaves(
    raw: list, available: Decimal, strategy: str, plan_rate: Decimal
) -> None:
    plan = _plan(raw, available, strategy, plan_rate)
    assert plan.monthly <= available
    for month, paid in _month_totals(plan).items():
        assert paid <= available, (month, paid)
    assert plan.month_one_total <= available
    if available == 0:
        assert plan.paused and not any(s.payments for s in plan.schedules)


@given(debt_lists, budgets, plan_rates)
@settings(max_examples=150, deadline=None)
def test_pro_rata_gives_every_open_debt_its_share_from_month_one(
    raw: list, available: Decimal, plan_rate: Decimal
) -> None:
    plan = _plan(raw, available, "pro_rata", plan_rate)
    owed = sum((d.balance for d in plan.debts), D(0))
    for schedule in plan.schedules:
        balance = schedule.debt.balance
        if available < owed:
            share = available * balance / owed
            assert abs(schedule.month_one - share) <= CENT, (schedule.debt.key, schedule.month_one)
        else:  # enough for everything: each is paid off, with the month's interest when it can
            interest = schedule.payments[0].interest
            assert balance <= schedule.month_one <= balance + interest
    assert plan.waiting == [] or all(s.month_one == 0 for s in plan.waiting)


@given(debt_lists, small_budgets, st.sampled_from(STRATEGIES))
@settings(max_examples=80, deadline=None)
def test_the_statements_rows_sum_to_its_total_and_the_total_is_the_amount_available(
    raw: list, available: Decimal, strategy: str
) -> None:
    plan = _plan(raw, available, strategy)
    html = render_to_string("advisor/plan/_proposal.html", {"plan": plan})
    rows = _rows(html)
    *lenders, total_row = rows
    assert len(lenders) == len(plan.debts)
    proposed = [_proposed(row) for row in lenders]
    total = _proposed(total_row)
    if available == 0:
        assert proposed == [[]] * len(lenders) and total == [], "no amount at ¥0"
        assert "暂缓" in total_row
        return
    assert all(len(p) == 1 for p in proposed) and len(total) == 1
    assert sum(p[0] for p in proposed) == total[0]
    owed = sum((d.balance for d in plan.debts), D(0))
    assert total[0] == min(available, owed)


@given(debt_lists, small_budgets, st.sampled_from(STRATEGIES))
@settings(max_examples=40, deadline=None)
def test_no_output_proposes_more_than_the_amount_available(
    raw: list, available: Decimal, strategy: str
) -> None:
    plan = _plan(raw, available, strategy)
    statement = render_to_string("advisor/plan/_proposal.html", {"plan": plan})
    for row in _rows(statement):
        assert all(amount <= available for amount in _proposed(row)), row
    headline = render_to_string("advisor/plan/_headline.html", {"plan": plan})
    assert all(amount <= available for amount in _yuan(headline)), headline
    calendar = icalendar.Calendar.from_ical(ics.calendar(plan))
    for event in calendar.walk("VEVENT"):
        assert all(a <= available for a in _yuan(str(event.get("summary"))))
        assert all(a <= available for a in _yuan(str(event.get("description"))))
    for schedule in plan.schedules:
        offer = letter.offer_line(schedule.month_one, available)
        assert all(amount <= available for amount in _yuan(offer))
        if available == 0:
            assert not _yuan(offer)


@given(debt_lists, budgets, st.sampled_from(STRATEGIES))
@settings(max_examples=80, deadline=None)
def test_in_the_budget_is_said_only_when_true(raw: list, available: Decimal, strategy: str) -> None:
    plan = _plan(raw, available, strategy)
    every_month = list(_month_totals(plan).values())
    if plan.fits:
        assert all(paid <= available for paid in every_month)
    for option in plan.options:
        if option.fits is True:
            assert option.monthly is not None and option.monthly <= available
        if option.code == "instalments":
            assert option.months is not None and option.months <= REALISTIC_MONTHS
    html = render_to_string(
        "advisor/plan/_options.html",
        {"plan": plan, "settings": {"settlement_percent": "50", "assumed_rate": "18"}},
    )
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    for row, option in zip(body.split("</tr>"), plan.options, strict=False):
        said_yes = re.search(r">\s*是\s*</td>", row) is not None
        if said_yes:
            assert option.monthly is not None and option.monthly <= available, row


@given(debt_lists, st.integers(min_value=1, max_value=REALISTIC_MONTHS), plan_rates)
@settings(max_examples=60, deadline=None)
def test_a_plan_of_a_given_length_and_its_instalment_row_carry_one_figure(
    raw: list, months: int, plan_rate: Decimal
) -> None:
    """Walk bug 10: the plan said ¥1,166.67 and the 60-month row beside it ¥1,167.06."""
    plan = build_plan(
        _debts(raw), available=None, months=months, first=FIRST, pay_day=15, plan_rate=plan_rate
    )
    row = next(o for o in plan.options if o.code == "instalments")
    assert row.months == months
    assert row.monthly == plan.monthly
