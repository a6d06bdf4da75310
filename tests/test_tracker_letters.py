"""A complaint letter cites the follow-through tracker: dates, channel, answer-by, answer, terms."""

from __future__ import annotations

import base64
import datetime as dt
import io
from decimal import Decimal

import pytest
import time_machine
from django.test import Client
from docx import Document
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from advisor import png
from advisor.models import ComplaintClock
from advisor.rules import letter
from advisor.rules.money import format_yuan
from advisor.rules.tracker import Clock, Counting, Kind, Step, deadline
from tests.helpers import (
    CHECK,
    details_then_edit,
    edit_post,
    start_tracker,
    track_lender,
    track_step,
    write_url,
)
from tests.helpers import TRACKER_HOSTILE as HOSTILE
from tests.helpers import TRACKER_TODAY as NOW

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 11, 23)  # the tracker tests' day (time_machine: ``now``)
LENDER_CLOCK = Clock("lender-complaint", "lender", 15, Counting.CALENDAR, longest_days=60)


def _letter_sent(client: Client, reference: str = "EA123456789CN") -> str:
    """A card lender in the tracker: an EMS letter on 2 November, a complaint on 5 November."""
    start_tracker(client)
    lender_id = track_lender(client, lender="cmb-credit-card", name="")
    track_step(client, lender_id, "letter", day="2026-11-02", how="ems", reference=reference)
    track_step(client, lender_id, "complaint", day="2026-11-05", to="lender", reference="TS-9")
    return lender_id


@pytest.fixture
def borrower(content, client: Client):
    """A borrower whose check has a card debt (cmb-credit-card) and a Huabei debt, today."""
    with time_machine.travel(NOW, tick=False):
        session = client.session
        session["bh"] = {"v": 1, "check": CHECK}
        session.save()
        yield client


@pytest.fixture
def tracked(borrower: Client) -> Client:
    _letter_sent(borrower)
    return borrower


def test_the_12378_sheet_is_prefilled_with_the_complaint_its_deadline_and_no_answer(
    tracked: Client,
) -> None:
    page = tracked.get(write_url("complaint-12378"))
    initial = page.context["form"].initial
    clock = ComplaintClock.objects.get(starts="lender")
    due = deadline(dt.date(2026, 11, 5), clock.days, clock.counting)
    assert initial["complained_on"] == "2026年11月5日"
    assert initial["complaint_ref"] == "TS-9"
    assert initial["answer_by"] == letter.format_date(due)
    assert initial["answer"] == f"到2026年11月23日没有答复，已过了{letter.format_date(due)}"
    _page, _data, edit = details_then_edit(tracked, "complaint-12378")
    text = edit.context["form"].initial["text"]
    assert "我已于2026年11月5日向该机构投诉，投诉编号：TS-9。" in text
    assert "用EMS挂号信提出协商还款（邮件单号：EA123456789CN）" in text
    assert letter.BLANK not in text.split("已向机构投诉的情况")[1].split("我的诉求")[0]


def test_the_lender_complaint_cites_the_letter_the_answer_and_the_agreement(
    borrower: Client,
) -> None:
    lender_id = _letter_sent(borrower)
    track_step(borrower, lender_id, "reply", day="2026-11-12", said="refused")
    agreed = {"months": "24", "monthly": "500", "interest_stopped": "yes"}
    track_step(borrower, lender_id, "agreement", day="2026-11-20", **agreed)
    track_step(borrower, lender_id, "payment", day="2026-11-21", amount="500")
    _page, _data, edit = details_then_edit(borrower, "complaint-lender")
    text = edit.context["form"].initial["text"]
    assert "2026年11月2日，我用EMS挂号信提出协商还款（邮件单号：EA123456789CN）" in text
    assert "2026年11月12日，机构答复：拒绝了我的请求" in text
    assert "2026年11月20日，双方约定了还款安排：分24期，每月¥500.00，停止计息" in text
    assert "到2026年11月21日，我已还款1次，共¥500.00" in text
    assert "还没有收到答复" not in text  # an answer came


def test_the_letter_in_english_cites_the_tracker_in_english(tracked: Client) -> None:
    page = tracked.get(write_url("complaint-12378") + "?lang=en")
    initial = page.context["form"].initial
    assert initial["complained_on"] == "5 November 2026"
    assert "by EMS registered mail (tracking number EA123456789CN)" in initial["follow_up"]
    assert initial["answer"].startswith("none as of 23 November 2026, which is past ")


def test_every_prefilled_value_can_still_be_changed(tracked: Client) -> None:
    page = tracked.get(write_url("complaint-12378"))
    data = {
        k: ("" if v is None else str(v))
        for k, v in {**page.context["form"].initial, "step": "details"}.items()
    }
    data.update(name="测试", answer="我自己写的答复情况", complaint_ref="")
    edit = tracked.post(write_url("complaint-12378"), data)
    text = edit.context["form"].initial["text"]
    assert "机构答复：我自己写的答复情况。" in text
    assert f"投诉编号：{letter.BLANK}。" in text


def test_another_lenders_steps_are_not_cited(borrower: Client) -> None:
    start_tracker(borrower)
    other = track_lender(borrower, name="某某小额贷款公司")
    track_step(borrower, other, "complaint", day="2026-11-05", to="lender", reference="X-1")
    page = borrower.get(write_url("complaint-12378"))  # for the card debt
    initial = page.context["form"].initial
    assert "complained_on" not in initial and "follow_up" not in initial


def test_hostile_tracker_text_stays_text_in_page_pdf_docx_and_png(borrower: Client) -> None:
    hostile = HOSTILE[:60]
    _letter_sent(borrower, reference=hostile)
    _page, data, edit = details_then_edit(borrower, "complaint-lender")
    html = edit.content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert" in html
    text = edit.context["form"].initial["text"]
    visible = '<script>alert("x")</script>'
    assert visible in text
    pdf = borrower.post(write_url("complaint-lender"), edit_post(data, text, "pdf"))
    pdf_text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert visible in pdf_text
    docx = borrower.post(write_url("complaint-lender"), edit_post(data, text, "docx"))
    paragraphs = "\n".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    assert visible in paragraphs
    page = borrower.post(write_url("complaint-lender"), edit_post(data, text, "png"))
    image = page.context["image"]
    assert image.startswith("data:image/png;base64,")
    drawn = png.text_of(base64.b64decode(image.split(",", 1)[1]))
    assert visible in drawn
    assert "<script>alert" not in page.content.decode().split("<img", 1)[0]


# --- the pure rule ------------------------------------------------------------------------


def _payment(number: int, amount: Decimal) -> Step:
    return Step(f"p{number}", Kind.PAYMENT, TODAY - dt.timedelta(days=number), amount=amount)


@given(st.lists(st.decimals(min_value=1, max_value=99999, places=2), min_size=1, max_size=12))
def test_the_payments_line_counts_every_payment_and_sums_them_exactly(amounts) -> None:
    steps = [_payment(n, amount) for n, amount in enumerate(amounts)]
    lines = letter.follow_up_values(steps, [LENDER_CLOCK], today=TODAY)["follow_up"]
    total = sum(amounts, Decimal(0))
    assert lines == f"1. 到2026年11月23日，我已还款{len(amounts)}次，共{format_yuan(total)}"


@given(st.integers(min_value=0, max_value=40))
def test_the_answer_says_past_the_deadline_only_after_it(days_later: int) -> None:
    complained = dt.date(2026, 10, 1)
    today = complained + dt.timedelta(days=days_later)
    steps = [Step("c", Kind.COMPLAINT, complained, to="lender")]
    values = letter.follow_up_values(steps, [LENDER_CLOCK], today=today)
    due = deadline(complained, LENDER_CLOCK.days, LENDER_CLOCK.counting)
    assert ("已过了" in values["answer"]) == (today > due)
    assert values["answer_by"] == letter.format_date(due)


def test_without_a_clock_no_deadline_is_claimed() -> None:
    steps = [Step("c", Kind.COMPLAINT, dt.date(2026, 11, 1), to="lender")]
    values = letter.follow_up_values(steps, [], today=TODAY)
    assert "answer_by" not in values and "已过了" not in values["answer"]


def test_a_long_history_keeps_its_latest_steps_within_the_box() -> None:
    steps = [
        Step(str(n), Kind.LETTER, TODAY - dt.timedelta(days=n), how="ems", reference="E" * 60)
        for n in range(200)
    ]
    text = letter.follow_up_values(steps, [], today=TODAY)["follow_up"]
    assert len(text) <= letter.MAX_FIELD_CHARS
    assert letter.format_date(TODAY) in text  # the latest letter is kept


def test_a_small_loan_company_is_never_put_on_the_12378_sheet(content, client: Client) -> None:
    with time_machine.travel(NOW, tick=False):
        start_tracker(client)
        small = track_lender(client, name="某某小额贷款公司", small_loan="on")
        track_step(client, small, "complaint", day="2026-11-05", to="lender", reference="X-1")
        sheet = client.get(write_url("complaint-12378")).context["form"].initial
        complaint = client.get(write_url("complaint-lender")).context["form"].initial
    assert "lender" not in sheet and "complained_on" not in sheet
    assert complaint["lender"] == "某某小额贷款公司" and "受理编号：X-1" in complaint["follow_up"]
