"""One sample borrower, answered the same way by every journey test and by `make lighthouse`.

Two overdue debts (a large credit card long overdue with a visit announced, and a small,
recent online loan being repaid) and a modest budget. Amounts are typed the ways borrowers
type them (currency sign, thousands separator, full-width digits with 元).
"""

from __future__ import annotations

Steps = list[tuple[str, dict[str, str | list[str]]]]

FIRST_DEBT: Steps = [
    ("kind", {"kind": "credit_card"}),
    ("lender", {"lender": "other", "lender_other": "某某银行信用卡"}),
    ("amount", {"amount": "¥52,000"}),
    ("overdue", {"days_range": "91-180"}),
    ("contact", {"contact": "not_answering"}),
    ("signals", {"signals": ["visit_announced", "third_parties"]}),
    ("arrangement", {"arrangement": "broken"}),
    ("region", {"region": "tier2"}),
]
SECOND_DEBT: Steps = [
    ("kind", {"kind": "online_bank"}),
    ("lender", {"lender": "webank-weilidai"}),
    ("amount", {"amount": "３０００元"}),
    ("overdue", {"days": "12"}),
    ("contact", {"contact": "cooperating"}),
    ("signals", {"signals": ["none"]}),
    ("arrangement", {"arrangement": "kept"}),
    ("region", {"region": "unknown"}),
]
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
