"""The plan says only what is true for this borrower (issue 17): reserve, length, budget
changes, the interest assumption, the first date, and the hardship fast lane."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.test import Client

from tests.helpers import add_debt, fill_budget

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _a_known_day():
    with time_machine.travel(dt.datetime(2026, 12, 3, 8, tzinfo=dt.UTC)):
        yield


def _plan(client: Client) -> str:
    return client.get("/plan/result/").content.decode()


def _adjust(client: Client, *, monthly: str, strategy: str) -> None:
    """The plan's "adjust" form, sent with the default assumptions, from a ¥2,000 plan."""
    client.post(
        "/plan/result/",
        {
            "monthly": monthly,
            "months": "",
            "strategy": strategy,
            "plan_rate": "0",
            "assumed_rate": "18",
            "settlement_percent": "50",
            "monthly_was": "2000.00",
            "months_was": "",
        },
    )


def test_the_budget_form_suggests_a_reserve_the_borrower_can_change(
    client: Client, content: None
) -> None:
    page = client.get("/plan/budget/").content.decode()
    field = page[page.index('name="reserve"') - 200 : page.index('name="reserve"') + 200]
    assert 'value="200"' in field
    assert "每个月想留多少钱应急" in page


def test_a_blank_reserve_is_asked_again_not_taken_as_zero(client: Client, content: None) -> None:
    response = fill_budget(client, reserve="")
    assert response.status_code == 200
    assert "一分都留不出就填 0" in response.content.decode()


def test_a_zero_reserve_is_never_called_kept(client: Client, content: None) -> None:
    fill_budget(client, reserve="0")
    add_debt(client)
    page = _plan(client)
    assert "留出了应急的钱" not in page
    assert "你没有留应急的钱" in page


def test_a_kept_reserve_is_named_with_its_amount(client: Client, content: None) -> None:
    fill_budget(client)
    add_debt(client)
    assert "每月还留出了 ¥500.00 应急" in _plan(client)


def test_a_plan_longer_than_sixty_months_is_called_unrealistic(
    client: Client, content: None
) -> None:
    fill_budget(client)
    add_debt(client, lender="other", lender_name="某贷", kind="online_bank", principal="42600")
    _adjust(client, monthly="300", strategy="pro_rata")
    page = _plan(client)
    assert "142 个月" in page
    assert "不太现实" in page
    assert "/letters/hardship/" in page  # the hardship letter, no longer the generic one


def test_a_plan_within_sixty_months_is_not_called_unrealistic(
    client: Client, content: None
) -> None:
    fill_budget(client)
    add_debt(client, lender="other", lender_name="某贷", kind="online_bank", principal="24000")
    assert "不太现实" not in _plan(client)


def test_the_monthly_amount_follows_a_budget_edit(client: Client, content: None) -> None:
    fill_budget(client)  # leaves 2,000
    add_debt(client)
    assert "每月还 ¥2,000.00" in _plan(client)
    # Changing only the strategy does not fix the amount.
    _adjust(client, monthly="2000.00", strategy="avalanche")
    fill_budget(client, salary="5500")  # leaves 1,500
    page = _plan(client)
    assert "每月还 ¥1,500.00" in page
    assert "跟着你的收支走" in page
    assert "这个计划还不起" not in page


def test_an_amount_the_borrower_fixed_stays_and_the_page_says_so(
    client: Client, content: None
) -> None:
    fill_budget(client)
    add_debt(client)
    _adjust(client, monthly="1800", strategy="pro_rata")
    fill_budget(client, salary="5500")
    page = _plan(client)
    assert "每月还 ¥1,800.00" in page and "你自己定的" in page
    client.post("/plan/result/", {"follow_budget": "1"})
    assert "每月还 ¥1,500.00" in _plan(client)


def test_the_interest_assumption_sits_next_to_the_totals(client: Client, content: None) -> None:
    fill_budget(client)
    add_debt(client)
    page = _plan(client)
    totals = page[page.index('class="plan-totals"') :]
    totals = totals[: totals.index("</p>")]
    assert "共还 ¥30,000.00" in totals and "年利率 0%" in totals
    assert "<details" not in totals


def test_the_first_date_says_why_it_skips_this_months_pay_day(
    client: Client, content: None
) -> None:
    fill_budget(client, pay_day="15")
    add_debt(client)
    page = _plan(client)
    assert "第一期定在 2027-01-15" in page
    assert "离今天至少 14 天" in page


@pytest.mark.parametrize(("salary", "reserve"), [("3500", "0"), ("3700", "0"), ("3000", "0")])
def test_little_or_nothing_to_spare_goes_straight_to_the_hardship_route(
    client: Client, content: None, salary: str, reserve: str
) -> None:
    response = fill_budget(client, salary=salary, reserve=reserve)
    assert response.status_code == 302 and response["Location"] == "/plan/budget/guidance/"
    page = client.get("/plan/budget/guidance/").content.decode()
    assert "/plan/summary/" in page and "/letters/hardship/" in page
    add_debt(client)
    assert "先走困难路线" in _plan(client)


def test_enough_to_spare_skips_the_fast_lane(client: Client, content: None) -> None:
    response = fill_budget(client, salary="5000", reserve="0")  # leaves 1,500
    assert response["Location"] == "/plan/debts/"
    add_debt(client)
    assert "先走困难路线" not in _plan(client)


def _set_fast_lane_line(**changes: object) -> None:
    from advisor import content, models

    models.Threshold.objects.filter(slug="plan-fast-lane-line").update(**changes)
    content.invalidate()  # a write that skipped the admin (and its signals)


def test_the_fast_lane_line_is_our_own_editor_set_figure_and_says_so(
    client: Client, content: None
) -> None:
    from advisor import models

    row = models.Threshold.objects.get(slug="plan-fast-lane-line")
    assert row.value == 300 and row.source_title.startswith("本站自己定的界线，不是官方数字")
    fill_budget(client, salary="3700", reserve="0")  # leaves 200
    page = client.get("/plan/budget/guidance/").content.decode()
    assert "¥300.00 这条界线是本站自己定的，不是官方数字" in page
    assert f"编辑最近确认于 {row.reviewed_on.isoformat()}" in page


def test_an_editors_change_to_the_fast_lane_line_takes_effect(
    client: Client, content: None
) -> None:
    from advisor import models

    fill_budget(client, salary="4300", reserve="0")  # leaves 800
    add_debt(client)
    assert "先走困难路线" not in _plan(client)
    row = models.Threshold.objects.get(slug="plan-fast-lane-line")
    row.value = 800
    row.save()  # as the admin does: the cached content is dropped
    page = _plan(client)
    assert "先走困难路线" in page and "不超过 ¥800.00" in page
    assert fill_budget(client, salary="4300", reserve="0")["Location"] == "/plan/budget/guidance/"


@pytest.mark.parametrize(
    "changes",
    [{"value": -5}, {"value": 10**9}, {"status": "draft"}],
    ids=["negative", "absurd", "unpublished"],
)
def test_a_malformed_or_missing_fast_lane_line_falls_back_to_300(
    client: Client, content: None, changes: dict
) -> None:
    _set_fast_lane_line(value=800)
    fill_budget(client, salary="4300", reserve="0")  # leaves 800: fast lane at 800
    add_debt(client)
    assert "先走困难路线" in _plan(client)
    _set_fast_lane_line(**changes)
    assert "先走困难路线" not in _plan(client)  # 800 is above the fallback of 300
    fill_budget(client, salary="3700", reserve="0")  # leaves 200: under the fallback
    assert "不超过 ¥300.00" in _plan(client)


def test_a_deleted_fast_lane_line_falls_back_to_300(client: Client, content: None) -> None:
    from advisor import content as site_content
    from advisor import models

    models.Threshold.objects.all().delete()
    site_content.invalidate()
    fill_budget(client, salary="3700", reserve="0")
    add_debt(client)
    page = _plan(client)
    assert "不超过 ¥300.00" in page and "编辑最近确认于" not in page
