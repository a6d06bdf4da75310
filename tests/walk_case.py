"""The walk's borrower (review of 2026-12-07): a bank card ¥60,000, 借呗 ¥8,000 and a small-loan
company ¥2,000; income ¥4,000, essentials ¥3,800. ``reserve`` decides what is left: ¥0 leaves
¥200 for debts, ¥200 leaves nothing.

Written straight into the session, as the check and the plan pages store it.
"""

from __future__ import annotations

from typing import Any

from django.test import Client

DEBTS = [
    ("credit_card", "cmb-credit-card", "", "60000.00", 200),
    ("consumer_finance", "ant-huabei-jiebei", "", "8000.00", 40),
    ("small_loan", "other", "某某小额贷款有限公司", "2000.00", 10),
]


def check_state() -> dict[str, Any]:
    return {
        "debts": [
            {
                "kind": kind,
                "lender": lender,
                "lender_other": other,
                "amount": amount,
                "days_overdue": days,
                "days_range": "",
                "first_missed": "",
                "contact": "answering_cannot_pay",
                "signals": ["none"],
                "arrangement": "none",
                "region": "tier2",
            }
            for kind, lender, other, amount, days in DEBTS
        ]
    }


def plan_state(reserve: str, **settings: Any) -> dict[str, Any]:
    return {
        "format": 2,
        "budget": {
            "salary": "4000.00",
            "housing": "2000.00",
            "food": "1000.00",
            "transport": "300.00",
            "utilities": "300.00",
            "medical": "200.00",
            "reserve": reserve,
            "pay_day": 15,
        },
        "debts": [
            {
                "lender": lender,
                "lender_other": other,
                "kind": kind,
                "amount": amount,
                "charges": "",
                "rate": "",
                "check_index": index,
            }
            for index, (kind, lender, other, amount, _days) in enumerate(DEBTS)
        ],
        "settings": settings,
        "imported": True,
    }


def as_walk_borrower(client: Client, reserve: str, **settings: Any) -> Client:
    session = client.session
    session["bh"] = {"v": 1, "check": check_state(), "plan": plan_state(reserve, **settings)}
    session.save()
    return client
