"""One agreed arrangement, the same figures in every output (issue 28, item 3).

The walk's borrower (¥200 a month for debts) records in the tracker that 花呗/借呗 agreed
¥150 a month for 12 months. The plan page, the plan PDF and its image, the 收支说明 page, PDF
and image, the calendar and the loan-negotiation letter's pre-fill then carry that agreement,
marked 已约定, and the two other lenders share the ¥50 that is left.
"""

from __future__ import annotations

import io
import re
from decimal import Decimal

import icalendar
import pytest
import time_machine
from django.conf import settings
from django.test import Client
from pypdf import PdfReader

from advisor import plan_answers, png
from advisor.rules.money import format_yuan
from tests.helpers import start_tracker, track_lender, track_step, write_url
from tests.walk_case import as_walk_borrower

pytestmark = pytest.mark.django_db

AGREED = {
    "day": "2026-12-01",
    "months": "12",
    "monthly": "150",
    "interest_stopped": "yes",
    "first_due": "2027-01-10",
}
MARK = "已约定（2026-12-01）"
TERMS = "每月¥150.00，共12期，合计¥1,800.00，第一期2027-01-10，停止计息"


@pytest.fixture(autouse=True)
def _the_walks_day():
    with time_machine.travel("2026-12-08 10:00 +0800", tick=False):
        yield


def _flat(text: str) -> str:
    return re.sub(r"\s", "", text)


def _page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return _flat(re.sub(r"<[^>]+>", "", response.content.decode()))


def _pdf(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200 and response.content.startswith(b"%PDF"), url
    pages = PdfReader(io.BytesIO(response.content)).pages
    return _flat("".join(page.extract_text() for page in pages))


def _image(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png", url
    return _flat(png.text_of(response.content))


def _agree(client: Client) -> None:
    lender_id = track_lender(client, lender="ant-huabei-jiebei", name="")
    track_step(client, lender_id, "agreement", **AGREED)


@pytest.fixture
def borrower(client: Client, content) -> Client:
    start_tracker(client)
    return as_walk_borrower(client, "0.00")


def test_recording_an_agreement_changes_the_plan_and_the_statement(borrower: Client) -> None:
    before = _page(borrower, "/plan/summary/")
    assert MARK not in before and "¥150.00" not in before
    _agree(borrower)
    for url in ("/plan/result/", "/plan/summary/"):
        page = _page(borrower, url)
        assert MARK in page and TERMS in page, url
    plan = plan_answers.proposal(borrower.get("/plan/result/").wsgi_request)
    assert plan is not None and plan.agreed_monthly == 150
    agreed, others = plan.agreed, [s for s in plan.schedules if s.agreed is None]
    assert [s.debt.lender_slug for s in agreed] == ["ant-huabei-jiebei"]
    assert sum(s.month_one for s in others) == plan.available - 150 == 50
    assert plan.month_one_total == plan.available


def test_the_agreed_figures_are_the_same_in_page_pdf_image_calendar_and_letter(
    borrower: Client,
) -> None:
    _agree(borrower)
    for text in (
        _page(borrower, "/plan/summary/"),
        _pdf(borrower, "/plan/budget-summary.pdf"),
        _image(borrower, "/plan/budget-summary.png"),
        _pdf(borrower, "/plan/repayment-plan.pdf"),
        _image(borrower, "/plan/repayment-plan.png"),
    ):
        assert MARK in text and TERMS in text
        assert (
            "第1–12期（2027-01-10至2027-12-10）：每月¥150.00" in text or "¥150.00（已约定）" in text
        )

    months = _pdf(borrower, "/plan/repayment-plan-months.pdf")
    assert MARK in months and TERMS in months and months.count("¥150.00") >= 12

    events = icalendar.Calendar.from_ical(borrower.get("/plan/repayment-plan.ics").content)
    agreed = [
        (event.decoded("dtstart").date().isoformat(), line)
        for event in events.walk("VEVENT")
        for line in str(event.get("description")).splitlines()
        if "已约定" in line
    ]
    assert len(agreed) == 12
    assert agreed[0][0] == "2027-01-10" and agreed[-1][0] == "2027-12-10"
    assert all(line.endswith(format_yuan(Decimal("150.00"))) for _day, line in agreed)

    page = borrower.get(write_url("loan-negotiation") + "?debt=1")
    initial = page.context["form"].initial
    assert (initial["monthly"], initial["months"]) == (format_yuan(Decimal("150.00")), "12")
    assert "2027" in initial["first_date"]
    assert "不再提新的还款方案" in page.content.decode()
    confirmation = borrower.get(write_url("phone-confirmation") + "?debt=1")
    terms = confirmation.context["form"].initial["terms"]
    assert terms == "每月还¥150.00，共12期，第一期2027年1月10日；停止计息。"


def test_an_agreement_above_the_budget_is_said_first_and_the_others_are_asked_for_a_pause(
    client: Client, content
) -> None:
    start_tracker(client)
    as_walk_borrower(client, "200.00")  # a ¥200 reserve leaves nothing for debts
    _agree(client)
    page = _page(client, "/plan/result/")
    assert "约定的还款超过了你能拿出的钱" in page and "差¥150.00" in page
    statement = _pdf(client, "/plan/budget-summary.pdf")
    assert "超过了本人每月能用于还款的¥0.00" in statement and statement.count("暂缓") >= 2
    plan = plan_answers.proposal(client.get("/plan/result/").wsgi_request)
    assert plan is not None and plan.over_promised
    assert all(not s.payments for s in plan.schedules if s.agreed is None)


@pytest.mark.parametrize(
    ("language", "mark", "terms"),
    [
        ("en", "Agreed(2026-12-01)", "¥150.00amonthfor12months,¥1,800.00intotal"),
        ("zh-hant", "已約定（2026-12-01）", "每月¥150.00，共12期，合計¥1,800.00"),
    ],
)
def test_the_agreement_reads_right_in_english_and_traditional_chinese(
    borrower: Client, language: str, mark: str, terms: str
) -> None:
    _agree(borrower)
    borrower.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    for url in ("/plan/result/", "/plan/summary/"):
        page = _page(borrower, url)
        assert mark in page and terms in page, url
