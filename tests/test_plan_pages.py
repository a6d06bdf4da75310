"""The repayment plan pages: budget, debts, the plan with and without htmx, PDF and calendar."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import icalendar
import pytest
import time_machine
from django.test import Client
from pypdf import PdfReader

from advisor.forms.plan import BudgetForm
from tests.helpers import add_debt, fill_budget

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _a_known_day():
    with time_machine.travel(dt.datetime(2027, 1, 5, 10, tzinfo=dt.UTC)):
        yield


def test_the_start_page_explains_the_plan_above_the_budget_questions(
    client: Client, content: None
) -> None:
    response = client.get("/plan/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "还款计划" in page
    assert 'action="/plan/budget/"' in page  # the answers go to the budget page
    assert all(f'name="{name}"' in page for name in BudgetForm.base_fields)
    assert 'class="back-link' not in page


def test_the_budget_page_keeps_its_address_for_a_change_or_a_refused_answer(
    client: Client, content: None
) -> None:
    page = client.get("/plan/budget/").content.decode()
    assert 'href="/plan/"' in page  # the back link
    refused = client.post("/plan/budget/", {"salary": "-300"})
    assert refused.status_code == 200
    assert "金额不能是负数" in refused.content.decode()


def test_the_budget_form_computes_what_is_available(client: Client, content: None) -> None:
    response = fill_budget(client)
    assert response.status_code == 302 and response["Location"] == "/plan/debts/"
    add_debt(client)
    page = client.get("/plan/result/").content.decode()
    # 6,500 income − 4,000 spending − 500 reserve
    assert "¥2,000.00" in page


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("-300", "金额不能是负数"),
        ("abc", "请只填写数字"),
        ("200000000", "金额不能超过 1 亿元"),
        ("12.345", "最多精确到分"),
    ],
)
def test_bad_budget_amounts_get_plain_messages(
    client: Client, content: None, typed: str, message: str
) -> None:
    response = fill_budget(client, salary=typed)
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert "<title>错误：" in page


def test_full_width_amounts_are_understood(client: Client, content: None) -> None:
    assert fill_budget(client, salary="６０００元").status_code == 302
    add_debt(client)
    assert "¥2,000.00" in client.get("/plan/result/").content.decode()


def test_spending_greater_than_income_has_its_own_guidance(client: Client, content: None) -> None:
    response = fill_budget(client, salary="2000", family="")
    assert response.status_code == 302
    assert response["Location"] == "/plan/budget/guidance/"
    page = client.get(response["Location"]).content.decode()
    assert "收入不够必需开支" in page
    assert "错误" not in page.split("<main")[1]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"principal": ""}, "请填写还欠的本金"),
        ({"principal": "0"}, "本金要大于 0"),
        ({"principal": "-5"}, "金额不能是负数"),
        ({"principal": "1000000000"}, "金额不能超过 1 亿元"),
        ({"lender": ""}, "请选择借款机构"),
        ({"lender": "other", "lender_name": "", "kind": ""}, "请填写机构名称"),
        ({"rate": "abc"}, "请填写一个百分数"),
    ],
)
def test_bad_debt_input_gets_plain_messages(
    client: Client, content: None, fields: dict[str, str], message: str
) -> None:
    response = add_debt(client, **fields)
    assert response.status_code == 200
    assert message in response.content.decode()


def test_without_debts_the_plan_page_sends_the_borrower_to_add_them(
    client: Client, content: None
) -> None:
    response = client.get("/plan/result/")
    assert response.status_code == 302 and response["Location"] == "/plan/debts/"


def test_the_plan_works_without_a_budget(client: Client, content: None) -> None:
    add_debt(client)
    page = client.get("/plan/result/").content.decode()
    assert "还没有填写每月收支" in page
    assert "30,000.00" in page


def test_the_plan_shows_options_side_by_side_and_a_schedule_per_lender(planned: Client) -> None:
    page = planned.get("/plan/result/").content.decode()
    for label in ["什么都不变", "申请分期", "一次性结清", "能还多少还多少"]:
        assert label in page
    assert "招商银行信用卡" in page and "某某消费金融" in page
    assert "每家机构的每月明细" in page
    assert "不是法定利率" in page


def test_changing_the_monthly_amount_without_javascript_posts_and_redirects(
    planned: Client,
) -> None:
    response = planned.post(
        "/plan/result/",
        {
            "monthly": "1000",
            "months": "",
            "strategy": "pro_rata",
            "monthly_was": "2000.00",
            "months_was": "21",
        },
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/plan/result/")
    page = planned.get("/plan/result/").content.decode()
    assert "每月还 ¥1,000.00，42 个月还清" in page
    # Pay day 31: the schedule lands on month ends, 29 Feb in the leap year 2028.
    assert "2027-02-28" in page and "2028-02-29" in page and "2027-04-30" in page


def test_changing_the_months_updates_the_monthly_amount(planned: Client) -> None:
    planned.post(
        "/plan/result/",
        {
            "monthly": "2000.00",
            "months": "12",
            "strategy": "pro_rata",
            "monthly_was": "2000.00",
            "months_was": "21",
        },
    )
    page = planned.get("/plan/result/").content.decode()
    assert "每月还 ¥3,500.00，12 个月还清" in page
    assert "超出了你的预算" in page
    assert "这个计划还不起" in page


def test_htmx_gets_only_the_plan_partial(planned: Client) -> None:
    response = planned.post(
        "/plan/result/",
        {
            "monthly": "1000",
            "months": "",
            "strategy": "avalanche",
            "monthly_was": "2000.00",
            "months_was": "21",
        },
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert page.lstrip().startswith('<div id="plan-work"')
    assert "<html" not in page
    assert "每月还 ¥1,000.00" in page


def test_bad_plan_controls_show_errors_in_place(planned: Client) -> None:
    response = planned.post(
        "/plan/result/",
        {
            "monthly": "-1",
            "months": "",
            "strategy": "pro_rata",
            "monthly_was": "",
            "months_was": "",
        },
    )
    assert response.status_code == 200
    assert "金额不能是负数" in response.content.decode()


CHECKED = {
    "debts": [
        {
            "kind": "online_bank",
            "lender": "webank-weilidai",
            "lender_other": "",
            "amount": "8000.00",
            "days_overdue": 45,
            "contact": "not_answering",
            "signals": ["none"],
            "arrangement": "none",
            "region": "",
        }
    ]
}


def test_debts_from_the_guided_check_prefill_the_plan(client: Client, content: None) -> None:
    # The borrower opens the plan first, then does the check: the debts still come across.
    assert "还没有欠款" in client.get("/plan/debts/").content.decode()
    s = client.session
    root = s.get("bh") or {"v": 1}
    root["check"] = CHECKED
    s["bh"] = root
    s.save()
    page = client.get("/plan/debts/").content.decode()
    assert "已经从上门评估带入 1 笔欠款" in page
    assert "微众银行" in page
    assert "8,000.00" in page
    # Only once: removing it does not bring it back.
    client.post("/plan/debts/1/remove/")
    assert "微众银行" not in client.get("/plan/debts/").content.decode()


def test_removing_a_debt(planned: Client) -> None:
    response = planned.post("/plan/debts/2/remove/")
    assert response.status_code == 302
    assert "某某消费金融" not in planned.get("/plan/debts/").content.decode()


def test_the_calendar_parses_and_has_the_right_dates(planned: Client) -> None:
    response = planned.get("/plan/repayment-plan.ics")
    assert response["Content-Type"].startswith("text/calendar")
    cal = icalendar.Calendar.from_ical(response.content)
    events = list(cal.walk("VEVENT"))
    assert len(events) == 21  # ¥42,000 at ¥2,000 a month
    starts = [e.decoded("dtstart").date() for e in events]
    assert starts[:3] == [dt.date(2027, 1, 31), dt.date(2027, 2, 28), dt.date(2027, 3, 31)]
    assert dt.date(2028, 2, 29) in starts
    assert all(len(list(e.walk("VALARM"))) == 1 for e in events)
    assert "¥2,000.00" in str(events[0].get("summary"))


def pdf_text(response: object) -> str:
    assert response["Content-Type"] == "application/pdf"  # type: ignore[index]
    pages = PdfReader(io.BytesIO(response.content)).pages  # type: ignore[attr-defined]
    return "".join(page.extract_text() for page in pages)


def test_the_plan_pdf_leads_with_runs_of_equal_payments(planned: Client) -> None:
    text = pdf_text(planned.get("/plan/repayment-plan.pdf"))
    assert "还款计划" in text
    assert "招商银行信用卡" in text
    assert "2,000.00" in text
    # ¥32,000 and ¥10,000 share ¥2,000 a month: 20 equal months, then the last one.
    assert "第 1–20 期（2027-01-31 至 2028-08-31）" in text
    assert "第 21 期（2028-09-30）" in text
    assert "2027-02-28" not in text  # a month inside a run is not a line of its own
    assert "完整月表" in text


def test_the_full_month_by_month_table_is_its_own_pdf(planned: Client) -> None:
    page = planned.get("/plan/result/").content.decode()
    assert 'href="/plan/repayment-plan-months.pdf"' in page
    text = pdf_text(planned.get("/plan/repayment-plan-months.pdf"))
    assert "完整月表" in text and "某某消费金融" in text
    for day in ("2027-01-31", "2027-02-28", "2028-02-29", "2028-09-30"):
        assert day in text


def test_the_plan_page_shows_runs_and_folds_the_month_table(planned: Client) -> None:
    page = planned.get("/plan/result/").content.decode()
    assert "第 1–20 期（2027-01-31 至 2028-08-31）：每月" in page
    folded = page.split('<details class="schedule-details">')
    assert len(folded) == 3  # one per lender
    for part in folded[1:]:
        head, _, _ = part.partition("</details>")
        assert "<summary>逐月明细（21 期）</summary>" in head
        assert head.count("<tr>") == 1 + 21  # the header and every month


def test_the_budget_summary_for_lenders(planned: Client) -> None:
    page = planned.get("/plan/summary/").content.decode()
    assert "个人收支说明" in page
    assert "¥6,500.00" in page  # income total
    response = planned.get("/plan/budget-summary.pdf")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "收支说明" in text and "6,500.00" in text


def test_current_plan_gives_the_letters_what_they_need(planned: Client, rf: object) -> None:
    from advisor.plan_answers import current_plan

    request = planned.get("/plan/result/").wsgi_request
    plan = current_plan(request)
    assert plan is not None
    assert plan.monthly == Decimal("2000.00")
    assert [s.debt.lender_name for s in plan.schedules] == ["招商银行信用卡", "某某消费金融"]
    assert sum(s.total for s in plan.schedules) == Decimal("42000.00")


def test_assumptions_can_be_changed_and_stay_open(planned: Client) -> None:
    planned.post(
        "/plan/result/",
        {
            "monthly": "2000.00",
            "months": "21",
            "strategy": "pro_rata",
            "plan_rate": "６",
            "assumed_rate": "10",
            "settlement_percent": "40",
            "monthly_was": "2000.00",
            "months_was": "21",
        },
    )
    page = planned.get("/plan/result/").content.decode()
    assert 'id="plan-rates" open' in page
    assert "一次性结清（提议总欠款的 40%）" in page
    assert "年化 10% 单利估算" in page
    status = page.split('class="plan-status"')[1].split("</p>")[0]
    # ¥42,000 at ¥2,000 a month: 21 months interest-free, 23 with 6% a year on the balance.
    assert "每月还 ¥2,000.00，23 个月还清" in status


def test_a_save_code_keeps_the_plan_for_a_later_visit(planned: Client, content: None) -> None:
    from advisor import savecodes
    from advisor.session import SAVE_COOKIE

    code = savecodes.create({"check": {}})
    planned.cookies[SAVE_COOKIE] = code
    fill_budget(planned, salary="7000")  # saving now also updates the bundle
    assert savecodes.get(code)["plan"]["budget"]["salary"] == "7000.00"

    later = Client()
    later.cookies[SAVE_COOKIE] = code
    page = later.get("/plan/result/").content.decode()
    assert "招商银行信用卡" in page
    assert "¥7,000.00" in later.get("/plan/summary/").content.decode()


def test_the_plan_reads_in_english(planned: Client) -> None:
    from django.conf import settings

    planned.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = planned.get("/plan/result/").content.decode()
    assert "Your repayment plan" in page
    assert "Ways to repay, side by side" in page
    assert "One-off settlement (offer 50% of the total)" in page
    assert "It is not a legal rate" in page
    main = page.split("<main")[1].split("</main>")[0]
    assert "还款计划" not in main and "每月还" not in main


def test_the_rules_on_the_plan_page_are_folded_with_their_sources(planned: Client) -> None:
    from advisor import content

    facts = content.facts("plan")
    assert facts
    page = planned.get("/plan/result/").content.decode()
    folded = page[page.index('<details class="plan-facts">') :]
    folded = folded[: folded.index("</details>")]
    assert f"看这 {len(facts)} 条规定和来源" in folded
    for fact in facts:
        assert fact.title_zh_hans in folded and fact.source_title in folded
