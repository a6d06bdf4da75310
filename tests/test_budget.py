"""The monthly budget (advisor/rules/budget.py)."""

from __future__ import annotations

from decimal import Decimal

from advisor.rules.budget import Budget

D = Decimal


def test_available_is_income_minus_spending_minus_reserve() -> None:
    budget = Budget(
        income={"salary": D("6000.00"), "family": D("500.00")},
        essentials={"housing": D("1800.00"), "food": D("1200.00"), "transport": D("300.00")},
        commitments=D("400.00"),
        reserve=D("500.00"),
    )
    assert budget.total_income == D("6500.00")
    assert budget.total_spending == D("3700.00")
    assert budget.left_after_spending == D("2800.00")
    assert budget.available == D("2300.00")
    assert budget.status == "surplus"


def test_spending_greater_than_income_is_a_shortfall_not_an_error() -> None:
    budget = Budget(income={"salary": D("3000.00")}, essentials={"housing": D("3500.00")})
    assert budget.left_after_spending == D("-500.00")
    assert budget.available == 0
    assert budget.status == "shortfall"


def test_when_the_reserve_takes_everything_nothing_is_available() -> None:
    budget = Budget(
        income={"salary": D("3000.00")}, essentials={"food": D("2500.00")}, reserve=D("600.00")
    )
    assert budget.available == 0
    assert budget.status == "reserve_only"


def test_an_empty_budget_has_nothing_available() -> None:
    assert Budget().available == 0
    assert Budget().status == "reserve_only"
