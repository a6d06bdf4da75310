"""The follow-through tracker: kept under the save code, its clock, next step and outputs."""

from __future__ import annotations

import datetime as dt
import io
import re

import icalendar
import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from pypdf import PdfReader

from advisor import png, savecodes, session
from advisor.models import ComplaintClock, ComplaintRung, SavedBundle
from tests.helpers import TRACKER_HOSTILE as HOSTILE
from tests.helpers import TRACKER_TODAY as TODAY
from tests.helpers import database_dump, details_then_edit, start_tracker, track_lender, track_step

pytestmark = pytest.mark.django_db

SECRET = "客服小刘说可以停息分36期"


@pytest.fixture
def now():
    with time_machine.travel(TODAY, tick=False) as traveller:
        yield traveller


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


# --- kept under the save code ------------------------------------------------------------------


def test_steps_round_trip_under_the_save_code_and_open_on_another_device(
    client: Client, now, content
) -> None:
    code = start_tracker(client)
    lender_id = track_lender(client)
    track_step(client, lender_id, "letter", day="2026-11-20", how="ems", reference="EA123456789CN")
    track_step(
        client,
        lender_id,
        "agreement",
        day="2026-11-22",
        months="36",
        monthly="1,250.50",
        interest_stopped="yes",
        first_due="2026-12-31",
        note=SECRET,
    )
    stored = savecodes.get(code)["tracker"]["lenders"][0]
    assert stored["name"] == "某某小额贷款公司"
    agreement = stored["steps"][1]
    assert agreement["monthly"] == "1250.50" and agreement["months"] == 36
    assert agreement["interest_stopped"] is True and agreement["first_due"] == "2026-12-31"

    other = Client()
    response = other.post("/follow-up/open/", {"code": code})
    assert response.status_code == 302 and response["Location"] == "/follow-up/"
    html = other.get(f"/follow-up/{lender_id}/").content.decode()
    assert SECRET in html and "EA123456789CN" in html and "¥1,250.50" in html
    assert "2026-12-31" in html


def test_nothing_in_the_tracker_is_readable_in_the_database_without_the_code(
    client: Client, now, content
) -> None:
    code = start_tracker(client)
    lender_id = track_lender(client, name="王五小贷")
    track_step(client, lender_id, "complaint", day="2026-11-21", to="lender", reference="TS-98765")
    track_step(client, lender_id, "reply", day="2026-11-22", said="documents", note=SECRET)
    dump = database_dump()
    for needle in ["王五小贷", "TS-98765", SECRET, code, code.replace("-", "")]:
        assert needle not in dump
    assert savecodes.get(code)["tracker"]["lenders"][0]["steps"][1]["note"] == SECRET


def test_erase_my_data_removes_the_tracker_at_once(client: Client, now, content) -> None:
    code = start_tracker(client)
    track_step(client, track_lender(client), "letter", day="2026-11-20", how="app")
    assert client.post("/erase/").status_code == 302
    assert SavedBundle.objects.count() == 0
    with pytest.raises(savecodes.BadCode):
        savecodes.get(code)
    assert "开始记录" in client.get("/follow-up/").content.decode()


def test_an_unused_tracker_is_deleted_after_90_days(client: Client, content) -> None:
    with time_machine.travel(dt.datetime(2026, 1, 1, 4, tzinfo=dt.UTC), tick=False):
        code = start_tracker(client)
        track_step(client, track_lender(client), "letter", day="2025-12-30", how="email")
    with time_machine.travel(dt.datetime(2026, 3, 30, 4, tzinfo=dt.UTC), tick=False):
        call_command("purge_saved", verbosity=0)
        assert SavedBundle.objects.count() == 1
    with time_machine.travel(dt.datetime(2026, 4, 2, 4, tzinfo=dt.UTC), tick=False):
        call_command("purge_saved", verbosity=0)
        assert SavedBundle.objects.count() == 0
        assert "已经打不开记录" in client.get("/follow-up/").content.decode()
        with pytest.raises(savecodes.BadCode):
            savecodes.get(code)


def test_the_tracker_shares_the_evidence_logs_code(client: Client, now, content) -> None:
    client.post("/evidence/start/")
    code = client.cookies[session.SAVE_COOKIE].value
    response = client.post("/follow-up/start/")
    assert response["Location"] == "/follow-up/"  # no second code
    track_lender(client)
    bundle = savecodes.get(code)
    assert bundle["evidence"]["entries"] == [] and len(bundle["tracker"]["lenders"]) == 1


# --- forms -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "message"),
    [
        ("2026-11-24", "日期不能晚于今天"),
        ("2031-01-01", "日期不能晚于今天"),
        ("2019-05-01", "三年多以前"),
        ("1900-01-01", "三年多以前"),
        ("2026-13-45", "请按“年-月-日”填写日期"),
    ],
)
def test_dates_far_in_the_past_or_future_are_refused_with_a_clear_message(
    client: Client, now, content, day: str, message: str
) -> None:
    start_tracker(client)
    lender_id = track_lender(client)
    response = client.post(f"/follow-up/{lender_id}/add/letter/", {"day": day, "how": "ems"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="error-summary"' in html and message in html
    assert 'href="#id_day"' in html
    assert (
        savecodes.get(client.cookies[session.SAVE_COOKIE].value)["tracker"]["lenders"][0]["steps"]
        == []
    )


def test_an_agreed_first_payment_far_from_the_agreement_is_refused(
    client: Client, now, content
) -> None:
    start_tracker(client)
    lender_id = track_lender(client)
    data = {"day": "2026-11-20", "months": "12", "monthly": "300", "interest_stopped": "no"}
    far = client.post(f"/follow-up/{lender_id}/add/agreement/", {**data, "first_due": "2028-01-01"})
    assert "超过一年" in far.content.decode()
    early = client.post(
        f"/follow-up/{lender_id}/add/agreement/", {**data, "first_due": "2026-11-01"}
    )
    assert "不能早于达成协议的日期" in early.content.decode()


def test_a_lender_not_in_the_list_needs_a_name(client: Client, now, content) -> None:
    start_tracker(client)
    html = client.post("/follow-up/", {"lender": "other", "name": " "}).content.decode()
    assert "请写下机构名称" in html and 'class="error-summary"' in html


# --- the clock and the next step ---------------------------------------------------------------


def test_a_three_lender_story_shows_the_right_next_step_at_each_stage(
    client: Client, content
) -> None:
    day = dt.datetime(2026, 10, 1, 4, tzinfo=dt.UTC)
    with time_machine.travel(day, tick=False) as clock:
        start_tracker(client)
        bank = track_lender(client, lender="webank-weilidai", name="")
        small = track_lender(client, name="某某网络小额贷款公司", small_loan="on")
        card = track_lender(client, lender="cmb-credit-card", name="")

        def stands(lender_id: str) -> str:
            return _text(client.get(f"/follow-up/{lender_id}/").content.decode())

        # Nothing yet: write first.
        assert "下一步：给机构写协商信" in stands(bank)

        # Letters go out on 1 October; the suggested wait runs to 16 October.
        for lender_id in (bank, small, card):
            track_step(client, lender_id, "letter", day="2026-10-01", how="ems")
        assert "没有规定要求机构在多少天内答复协商信；我们建议等到 2026-10-16" in stands(bank)
        assert "从 2026-10-17 起，没有答复可以升级到：向贷款机构本身投诉" in stands(bank)

        # No answer past the limit: complain to the lender.
        clock.move_to(dt.datetime(2026, 10, 20, 4, tzinfo=dt.UTC))
        page = stands(bank)
        assert "答复期限 2026-10-16 已经过了" in page and "下一步：向贷款机构本身投诉" in page

        # The lender's own complaint clock: 15 days, then 12378 (the small lender: its regulator).
        track_step(client, bank, "complaint", day="2026-10-20", to="lender")
        track_step(client, small, "complaint", day="2026-10-20", to="lender")
        assert "机构应当在 2026-11-04 之前答复" in stands(bank)
        assert "最晚 2026-12-19" in stands(bank)
        clock.move_to(dt.datetime(2026, 11, 6, 4, tzinfo=dt.UTC))
        assert "下一步：打12378投诉" in stands(bank)
        assert "下一步：向省里的地方金融管理部门投诉" in stands(small)
        assert "12378" not in stands(small).split("升级投诉的顺序")[1]

        # A 12378 complaint: no sourced clock, so no invented date; mediation is next.
        track_step(client, bank, "complaint", day="2026-11-06", to="12378")
        page = stands(bank)
        assert "没有找到这一级答复期限的可靠规定" in page and "调解" in page

        # The card lender agreed: 24 months from 31 December, paid once.
        track_step(client, card, "reply", day="2026-11-06", said="agreed")
        assert "写成书面协议" in stands(card)
        track_step(
            client,
            card,
            "agreement",
            day="2026-11-06",
            months="24",
            monthly="500",
            interest_stopped="yes",
            first_due="2026-12-31",
        )
        assert "下一期按协议在 2026-12-31 还款（已记下 0 / 24 期）" in stands(card)
        clock.move_to(dt.datetime(2027, 1, 2, 4, tzinfo=dt.UTC))
        track_step(client, card, "payment", day="2026-12-31", amount="500")
        assert "下一期按协议在 2027-01-31 还款（已记下 1 / 24 期）" in stands(card)
        track_step(client, card, "payment", day="2027-01-01", amount="500")
        assert "在 2027-02-28 还款（已记下 2 / 24 期）" in stands(card)

        overview = _text(client.get("/follow-up/").content.decode())
        assert overview.count("下一步") >= 1 and "2027-02-28" in overview
        assert "微众银行" in overview and "某某网络小额贷款公司" in overview


def test_the_rules_come_from_editor_content(client: Client, now, content) -> None:
    ComplaintClock.objects.filter(starts="lender").update(days=30, counting="working")
    call_command("load_content", verbosity=0)  # leaves the edited row alone
    ComplaintClock.objects.get(starts="lender").save()  # a save moves the content version
    start_tracker(client)
    lender_id = track_lender(client)
    track_step(client, lender_id, "complaint", day="2026-11-20", to="lender")
    # 30 working days from Friday 20 November, weekends skipped: Friday 1 January 2027.
    assert "机构应当在 2027-01-01 之前答复" in _text(
        client.get(f"/follow-up/{lender_id}/").content.decode()
    )
    ComplaintRung.objects.filter(slug="mediation").update(status="draft")
    ComplaintRung.objects.get(slug="court").save()
    html = _text(client.get(f"/follow-up/{lender_id}/").content.decode())
    assert "调解" not in html.split("升级投诉的顺序")[1]


def test_reminders_parse_with_the_right_dates(client: Client, now, content) -> None:
    start_tracker(client)
    waiting = track_lender(client, name="等答复的机构")
    paying = track_lender(client, name="在还款的机构")
    track_step(client, waiting, "complaint", day="2026-11-20", to="lender")
    track_step(
        client,
        paying,
        "agreement",
        day="2026-10-31",
        months="12",
        monthly="200",
        interest_stopped="unknown",
    )
    response = client.get("/follow-up/reminders.ics")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = {
        str(event["summary"]): event["dtstart"].dt.date() for event in calendar.walk("VEVENT")
    }
    assert events == {
        "等答复的机构 应在今天之前答复": dt.date(2026, 12, 5),
        "等答复的机构：从今天起可以升级投诉（打12378投诉（银行、信用卡、消费金融公司））": dt.date(
            2026, 12, 6
        ),
        "在还款的机构：按协议还款": dt.date(2026, 11, 30),  # a month after 31 October
    }


# --- hostile text --------------------------------------------------------------------------------


def test_hostile_text_in_every_tracker_field_is_escaped_in_page_pdf_png_and_ics(
    client: Client, now, content, monkeypatch
) -> None:
    start_tracker(client)
    lender_id = track_lender(client, name=HOSTILE)
    track_step(client, lender_id, "reply", day="2026-11-19", said="refused", note=HOSTILE)
    track_step(
        client,
        lender_id,
        "letter",
        day="2026-11-20",
        how="ems",
        reference=HOSTILE[:60],
        note=HOSTILE,
    )
    for url in ("/follow-up/", f"/follow-up/{lender_id}/"):
        html = client.get(url).content.decode()
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "&lt;script&gt;alert" in html

    from django.template.loader import render_to_string

    from advisor.views import tracker as views

    rendered: list[str] = []
    real_pdf, real_png = views.render_pdf, views.render_png

    def spy(real):
        def render(template, context, request=None):
            rendered.append(render_to_string(template, context, request=request))
            return real(template, context, request)

        return render

    monkeypatch.setattr(views, "render_pdf", spy(real_pdf))
    monkeypatch.setattr(views, "render_png", spy(real_png))
    pdf = client.get("/follow-up/record.pdf")
    image = client.get("/follow-up/record.png")
    assert pdf.content.startswith(b"%PDF") and image.content.startswith(b"\x89PNG")
    for html in rendered:
        assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    pdf_text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert '<script>alert("x")</script>' in pdf_text  # drawn as text, never run
    assert '<script>alert("x")</script>' in png.text_of(image.content)

    calendar = icalendar.Calendar.from_ical(client.get("/follow-up/reminders.ics").content)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 2  # answer-by and escalate-from; the typed BEGIN:VEVENT made none
    assert all("BEGIN:VEVENT" in str(event["summary"]) for event in events)  # kept as text


def test_the_evidence_summary_includes_the_steps(client: Client, now, content) -> None:
    start_tracker(client)
    lender_id = track_lender(client, name="某某消费金融公司")
    track_step(client, lender_id, "complaint", day="2026-11-20", to="lender", reference="TS-1")
    html = _text(client.get("/evidence/summary/?to=12378").content.decode())
    assert "某某消费金融公司" in html and "2026-11-20" in html and "TS-1" in html


def test_a_letter_can_cite_the_dates_and_what_was_agreed(client: Client, now, content) -> None:

    start_tracker(client)
    lender_id = track_lender(client, lender="cmb-credit-card", name="")
    track_step(client, lender_id, "letter", day="2026-11-02", how="ems", reference="EA55<b>")
    agreed = {"months": "24", "monthly": "500", "interest_stopped": "yes"}
    track_step(client, lender_id, "agreement", day="2026-11-20", **agreed)
    _page, _data, edit = details_then_edit(client, "loan-negotiation")
    html = edit.content.decode()
    assert "从跟进记录里引用日期和协议" in html
    page = _text(html)
    assert "2026-11-02" in page and "EA55&lt;b&gt;" in page
    assert "24 个月，每月 ¥500.00" in page and "停止计息" in page


def test_agreed_terms_are_offered_per_lender_for_the_plan(client: Client, now, content) -> None:
    from django.test import RequestFactory

    from advisor import tracker

    start_tracker(client)
    card = track_lender(client, lender="cmb-credit-card", name="")
    typed = track_lender(client, name="某某小贷")
    for lender_id, months, day in ((card, "12", 10), (card, "24", 12), (typed, "6", 6)):
        track_step(
            client,
            lender_id,
            "agreement",
            day=f"2026-11-{day:02d}",
            months=months,
            monthly="300",
            interest_stopped="no",
        )
    request = RequestFactory().get("/")
    request.COOKIES[session.SAVE_COOKIE] = client.cookies[session.SAVE_COOKIE].value
    terms = tracker.agreed_terms(request)
    assert list(terms) == ["cmb-credit-card"]
    assert (
        terms["cmb-credit-card"].months == 24 and terms["cmb-credit-card"].interest_stopped is False
    )
