"""The monthly budget (收支): what comes in, what must go out, what is left for debts.

Pure Python, no Django. Modelled on the UK Standard Financial Statement: one budget,
the same for every lender. Essential spending comes first; debts are paid from what is
left after the reserve the borrower wants to keep for emergencies.

Spending greater than income is a real situation, not an input error: ``status`` says
"shortfall" and the pages explain what to do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

INCOME_SOURCES = ("salary", "business", "benefits", "family", "other_income")
ESSENTIALS = (
    "housing",
    "food",
    "transport",
    "utilities",
    "medical",
    "dependants",
    "other_essentials",
)
ZERO = Decimal("0.00")
# What the budget form suggests keeping aside each month; the borrower can change it.
SUGGESTED_RESERVE = Decimal("200")


@dataclass(frozen=True)
class Budget:
    income: dict[str, Decimal] = field(default_factory=dict)
    essentials: dict[str, Decimal] = field(default_factory=dict)
    commitments: Decimal = ZERO  # other fixed payments: insurance, a mortgage, family support
    reserve: Decimal = ZERO  # what the borrower keeps aside each month for emergencies

    @property
    def total_income(self) -> Decimal:
        return sum(self.income.values(), ZERO)

    @property
    def total_essentials(self) -> Decimal:
        return sum(self.essentials.values(), ZERO)

    @property
    def total_spending(self) -> Decimal:
        return self.total_essentials + self.commitments

    @property
    def left_after_spending(self) -> Decimal:
        """Income minus spending; negative when spending is greater."""
        return self.total_income - self.total_spending

    @property
    def available(self) -> Decimal:
        """What can go to debts each month after the reserve; never negative."""
        return max(ZERO, self.left_after_spending - self.reserve)

    @property
    def status(self) -> str:
        """ "shortfall" (spending > income), "reserve_only" (nothing left after the
        reserve) or "surplus" (something is available for debts)."""
        if self.left_after_spending < 0:
            return "shortfall"
        if self.available == 0:
            return "reserve_only"
        return "surplus"
