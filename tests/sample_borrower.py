"""One sample borrower, answered the same way by every journey test and by `make lighthouse`.

Two overdue debts (a large credit card long overdue with a visit announced, and a small,
recent online loan being repaid) and a modest budget. Each debt's answers come from the
check's step declarations (``Step.samples`` in advisor/check_steps.py), so a new question
is answered here without editing this file. Amounts are typed the ways borrowers type them
(currency sign, thousands separator, full-width digits with 元).
"""

from __future__ import annotations

from advisor.check_steps import STEPS

Steps = list[tuple[str, dict[str, str | list[str]]]]


def sample_debt(number: int) -> Steps:
    """The form data of sample debt ``number`` (0-based), question by question, in order.
    A step without that sample is left out here, and named by
    tests/test_check_step_declarations.py."""
    return [(item.slug, dict(item.samples[number])) for item in STEPS if len(item.samples) > number]


FIRST_DEBT: Steps = sample_debt(0)
SECOND_DEBT: Steps = sample_debt(1)
DEBTS = [FIRST_DEBT, SECOND_DEBT]
# The budget form's boxes (without pay_day, which browser tests pick from a list).
BUDGET = {
    "salary": "6000",
    "family": "500",
    "housing": "1800",
    "food": "1200",
    "transport": "300",
    "utilities": "200",
    "dependants": "500",
    "reserve": "500",
}
BUDGET_FORM = {**BUDGET, "pay_day": "15"}
