"""An arrangement agreed with a lender replaces the plan's proposal for it (issue 28, item 3).

Properties over budgets from nothing (income below spending) to ¥50,000, one to six debts of
every lender kind, every strategy, with some lenders under an agreement: the agreed lender's
schedule is the agreement exactly, its monthly amount is set aside first, and the others never
get more than what is left.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.models import LenderKind
from advisor.rules.budget import ESSENTIALS, INCOME_SOURCES, Budget
from advisor.rules.plan import (
    CREDIT_CARD,
    MAX_MONTHS,
    STRATEGIES,
    Agreed,
    Debt,
    Plan,
    build_plan,
)

D = Decimal
ZERO = D("0.00")
FIRST = dt.date(2027, 1, 15)
AGREED_ON = dt.date(2026, 11, 20)
KINDS = [value for value, _label in LenderKind.choices]

cents = st.integers(min_value=1, max_value=500_000).map(lambda c: D(c) / 100)
agreements = st.builds(
    Agreed,
    monthly=cents,
    months=st.integers(min_value=1, max_value=120),
    day=st.just(AGREED_ON),
    interest_stopped=st.none() | st.booleans(),
    first_date=st.none() | st.dates(dt.date(2026, 11, 20), dt.date(2027, 11, 20)),
)
debt = st.tuples(
    st.sampled_from(KINDS),
    st.integers(min_value=100, max_value=50_000_000).map(lambda c: D(c) / 100),
    st.none() | agreements,
)
# Income and spending of every size, so a budget that leaves nothing (or less than nothing
# before Budget clamps it) comes up as often as a comfortable one.
budgets = st.builds(
    lambda income, spending, reserve: Budget(
        income={name: income if name == INCOME_SOURCES[0] else ZERO for name in INCOME_SOURCES},
        essentials={name: spending if name == ESSENTIALS[0] else ZERO for name in ESSENTIALS},
        reserve=reserve,
    ),
    st.integers(min_value=0, max_value=5_000_000).map(lambda c: D(c) / 100),
    st.integers(min_value=0, max_value=5_000_000).map(lambda c: D(c) / 100),
    st.just(ZERO) | st.integers(min_value=0, max_value=100_000).map(lambda c: D(c) / 100),
)


def _debts(raw: list[tuple[str, Decimal, Agreed | None]]) -> tuple[list[Debt], dict[str, Agreed]]:
    debts = [
        Debt(str(i), f"机构{i}", kind, amount, lender_slug=f"lender-{i}", urgency=i % 3)
        for i, (kind, amount, _terms) in enumerate(raw, 1)
    ]
    terms = {f"lender-{i}": t for i, (_k, _a, t) in enumerate(raw, 1) if t is not None}
    return debts, terms


def _set_aside(terms: dict[str, Agreed]) -> Decimal:
    """The agreements still running when the plan starts, each month."""
    return sum((t.monthly for t in terms.values() if t.dates[-1] >= FIRST), ZERO)


def _others_by_month(plan: Plan) -> dict[int, Decimal]:
    totals: dict[int, Decimal] = {}
    for schedule in plan.schedules:
        if schedule.agreed is None:
            for payment in schedule.payments:
                totals[payment.number] = totals.get(payment.number, ZERO) + payment.amount
    return totals


def _assert_follows_agreement(plan: Plan, terms: dict[str, Agreed]) -> None:
    for schedule in plan.schedules:
        agreed = terms.get(schedule.debt.lender_slug)
        assert schedule.agreed == agreed
        if agreed is None:
            continue
        assert [p.amount for p in schedule.payments] == [agreed.monthly] * agreed.months
        assert [p.date for p in schedule.payments] == agreed.dates
        assert [p.number for p in schedule.payments] == list(range(1, agreed.months + 1))
        assert schedule.total == agreed.total == agreed.monthly * agreed.months
        assert schedule.payments[-1].balance == ZERO and schedule.finished
        running = agreed.dates[-1] >= FIRST  # an agreement already over takes nothing
        assert schedule.month_one == (agreed.monthly if running else ZERO)
        assert not schedule.over_cap


@settings(max_examples=150, deadline=None)
@given(st.lists(debt, min_size=1, max_size=6), budgets, st.sampled_from(STRATEGIES))
def test_agreed_lenders_follow_the_agreement_and_the_others_share_only_what_is_left(
    raw, budget: Budget, strategy: str
) -> None:
    debts, terms = _debts(raw)
    available = budget.available
    plan = build_plan(
        debts, available=available, first=FIRST, pay_day=15, strategy=strategy, agreed=terms
    )
    set_aside = _set_aside(terms)
    left = max(ZERO, available - set_aside)

    _assert_follows_agreement(plan, terms)
    assert plan.agreed_monthly == set_aside
    assert plan.over_promised == (set_aside > available)
    assert plan.over_promised_by == max(ZERO, set_aside - available)
    assert plan.left_for_others == left
    assert all(total <= left for total in _others_by_month(plan).values())
    others = [s for s in plan.schedules if s.agreed is None]
    assert sum((s.month_one for s in others), ZERO) <= left
    assert plan.month_one_total == set_aside + sum((s.month_one for s in others), ZERO)
    assert all(s.agreed is None for s in plan.waiting + plan.over_cap)
    if left == 0:
        assert all(not s.payments for s in others)
        assert plan.others_paused == (bool(terms) and bool(others))
        assert plan.waiting == [] and (plan.over_cap == [] or not terms)
    # Every figure is whole 分 and the plan's totals are the exact sums of its payments.
    for schedule in plan.schedules:
        assert all(p.amount == p.amount.quantize(D("0.01")) > 0 for p in schedule.payments)
        assert schedule.total == sum((p.amount for p in schedule.payments), ZERO)
    assert plan.total_paid == sum((s.total for s in plan.schedules), ZERO)
    assert plan.fits == (plan.monthly <= available)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(debt, min_size=3, max_size=6).filter(lambda r: any(t for _k, _a, t in r)),
    cents,
    st.sampled_from(STRATEGIES),
)
def test_an_amount_of_the_borrowers_own_includes_the_agreements(
    raw, monthly: Decimal, strategy: str
) -> None:
    debts, terms = _debts(raw)
    plan = build_plan(
        debts,
        available=None,
        monthly=monthly,
        first=FIRST,
        pay_day=15,
        strategy=strategy,
        agreed=terms,
    )
    set_aside = _set_aside(terms)
    _assert_follows_agreement(plan, terms)
    others = any(t is None for _k, _a, t in raw)
    assert plan.rest_monthly == (max(ZERO, monthly - set_aside) if others else ZERO)
    assert all(total <= plan.rest_monthly for total in _others_by_month(plan).values())
    assert not plan.over_promised  # no budget entered: nothing to compare with


@given(st.lists(debt, min_size=1, max_size=6), budgets)
@settings(max_examples=40, deadline=None)
def test_agreements_for_lenders_not_in_the_plan_change_nothing(raw, budget: Budget) -> None:
    debts, _terms = _debts([(kind, amount, None) for kind, amount, _t in raw])
    elsewhere = {"not-in-the-plan": Agreed(D("100.00"), 12, AGREED_ON)}
    plain = build_plan(debts, available=budget.available, first=FIRST, pay_day=15)
    assert (
        build_plan(debts, available=budget.available, first=FIRST, pay_day=15, agreed=elsewhere)
        == plain
    )


@pytest.mark.parametrize("kind", KINDS)
def test_every_lender_kind_can_be_under_an_agreement(kind: str) -> None:
    """A credit card agreed over 72 months is the bank's own decision: not flagged over cap."""
    debts = [
        Debt("1", "甲", kind, D("30000.00"), lender_slug="a"),
        Debt("2", "乙", "small_loan", D("2000.00"), lender_slug="b"),
        Debt("3", "丙", CREDIT_CARD, D("9000.00"), lender_slug="c"),
    ]
    terms = {"a": Agreed(D("416.67"), 72, AGREED_ON, interest_stopped=True)}
    plan = build_plan(debts, available=D("1000.00"), first=FIRST, pay_day=15, agreed=terms)
    _assert_follows_agreement(plan, terms)
    assert plan.over_cap == [s for s in plan.schedules if s.agreed is None and s.over_cap]
    assert plan.schedules[0].total == D("30000.24")  # 416.67 × 72, as agreed, not the balance
    assert _others_by_month(plan)[1] == D("1000.00") - D("416.67")


def test_with_nothing_to_spare_the_agreement_is_the_one_thing_to_fix_and_the_rest_pause() -> None:
    debts = [
        Debt("1", "甲", "bank_loan", D("5000.00"), lender_slug="a"),
        Debt("2", "乙", "online_platform", D("3000.00"), lender_slug="b"),
        Debt("3", "丙", "small_loan", D("1000.00"), lender_slug="c"),
    ]
    terms = {"b": Agreed(D("250.00"), 12, AGREED_ON, first_date=dt.date(2026, 12, 31))}
    plan = build_plan(debts, available=ZERO, first=FIRST, pay_day=15, agreed=terms)
    assert plan.over_promised and plan.over_promised_by == D("250.00")
    assert plan.others_paused and not plan.paused and plan.fits is False
    assert [s.payments for s in plan.schedules if s.agreed is None] == [[], []]
    assert plan.schedules[1].payments[1].date == dt.date(2027, 1, 31)
    assert plan.schedules[1].payments[2].date == dt.date(2027, 2, 28)


def test_only_the_first_debt_with_the_agreed_lender_follows_the_agreement() -> None:
    debts = [
        Debt("1", "甲", "bank_loan", D("5000.00"), lender_slug="a"),
        Debt("2", "甲", "bank_loan", D("3000.00"), lender_slug="a"),
    ]
    terms = {"a": Agreed(D("200.00"), 10, AGREED_ON)}
    plan = build_plan(debts, available=D("500.00"), first=FIRST, pay_day=15, agreed=terms)
    assert [s.agreed for s in plan.schedules] == [terms["a"], None]
    assert plan.schedules[1].month_one == D("300.00")


def test_without_a_first_date_payments_fall_a_month_after_the_agreement_on_its_day() -> None:
    agreed = Agreed(D("100.00"), 3, dt.date(2026, 10, 31))
    assert agreed.dates == [dt.date(2026, 11, 30), dt.date(2026, 12, 31), dt.date(2027, 1, 31)]


@pytest.mark.parametrize(
    ("monthly", "months"),
    [
        (D("0.00"), 12),
        (D("-1.00"), 12),
        (D("10.001"), 12),
        (D("10.00"), 0),
        (D("10.00"), MAX_MONTHS + 1),
    ],
)
def test_terms_that_are_not_an_arrangement_are_refused(monthly: Decimal, months: int) -> None:
    with pytest.raises(ValueError):
        Agreed(monthly, months, AGREED_ON)


def test_an_agreement_whose_payments_are_all_before_the_plan_takes_nothing_from_it() -> None:
    debts = [
        Debt("1", "甲", "bank_loan", D("5000.00"), lender_slug="a"),
        Debt("2", "乙", "small_loan", D("3000.00"), lender_slug="b"),
    ]
    over = Agreed(D("400.00"), 2, dt.date(2026, 10, 1))  # paid 1 Nov and 1 Dec 2026
    plan = build_plan(debts, available=D("500.00"), first=FIRST, pay_day=15, agreed={"a": over})
    assert plan.schedules[0].agreed == over and plan.schedules[0].total == D("800.00")
    assert plan.agreed_monthly == ZERO and not plan.over_promised
    assert plan.schedules[1].month_one == D("500.00")
