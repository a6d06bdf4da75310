"""The money rules of the repayment plan (advisor/rules/plan.py): pure, no database."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.rules.plan import (
    CREDIT_CARD_MAX_MONTHS,
    Debt,
    Payment,
    build_plan,
    instalment_lines,
    instalments,
    priority_order,
    runs,
    simulate,
    split_pro_rata,
)

D = Decimal
CENT = D("0.01")
FIRST = dt.date(2027, 1, 31)

amounts = st.integers(min_value=1, max_value=10_000_000_000).map(lambda c: D(c) / 100)
month_counts = st.integers(min_value=1, max_value=CREDIT_CARD_MAX_MONTHS)
rates = st.integers(min_value=1, max_value=3600).map(lambda bp: D(bp) / 10000)  # 0.01%–36%


def annuity_reference(total: Decimal, months: int, annual: Decimal) -> Decimal:
    """等额本息 from the textbook formula, computed independently with floats and rounded."""
    r = float(annual) / 12
    value = float(total) * r * (1 + r) ** months / ((1 + r) ** months - 1)
    return D(str(value)).quantize(CENT, rounding=ROUND_HALF_UP)


# --- Worked examples -----------------------------------------------------------------


def test_zero_rate_split_puts_the_remainder_on_the_last_instalment() -> None:
    assert instalments(D("200.00"), 3) == [D("66.66"), D("66.66"), D("66.68")]
    assert instalments(D("100.00"), 3) == [D("33.33"), D("33.33"), D("33.34")]
    assert instalments(D("0.05"), 12) == [D("0.00")] * 11 + [D("0.05")]


def test_equal_payment_matches_the_worked_example_to_the_fen() -> None:
    # ¥100,000 over 12 months at 12% a year (1% a month): the textbook payment is ¥8,884.88.
    lines = instalment_lines(D("100000.00"), 12, annual_rate=D("0.12"))
    assert [line.payment for line in lines[:11]] == [D("8884.88")] * 11
    assert lines[0].interest == D("1000.00")
    assert lines[0].principal == D("7884.88")
    assert sum(line.principal for line in lines) == D("100000.00")
    assert lines[-1].balance == 0
    assert lines[-1].payment == D("8884.85")  # the last one settles the rounding
    assert sum(line.payment for line in lines) == D("106618.53")  # interest ¥6,618.53


def test_equal_principal_matches_the_worked_example() -> None:
    # ¥120,000 over 12 months at 12%: principal ¥10,000 a month, interest falls ¥100 a month.
    expected = [D(11200 - 100 * k) for k in range(12)]
    assert instalments(D("120000.00"), 12, annual_rate=D("0.12"), method="equal_principal") == [
        e.quantize(CENT) for e in expected
    ]
    assert sum(
        instalments(D("120000.00"), 12, annual_rate=D("0.12"), method="equal_principal")
    ) == D("127800.00")


@pytest.mark.parametrize(
    ("total", "months", "rate"),
    [("50000.00", 24, "0.0435"), ("8888.88", 36, "0.18"), ("300000.00", 60, "0.0365")],
)
def test_equal_payment_matches_the_standard_formula(total: str, months: int, rate: str) -> None:
    payments = instalments(D(total), months, annual_rate=D(rate))
    assert payments[0] == annuity_reference(D(total), months, D(rate))


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(ValueError):
        instalments(D("0"), 12)
    with pytest.raises(ValueError):
        instalments(D("-5.00"), 12)
    with pytest.raises(ValueError):
        instalments(D("100.00"), 0)
    with pytest.raises(ValueError):
        instalments(D("100.001"), 3)
    with pytest.raises(ValueError, match="fraction"):
        instalments(D("100.00"), 3, annual_rate=D("12"))  # 12 means 1200%: a percent by mistake
    with pytest.raises(ValueError):
        instalments(D("100.00"), 3, method="balloon")


# --- Properties ----------------------------------------------------------------------


@given(amounts, month_counts)
@settings(deadline=None)
def test_zero_rate_instalments_sum_exactly_to_the_total(total: Decimal, months: int) -> None:
    payments = instalments(total, months)
    assert len(payments) == months
    assert sum(payments) == total
    assert all(p == p.quantize(CENT) and p >= 0 for p in payments)
    assert len(set(payments[:-1])) <= 1
    assert payments[-1] >= payments[0]
    assert payments[-1] - payments[0] < months * CENT


@given(amounts, month_counts, rates, st.sampled_from(["equal_payment", "equal_principal"]))
@settings(max_examples=150, deadline=None)
def test_principal_parts_sum_exactly_and_every_payment_covers_its_interest(
    total: Decimal, months: int, rate: Decimal, method: str
) -> None:
    lines = instalment_lines(total, months, annual_rate=rate, method=method)
    assert sum(line.principal for line in lines) == total
    assert sum(line.payment for line in lines) == total + sum(line.interest for line in lines)
    assert lines[-1].balance == 0
    assert all(line.principal >= 0 and line.payment >= line.interest for line in lines)
    if method == "equal_principal":
        assert [line.payment for line in lines[:-1]] == sorted(
            (line.payment for line in lines[:-1]), reverse=True
        )


@given(amounts.filter(lambda a: a >= 100), month_counts, rates)
@settings(deadline=None)
def test_equal_payment_is_level_until_the_last_month(
    total: Decimal, months: int, rate: Decimal
) -> None:
    payments = instalments(total, months, annual_rate=rate)
    assert len(set(payments[:-1])) <= 1
    tolerance = months * D("0.02") * (1 + rate / 12) ** months
    assert abs(payments[-1] - payments[0]) <= tolerance


@given(amounts, st.lists(amounts, min_size=1, max_size=6))
@settings(deadline=None)
def test_pro_rata_split_sums_exactly_and_never_overpays(
    amount: Decimal, weights: list[Decimal]
) -> None:
    shares = split_pro_rata(amount, weights)
    assert sum(shares) == min(amount, sum(weights))
    assert all(0 <= s <= w for s, w in zip(shares, weights, strict=True))


@given(st.lists(amounts.filter(lambda a: a >= 1), min_size=1, max_size=4), amounts, month_counts)
@settings(max_examples=60, deadline=None)
def test_a_simulated_plan_pays_every_debt_exactly_once_in_full(
    balances: list[Decimal], monthly: Decimal, _: int
) -> None:
    debts = [Debt(str(i), f"L{i}", "online_bank", b) for i, b in enumerate(balances)]
    monthly = max(monthly, sum(balances) / 50).quantize(CENT) + CENT
    sim = simulate(debts, monthly, first=FIRST)
    assert sim.finished
    for schedule in sim.lenders:
        assert schedule.total == schedule.debt.balance
        assert schedule.payments[-1].balance == 0
    month_totals: dict[int, Decimal] = {}
    for schedule in sim.lenders:
        for payment in schedule.payments:
            month_totals[payment.number] = (
                month_totals.get(payment.number, Decimal(0)) + payment.amount
            )
    for paid in month_totals.values():
        assert paid <= monthly


# --- Allocation across lenders -------------------------------------------------------


DEBTS = [
    Debt("1", "卡", "credit_card", D("30000.00"), D("2000.00"), D("0.18"), urgency=1),
    Debt("2", "网贷", "online_bank", D("10000.00"), urgency=3),
    Debt("3", "消费金融", "consumer_finance", D("8000.00"), rate=D("0.24")),
]


def test_pro_rata_shares_the_monthly_amount_by_balance() -> None:
    sim = simulate(DEBTS, D("1000.00"), strategy="pro_rata", first=FIRST)
    first = [s.payments[0].amount for s in sim.lenders]
    assert first == [D("640.00"), D("200.00"), D("160.00")]  # 32,000 : 10,000 : 8,000
    assert len({s.months for s in sim.lenders}) == 1  # everyone finishes together


def test_avalanche_pays_the_most_expensive_debt_first() -> None:
    assert priority_order(DEBTS, "avalanche") == [2, 0, 1]  # 24%, 18%, then the unknown rate
    sim = simulate(DEBTS, D("3000.00"), strategy="avalanche", first=FIRST)
    card, online, costly = sim.lenders
    assert costly.months < card.months < online.months
    # The card gets only what keeps it within 60 months; everything else goes to the 24% debt.
    assert card.payments[0].amount == D("533.34")
    assert costly.payments[0].amount == D("2466.66")
    assert online.payments[0].number > costly.months


def test_most_urgent_first_follows_the_checks_level() -> None:
    assert priority_order(DEBTS, "urgent") == [1, 0, 2]
    sim = simulate(DEBTS, D("3000.00"), strategy="urgent", first=FIRST)
    assert sim.lenders[1].months == min(s.months for s in sim.lenders)


def test_an_ordered_plan_keeps_a_credit_card_within_sixty_months_when_the_amount_allows() -> None:
    debts = [
        Debt("1", "卡", "credit_card", D("60000.00")),
        Debt("2", "网贷", "online_bank", D("60000.00"), rate=D("0.24")),
    ]
    plan = build_plan(debts, available=D("1500.00"), first=FIRST, pay_day=31, strategy="avalanche")
    card, loan = plan.schedules
    assert card.months <= CREDIT_CARD_MAX_MONTHS
    assert not card.over_cap
    assert loan.months > CREDIT_CARD_MAX_MONTHS  # the online loan waits: at the lender's discretion


def test_pro_rata_shares_by_balance_and_names_the_card_it_cannot_keep_within_sixty_months() -> None:
    """Pro rata is pro rata: the card's 60-month floor never takes the other lenders' share.

    (Until 2026-12 the floor was paid first, so a ¥200 budget gave the card everything and the
    other lenders nothing for 300 months; walk 2026-12-07, bug 1.)"""
    debts = [
        Debt("1", "卡", "credit_card", D("60000.00")),
        Debt("2", "网贷", "online_bank", D("60000.00")),
    ]
    plan = build_plan(debts, available=D("1500.00"), first=FIRST, pay_day=31)
    card, loan = plan.schedules
    assert card.month_one == loan.month_one == D("750.00")
    assert [s.debt.key for s in plan.over_cap] == ["1"]
    assert card.floor == D("1000.01")


def test_a_plan_too_small_for_the_sixty_month_limit_is_flagged_not_hidden() -> None:
    debts = [Debt("1", "卡", "credit_card", D("60000.00"))]
    plan = build_plan(debts, available=D("500.00"), first=FIRST, pay_day=31)
    assert plan.min_monthly == D("1000.01")
    assert [s.debt.key for s in plan.over_cap] == ["1"]
    instalment = next(o for o in plan.options if o.code == "instalments")
    assert instalment.months == CREDIT_CARD_MAX_MONTHS
    assert instalment.fits is False


def test_the_instalment_option_caps_a_credit_card_at_sixty_months() -> None:
    debts = [
        Debt("1", "卡", "credit_card", D("72000.00")),
        Debt("2", "贷", "online_bank", D("7200.00")),
    ]
    plan = build_plan(debts, available=None, months=72, first=FIRST, pay_day=31)
    instalment = next(o for o in plan.options if o.code == "instalments")
    assert instalment.note == "capped"
    assert instalment.monthly == D("1300.00")  # 72,000/60 + 7,200/72
    assert instalment.months == 72


def test_a_lenders_reference_maximum_is_respected() -> None:
    debt = Debt("1", "贷", "online_bank", D("3600.00"), max_months=12)
    assert debt.month_cap == 12
    assert Debt("2", "贷", "online_bank", D("1.00")).month_cap is None  # lender's discretion
    assert Debt("3", "卡", "credit_card", D("1.00"), max_months=36).month_cap == 36
    # An editor's 0 means "not set", never a zero-month plan.
    assert Debt("4", "贷", "online_bank", D("1.00"), max_months=0).month_cap is None
    assert Debt("5", "卡", "credit_card", D("1.00"), max_months=0).month_cap == 60


def test_options_cover_nothing_instalments_settlement_and_pro_rata() -> None:
    plan = build_plan(
        DEBTS,
        available=D("2000.00"),
        first=FIRST,
        pay_day=31,
        assumed_rate=D("0.12"),
        settlement_share=D("0.6"),
        lump_sum=D("10000.00"),
    )
    codes = [o.code for o in plan.options]
    assert codes == ["nothing", "instalments", "settlement", "pro_rata"]
    nothing, instalment, settlement, pro_rata = plan.options
    # Growth uses each known rate, the assumption only where the rate is unknown.
    assert nothing.owed_later[-1] == (
        12,
        D("50000.00") + D("5400.00") + D("1200.00") + D("1920.00"),
    )
    assert settlement.one_off == D("30000.00") and settlement.fits is False
    assert pro_rata.monthly == D("2000.00") and pro_rata.fits is True and pro_rata.months == 25
    assert instalment.fits is True


def test_no_room_in_the_budget_offers_the_hardship_route() -> None:
    plan = build_plan(DEBTS, available=D("0.00"), first=FIRST, pay_day=31)
    pro_rata = next(o for o in plan.options if o.code == "pro_rata")
    assert pro_rata.note == "no_room" and pro_rata.fits is False
    # A pause, not a 60-month spread the budget cannot pay (until 2026-12 it proposed
    # ¥1,166.67 a month beside "可用于还款 ¥0.00"; walk 2026-12-07, bug 2).
    assert plan.paused and plan.monthly == 0 and plan.months == 0
    assert all(not s.payments for s in plan.schedules) and plan.month_one_total == 0
    assert not plan.over_cap and not plan.waiting
    instalment = next(o for o in plan.options if o.code == "instalments")
    assert instalment.months == CREDIT_CARD_MAX_MONTHS and instalment.fits is False


def test_a_plan_that_never_ends_says_so() -> None:
    debts = [Debt("1", "贷", "online_bank", D("100000.00"))]
    plan = build_plan(debts, available=D("100.00"), first=FIRST, pay_day=31, plan_rate=D("0.24"))
    assert not plan.finished
    assert plan.months == 0


# --- Runs of equal payments ------------------------------------------------------------


def test_a_level_schedule_folds_into_one_run_and_its_odd_last_payment() -> None:
    sim = simulate([Debt("1", "网贷", "online_bank", D("14400.01"))], D("1200.00"), first=FIRST)
    folded = sim.lenders[0].runs
    assert [(r.first, r.last, r.amount, r.count) for r in folded] == [
        (1, 12, D("1200.00"), 12),
        (13, 13, D("0.01"), 1),
    ]
    assert folded[0].first_date == FIRST and folded[0].last_date == sim.lenders[0].payments[11].date


def test_a_skipped_month_starts_a_new_run_even_at_the_same_amount() -> None:
    day = FIRST
    payments = [Payment(n, day, D("100.00"), D(0), D(0)) for n in (1, 2, 4, 5)]
    assert [(r.first, r.last) for r in runs(payments)] == [(1, 2), (4, 5)]


@given(
    st.lists(amounts.filter(lambda a: a >= 1), min_size=1, max_size=6),
    amounts,
    st.sampled_from(["pro_rata", "avalanche", "urgent"]),
    rates | st.just(D(0)),
)
@settings(max_examples=80, deadline=None)
def test_runs_cover_every_payment_once_and_sum_exactly_to_the_schedule(
    balances: list[Decimal], monthly: Decimal, strategy: str, rate: Decimal
) -> None:
    debts = [Debt(str(i), f"L{i}", "online_bank", b) for i, b in enumerate(balances)]
    monthly = max(monthly, sum(balances) / 40).quantize(CENT) + CENT
    sim = simulate(debts, monthly, strategy=strategy, annual_rate=rate, first=FIRST, max_months=120)
    for schedule in sim.lenders:
        folded = schedule.runs
        assert sum((r.total for r in folded), D(0)) == schedule.total
        assert sum(r.count for r in folded) == len(schedule.payments)
        expanded = [(n, r.amount) for r in folded for n in range(r.first, r.last + 1)]
        assert expanded == [(p.number, p.amount) for p in schedule.payments]
        for before, after in zip(folded, folded[1:], strict=False):
            assert before.amount != after.amount or before.last + 1 != after.first
