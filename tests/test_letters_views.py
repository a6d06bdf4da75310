"""Letters: pre-filled from the journey, editable, printable, and never stored."""

from __future__ import annotations

import io
import logging
import re

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from advisor import content
from advisor.rules import letter
from advisor.seed.letters import SEEDS
from tests.helpers import (
    ADDRESS,
    CHECK,
    CONTRACT,
    ID_NUMBER,
    NAME,
    PHONE,
    PLAN,
    database_dump,
    details_then_edit,
    edit_post,
    initial_fields,
    keep_one_night_call,
    personal,
    write_url,
)

SLUGS = [seed.key["slug"] for seed in SEEDS]
HOSTILE = "{{ request }}{% csrf_token %}<script>alert('x')</script>"


def test_the_library_lists_every_letter_by_situation(content, client: Client) -> None:
    response = client.get(reverse("advisor-letters"))
    assert response.status_code == 200
    for template in content_templates():
        assert template.title_zh_hans in response.content.decode()


def content_templates() -> list:
    return content.letter_templates()


@pytest.mark.parametrize("slug", SLUGS)
def test_each_gate_page_explains_and_offers_two_copies(content, client: Client, slug: str) -> None:
    response = client.get(reverse("advisor-letter-gate", args=[slug]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "这封信适合你吗？" in page
    assert "一份寄出，一份自己留着" in page
    assert write_url(slug) in page
    assert "form" not in response.context or not response.context.get("form")


def test_the_card_gate_points_elsewhere_when_the_check_has_no_card(content, client: Client) -> None:
    session = client.session
    session["bh"] = {"v": 1, "check": {"debts": [CHECK["debts"][1]]}}
    session.save()
    response = client.get(reverse("advisor-letter-gate", args=["card-instalment"]))
    assert "没有信用卡" in response.content.decode()
    assert reverse("advisor-letter-gate", args=["loan-negotiation"]) in response.content.decode()


@pytest.mark.parametrize("slug", SLUGS)
def test_each_letter_renders_with_the_journeys_figures(
    client_with_check: Client, slug: str
) -> None:
    _page, _data, edit = details_then_edit(client_with_check, slug)
    text = edit.context["form"].initial["text"]
    assert NAME in text
    assert "[姓名]" not in text and "[贷款机构]" not in text
    body = content.letter_templates()
    template = next(t for t in body if t.slug == slug)
    keys = letter.placeholders_in(template.body_zh_hans)
    if "amount" in keys:
        assert ("¥23,456.78" in text) or ("¥8,800.00" in text)
    if "lender" in keys:
        assert "招商银行" in text or "支付宝" in text
    if "days_overdue" in keys:
        assert "75" in text or "40" in text


def test_the_card_letter_uses_the_card_debt_and_the_loan_letter_the_other(
    client_with_check: Client,
) -> None:
    card = client_with_check.get(write_url("card-instalment")).context["form"].initial
    loan = client_with_check.get(write_url("loan-negotiation")).context["form"].initial
    assert card["amount"] == "¥23,456.78" and card["days_overdue"] == "75"
    assert loan["amount"] == "¥8,800.00" and loan["days_overdue"] == "40"


def test_the_borrower_can_pick_another_debt(client_with_check: Client) -> None:
    response = client_with_check.get(write_url("fee-waiver") + "?debt=1")
    assert response.context["form"].initial["amount"] == "¥8,800.00"


def test_the_id_number_is_masked_in_the_letter(client_with_check: Client) -> None:
    _page, _data, edit = details_then_edit(client_with_check, "card-instalment")
    text = edit.context["form"].initial["text"]
    assert ID_NUMBER not in text
    assert "4401**********7788" in text


def test_an_english_letter_can_be_written(client_with_check: Client) -> None:
    page = client_with_check.get(write_url("loan-negotiation") + "?lang=en")
    data = {**initial_fields(page), **personal()}
    edit = client_with_check.post(write_url("loan-negotiation"), data)
    text = edit.context["form"].initial["text"]
    assert text.startswith("Request to renegotiate repayment")
    assert "¥8,800.00" in text and NAME in text


def test_a_missing_name_is_a_kind_error_not_a_crash(client_with_check: Client) -> None:
    page = client_with_check.get(write_url("card-instalment"))
    data = {**initial_fields(page), "name": ""}
    response = client_with_check.post(write_url("card-instalment"), data)
    assert response.status_code == 200
    assert "请填写你的姓名" in response.content.decode()
    assert "<title>错误：" in response.content.decode()


def test_an_empty_letter_text_is_refused_kindly(client_with_check: Client) -> None:
    _page, data, _edit = details_then_edit(client_with_check, "fee-waiver")
    response = client_with_check.post(write_url("fee-waiver"), edit_post(data, "   \n ", "pdf"))
    assert response.status_code == 200
    assert "信件内容是空的" in response.content.decode()


def test_the_edited_text_is_what_gets_previewed(client_with_check: Client) -> None:
    _page, data, _edit = details_then_edit(client_with_check, "fee-waiver")
    response = client_with_check.post(
        write_url("fee-waiver"), edit_post(data, "我的标题\n\n我自己改的第二段", "preview")
    )
    page = response.content.decode()
    assert '<p class="letter-title">我的标题</p>' in page
    assert "我自己改的第二段" in page


def test_going_back_keeps_what_was_typed(client_with_check: Client) -> None:
    _page, data, _edit = details_then_edit(client_with_check, "fee-waiver")
    response = client_with_check.post(write_url("fee-waiver"), edit_post(data, "x", "back"))
    assert f'value="{NAME}"' in response.content.decode()


def test_the_complaint_is_built_from_the_evidence_log(client_with_check: Client) -> None:
    keep_one_night_call(client_with_check)
    gate = client_with_check.get(reverse("advisor-letter-gate", args=["complaint-lender"]))
    assert "1 条记录" in gate.content.decode()
    _page, _data, edit = details_then_edit(client_with_check, "complaint-lender")
    text = edit.context["form"].initial["text"]
    assert "2026年11月20日 23:15，电话，陌生号码170：半夜打电话骂人（证据：截图1.png）" in text


def test_the_family_message_has_the_copy_button_that_is_harmless_without_js(
    client_with_check: Client,
) -> None:
    _page, _data, edit = details_then_edit(client_with_check, "family-notice")
    page = edit.content.decode()
    button = re.search(r"<button[^>]*data-copy-target=\"id_text\"[^>]*>", page)
    assert button is not None
    assert 'type="button"' in button.group(0) and "hidden" in button.group(0)
    assert 'id="id_text"' in page


# --- Escaping: hostile text from a borrower or an editor stays text everywhere ---


@pytest.fixture
def hostile_editor_template(content):
    from advisor.models import LetterTemplate

    template = LetterTemplate.objects.get(slug="fee-waiver")
    template.body_zh_hans = "编辑的标题\n" + HOSTILE + "\n[姓名]"
    template.save()
    return template


def test_hostile_input_is_text_in_the_html_preview(
    client_with_check: Client, hostile_editor_template
) -> None:
    _page, data, edit = details_then_edit(client_with_check, "fee-waiver", name=HOSTILE)
    page = edit.content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "{{ request }}{% csrf_token %}" in page  # shown literally, not evaluated
    assert edit.context["form"].initial["text"].count(HOSTILE) == 2


def test_hostile_input_is_text_in_the_pdf(
    client_with_check: Client, hostile_editor_template
) -> None:
    _page, data, edit = details_then_edit(client_with_check, "fee-waiver", name=HOSTILE)
    text = edit.context["form"].initial["text"]
    response = client_with_check.post(write_url("fee-waiver"), edit_post(data, text, "pdf"))
    assert response["Content-Type"] == "application/pdf"
    extracted = "".join(
        page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages
    )
    flat = re.sub(r"\s", "", extracted)
    assert re.sub(r"\s", "", HOSTILE) in flat


def test_hostile_input_is_text_in_the_docx(
    client_with_check: Client, hostile_editor_template
) -> None:
    _page, data, edit = details_then_edit(
        client_with_check, "fee-waiver", name=HOSTILE + "\x00\x0b"
    )
    text = edit.context["form"].initial["text"]
    response = client_with_check.post(write_url("fee-waiver"), edit_post(data, text, "docx"))
    document = Document(io.BytesIO(response.content))
    paragraphs = [p.text for p in document.paragraphs]
    assert HOSTILE in paragraphs
    assert any(HOSTILE in p for p in paragraphs if p.startswith("编辑的标题") is False)


# --- Outputs ---


@time_machine.travel("2026-11-23 10:00 +0800", tick=False)
def test_the_pdf_holds_the_chinese_letter_and_a_copy_to_keep(client_with_check: Client) -> None:
    _page, data, edit = details_then_edit(client_with_check, "card-instalment")
    text = edit.context["form"].initial["text"]
    response = client_with_check.post(write_url("card-instalment"), edit_post(data, text, "pdf"))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="letter-card-instalment.pdf"'
    reader = PdfReader(io.BytesIO(response.content))
    extracted = re.sub(r"\s", "", "".join(page.extract_text() for page in reader.pages))
    assert "个性化分期还款申请书" in extracted
    assert "¥23,456.78" in extracted
    assert "2026年11月23日" in extracted
    assert "留底副本" in extracted
    assert extracted.count("个性化分期还款申请书") == 2


def test_the_pdf_has_one_copy_when_asked(client_with_check: Client) -> None:
    _page, data, edit = details_then_edit(client_with_check, "family-notice")
    text = edit.context["form"].initial["text"]
    response = client_with_check.post(
        write_url("family-notice"), edit_post(data, text, "pdf", copies=False)
    )
    extracted = "".join(
        page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages
    )
    assert "留底副本" not in extracted
    assert NAME in extracted


def test_the_docx_opens_and_holds_the_text(client_with_check: Client) -> None:
    _page, data, edit = details_then_edit(
        client_with_check, "credit-dispute", dispute="2025年的逾期记录不是我的"
    )
    text = edit.context["form"].initial["text"]
    response = client_with_check.post(write_url("credit-dispute"), edit_post(data, text, "docx"))
    assert response["Content-Disposition"] == 'attachment; filename="letter-credit-dispute.docx"'
    document = Document(io.BytesIO(response.content))
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[0] == "征信异议申请"
    assert "2025年的逾期记录不是我的" in paragraphs
    assert any("留底副本" in p for p in paragraphs)
    assert any("要准备的材料" in p for p in paragraphs)
    fonts = document.paragraphs[0].runs[0]._element.rPr.rFonts
    assert (
        fonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia")
        == "Noto Sans CJK SC"
    )


# --- Privacy: nothing personal in any table, including decoded sessions, or in the logs ---


def test_no_personal_detail_reaches_the_database_or_the_logs(
    client_with_check: Client, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    assert Session.objects.count() == 1
    for slug in SLUGS:
        _page, data, edit = details_then_edit(
            client_with_check, slug, hardship="失业Zr8", terms="约定Zr8"
        )
        text = edit.context["form"].initial["text"]
        for action in ("preview", "pdf", "docx", "back"):
            response = client_with_check.post(
                write_url(slug), edit_post(data, text + "\n补充Zr8", action)
            )
            assert response.status_code == 200
    dump = database_dump()
    assert "cmb-credit-card" in dump  # the dump does include the session's answers
    # "*7788": the masked ID's tail as the letter shows it (bare digits can occur in a
    # timestamp of the dump, 23:09:52.778858, and did once).
    for secret in (NAME, ID_NUMBER, "*7788", PHONE, ADDRESS, CONTRACT, "Zr8", "Qz7"):
        assert secret not in dump
        assert secret not in caplog.text


# --- Pre-filled from the repayment plan ---


@time_machine.travel("2026-11-23 10:00 +0800", tick=False)
def test_the_proposal_comes_from_the_repayment_plan(content, client: Client) -> None:
    from advisor import plan_answers

    session = client.session
    session["bh"] = {"v": 1, "check": CHECK, "plan": PLAN}
    session.save()
    initial = client.get(write_url("card-instalment")).context["form"].initial
    request = type("R", (), {"session": client.session, "COOKIES": {}})()
    plan = plan_answers.current_plan(request)
    card = plan.schedules[0]
    assert initial["monthly"] == f"¥{card.first_amount:,.2f}"
    assert initial["months"] == str(len(card.payments))
    assert initial["first_date"] == letter.format_date(card.payments[0].date)
    assert initial["schedule"].startswith("第1–")
    assert letter.format_date(card.payments[0].date) in initial["schedule"]
    assert letter.format_date(card.payments[-1].date) in initial["schedule"]
    assert initial["income"] == "¥5,000.00"
    loan = client.get(write_url("loan-negotiation")).context["form"].initial
    assert loan["monthly"] == f"¥{plan.schedules[1].first_amount:,.2f}"


def test_without_a_check_the_letter_takes_the_lender_from_the_plan(content, client: Client) -> None:
    session = client.session
    session["bh"] = {"v": 1, "plan": PLAN}
    session.save()
    initial = client.get(write_url("loan-negotiation")).context["form"].initial
    assert initial["amount"] == "¥8,800.00"
    assert "支付宝" in initial["lender"]


# --- Content rules for the seeded letters ---


@pytest.mark.parametrize("seed", SEEDS, ids=SLUGS)
def test_every_seeded_letter_is_complete_in_both_languages_and_uses_known_placeholders(
    seed,
) -> None:
    for name in ("title", "situation", "gate", "sending", "evidence", "body"):
        assert seed.fields[f"{name}_zh_hans"].strip(), name
        assert seed.fields[f"{name}_en"].strip(), name
    for language in ("zh_hans", "en"):
        body = seed.fields[f"body_{language}"]
        assert letter.unknown_placeholders(body) == []
        assert "name" in letter.placeholders_in(body)
        assert letter.split_title(body)[0], "the first line is the title"
    # Same questions whichever language the letter is written in.
    assert set(letter.placeholders_in(seed.fields["body_zh_hans"])) == set(
        letter.placeholders_in(seed.fields["body_en"])
    )
    assert seed.fields["source_title"] and seed.fields["source_tier"]


def test_no_letter_promises_a_right_to_instalments_or_waivers() -> None:
    card = next(s for s in SEEDS if s.key["slug"] == "card-instalment").fields
    assert "“可以”" in card["gate_zh_hans"] and "不是" in card["gate_zh_hans"]
    assert '"may"' in card["gate_en"] and "not a right" in card["gate_en"]
    loan = next(s for s in SEEDS if s.key["slug"] == "loan-negotiation").fields
    assert "由贷款机构自己决定" in loan["gate_zh_hans"]
    assert "第七十条" not in loan["body_zh_hans"]  # Art. 70 covers credit cards only
    for seed in SEEDS:
        for text in (seed.fields["body_zh_hans"], seed.fields["gate_zh_hans"]):
            for claim in ("有权要求", "必须同意", "一定能分", "黑名单", "洗白征信"):
                if claim == "洗白征信" and "骗局" in text:
                    continue
                assert claim not in text, (seed.key["slug"], claim)


def test_the_pages_are_in_english_when_the_borrower_chose_english(content, client: Client) -> None:
    client.cookies["bh_language"] = "en"
    page = client.get(reverse("advisor-letter-gate", args=["card-instalment"])).content.decode()
    assert "Is this letter right for you?" in page
    assert "Personalised instalment request (credit card)" in page
    assert "Yes, write this letter" in page
