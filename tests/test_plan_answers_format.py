"""The plan's stored answers are typed and versioned: an old session is migrated, a tampered
one is cleaned (never a 500), and the plan asks the check's estimate only when it needs it."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from django.test import Client

from advisor import plan_answers, session
from advisor.rules import estimate
from tests.helpers import store_areas

OLD_FORMAT_DEBT = {
    "lender": "other",
    "lender_name": "某某消费金融",
    "kind": "consumer_finance",
    "principal": "8800.00",
    "charges": "",
    "rate": "",
    "check_index": None,
}
CHECK_DEBT = {
    "kind": "credit_card",
    "lender": "cmb-credit-card",
    "lender_other": "",
    "amount": "23456.78",
    "days_overdue": 120,
    "days_range": "",
    "first_missed": "",
    "contact": "not_answering",
    "signals": ["visit_announced"],
    "arrangement": "none",
    "region": "",
}


stored = store_areas


def plan_area(client: Client) -> dict:
    return client.session[session.KEY]["plan"]


def test_a_plan_saved_in_the_old_format_is_read_and_saved_in_the_new_one(
    content,
    client: Client,
) -> None:
    stored(client, plan={"debts": [OLD_FORMAT_DEBT], "imported": True})
    page = client.get("/plan/debts/")
    assert page.status_code == 200
    assert "某某消费金融" in page.content.decode() and "8,800.00" in page.content.decode()
    assert client.post("/plan/debts/1/remove/").status_code == 302
    stored(client, plan={"debts": [OLD_FORMAT_DEBT, OLD_FORMAT_DEBT], "imported": True})
    client.post("/plan/debts/2/remove/")
    area = plan_area(client)
    assert area["format"] == plan_answers.FORMAT
    assert area["debts"] == [
        {
            "lender": "other",
            "lender_other": "某某消费金融",
            "kind": "consumer_finance",
            "amount": "8800.00",
            "charges": "",
            "rate": "",
        }
    ]


@pytest.mark.parametrize(
    "plan",
    [
        "not a dict",
        {"debts": "x", "budget": [], "settings": 3},
        {"format": 2, "debts": [{"amount": "1e999", "lender": "other"}, None, 7]},
        {"format": 2, "debts": [{"amount": "-5", "lender": "../x"}], "budget": {"salary": "abc"}},
        {"format": 99, "debts": [{"principal": {"a": 1}, "lender": ["x"]}]},
    ],
)
def test_a_tampered_plan_is_cleaned_and_every_page_still_answers(
    content,
    client: Client,
    plan: object,
) -> None:
    stored(client, plan=plan)
    for url in ("/plan/", "/plan/debts/", "/plan/budget/", "/plan/result/", "/plan/summary/"):
        assert client.get(url).status_code in (200, 302), url


def test_the_plan_reads_the_checks_answers_and_estimates_only_for_the_urgent_order(
    content,
    client: Client,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = []
    real = estimate.estimate_visit

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(estimate, "estimate_visit", counted)
    stored(client, check={"debts": [CHECK_DEBT]})
    request = type("R", (), {"session": client.session, "COOKIES": {}})()
    assert plan_answers.import_from_check(request) == 1
    request.session.save()
    state = plan_answers.load(request)
    [debt] = state.debts
    assert debt.amount == Decimal("23456.78") and debt.lender == "cmb-credit-card"
    assert debt.check_index == 0
    assert plan_answers.compute(request) is not None
    assert calls == []  # importing and the default (pro rata) plan need no estimate
    urgent = replace(state, settings=replace(state.settings, strategy="urgent"))
    plan_answers.compute(request, urgent)
    assert calls  # the urgent order does
