"""One figure everywhere, for the borrower with ¥0–¥200 a month (issue 26).

The walk's borrower (tests/walk_case.py) is read back as a lender or a phone would read each
document: the plan page as text, the plan PDF and the 收支说明 PDF with pypdf, the hardship
letter's PDF with pypdf and its Word file with python-docx, and the calendar with icalendar.
"""

from __future__ import annotations

import io
import re
from decimal import Decimal

import docx
import icalendar
import pytest
import time_machine
from django.test import Client
from pypdf import PdfReader

from advisor import plan_answers
from advisor.rules.money import format_yuan
from advisor.rules.plan import Plan
from tests.helpers import NAME, initial_fields, write_url
from tests.walk_case import DEBTS, as_walk_borrower, plan_state

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _the_walks_day():
    with time_machine.travel("2026-12-08 10:00 +0800", tick=False):
        yield


YUAN = re.compile(r"¥[\d,]+\.\d\d")
AVAILABLE_200 = "0.00"  # no reserve: ¥4,000 − ¥3,800 leaves ¥200
AVAILABLE_0 = "200.00"  # a ¥200 reserve leaves nothing


def _flat(text: str) -> str:
    return re.sub(r"\s", "", text)


def _page_text(html: str) -> str:
    return _flat(re.sub(r"<[^>]+>", "", html))


def _pdf(data: bytes) -> str:
    return _flat("".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))


def _docx(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    return _flat("\n".join(p.text for p in document.paragraphs))


def _proposal(client: Client) -> Plan:
    request = client.get("/plan/result/").wsgi_request
    plan = plan_answers.proposal(request)
    assert plan is not None
    return plan


def _hardship_letter(client: Client, index: int) -> tuple[str, str, dict[str, str]]:
    """The hardship letter to the ``index``-th debt: (PDF text, DOCX text, pre-filled values)."""
    page = client.get(write_url("hardship") + f"?debt={index}")
    assert page.status_code == 200
    data = {**initial_fields(page), "name": NAME, "cause": "lost_job"}
    edit = client.post(write_url("hardship"), data)
    text = edit.context["form"].initial["text"]
    outputs = []
    for action in ("pdf", "docx"):
        posted = {**data, "step": "edit", "text": text, "action": action}
        response = client.post(write_url("hardship"), posted)
        assert response.status_code == 200, action
        outputs.append(response.content)
    return _pdf(outputs[0]), _docx(outputs[1]), page.context["form"].initial


def _calendar(client: Client) -> list[icalendar.Event]:
    response = client.get("/plan/repayment-plan.ics")
    return list(icalendar.Calendar.from_ical(response.content).walk("VEVENT"))


def test_at_200_a_month_every_document_carries_the_same_monthly_figures(
    client: Client, content: None
) -> None:
    as_walk_borrower(client, AVAILABLE_200)
    plan = _proposal(client)
    shares = [format_yuan(s.month_one) for s in plan.schedules]
    total = format_yuan(plan.month_one_total)
    assert total == "¥200.00" and plan.available == Decimal("200.00")
    assert all(s.month_one > 0 for s in plan.schedules), "nobody waits under pro rata"

    documents = {
        "page": _page_text(client.get("/plan/result/").content.decode()),
        "plan pdf": _pdf(client.get("/plan/repayment-plan.pdf").content),
        "statement pdf": _pdf(client.get("/plan/budget-summary.pdf").content),
    }
    for name, text in documents.items():
        for share in [*shares, total]:
            assert share in text, (name, share)
        assert "每月还¥1,166.67" not in text, name  # the old 60-month spread (walk bug 2)

    statement = documents["statement pdf"]
    rows = statement[statement.index("欠款和还款提议") :]
    proposed = [YUAN.findall(rows)[i * 2 + 1] for i in range(len(DEBTS) + 1)]
    assert proposed == [*shares, total]  # each row, then the total row: rows sum to ¥200

    events = _calendar(client)
    assert total in str(events[0].get("summary"))
    first_lines = str(events[0].get("description"))
    assert YUAN.findall(first_lines) == shares

    for index, share in enumerate(shares):
        pdf, word, initial = _hardship_letter(client, index)
        assert initial["available"] == total
        for name, text in (("letter pdf", pdf), ("letter docx", word)):
            assert share in text and total in text, (name, index, share)
            others = set(shares) - {share}
            assert not others & set(YUAN.findall(text)), (name, index)


def test_at_nothing_a_month_no_document_proposes_an_amount(client: Client, content: None) -> None:
    as_walk_borrower(client, AVAILABLE_0)
    plan = _proposal(client)
    assert plan.paused and plan.available == Decimal("0.00")
    owed = {format_yuan(Decimal(amount)) for _kind, _lender, _other, amount, _days in DEBTS}
    lines = plan_state(AVAILABLE_0)["budget"].values()
    budget = {format_yuan(Decimal(v)) for v in lines if isinstance(v, str)}
    budget |= {"¥4,000.00", "¥3,800.00", "¥0.00", "¥70,000.00"}  # totals and what is left

    page = _page_text(client.get("/plan/result/").content.decode())
    assert "不提议任何还款金额" in page
    statement = _pdf(client.get("/plan/budget-summary.pdf").content)
    assert "暂缓" in statement and "没有余钱" in statement
    assert set(YUAN.findall(statement)) <= owed | budget, "only the debts and the budget"
    plan_pdf = _pdf(client.get("/plan/repayment-plan.pdf").content)
    assert "不提议任何还款金额" in plan_pdf
    assert "每月还¥" not in plan_pdf
    # The 60-month figure is only a row of the comparison, marked as not in the budget.
    assert plan_pdf.count("¥1,166.67") == plan_pdf.count(
        "申请分期（60个月）¥1,166.6760¥70,000.00否"
    )
    assert _calendar(client) == []

    for index in range(len(DEBTS)):
        pdf, word, initial = _hardship_letter(client, index)
        assert initial["available"] == "¥0.00" and not initial.get("monthly")
        for text in (pdf, word):
            assert "目前我每月没有余钱" in text and "暂缓3个月" in text
            assert set(YUAN.findall(text)) <= owed | budget

    card = client.get(write_url("card-instalment")).context
    assert not card["form"].initial.get("monthly") and not card["form"].initial.get("months")
    assert card["figures"].hardship  # the page points to the hardship letter instead


def test_an_amount_over_the_budget_stays_on_the_page_but_never_reaches_a_lender(
    client: Client, content: None
) -> None:
    as_walk_borrower(client, AVAILABLE_200, basis="monthly", monthly="1500.00")
    page = _page_text(client.get("/plan/result/").content.decode())
    assert "每月还¥1,500.00" in page and "超出了你的预算" in page
    assert "用你预算内的每月¥200.00" in page
    for url in ("/plan/budget-summary.pdf", "/plan/repayment-plan.pdf"):
        text = _pdf(client.get(url).content)
        assert "¥1,500.00" not in text and "¥200.00" in text, url
    assert "¥200.00" in str(_calendar(client)[0].get("summary"))
    letter = client.get(write_url("loan-negotiation") + "?debt=1").context["form"].initial
    assert Decimal(letter["monthly"].strip("¥").replace(",", "")) < Decimal("200")


def test_the_guidance_page_says_what_the_budget_says(client: Client, content: None) -> None:
    as_walk_borrower(client, AVAILABLE_200)
    page = _page_text(client.get("/plan/budget/guidance/").content.decode())
    assert "留出应急的钱以后" not in page and "你没有留应急的钱" in page
    assert "每月能还¥200.00" in page and "0元" not in page
    assert "/letters/hardship/" in client.get("/plan/budget/guidance/").content.decode()
    as_walk_borrower(client, AVAILABLE_0)
    page = _page_text(client.get("/plan/budget/guidance/").content.decode())
    assert "留出应急的钱以后，暂时没有余钱还债" in page
    assert "不会提议还款金额" in page


def test_the_options_never_offer_instalments_longer_than_sixty_months(
    client: Client, content: None
) -> None:
    as_walk_borrower(client, AVAILABLE_200)
    page = _page_text(client.get("/plan/result/").content.decode())
    months = [int(n) for n in re.findall(r"申请分期（(\d+)个月）", page)]
    assert months and all(n <= 60 for n in months)
    assert "最长353" not in page
    assert (
        "不太现实" in page and "/letters/hardship/" in client.get("/plan/result/").content.decode()
    )
    assert "招商银行信用卡：这个计划每月给它" in page  # the card that runs past 60 months, named
