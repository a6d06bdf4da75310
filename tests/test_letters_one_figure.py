"""One debt figure in every letter (issue 17, item 4; issue 24, item 3).

The plan reads the check's own record of each debt, so the letter states the amount the
borrower entered, and a changed check amount shows at once. When the plan adds charges, the
letter states the balance the monthly amount is worked out from with its two parts, which
add up. The page text, the PDF and the Word file carry the same figures.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile
from decimal import Decimal
from typing import Any

import pytest
import time_machine
from django.test import Client
from pypdf import PdfReader

from advisor import content as site_content
from advisor import plan_answers
from tests.helpers import CHECK, PLAN, details_then_edit, edit_post, write_url

pytestmark = pytest.mark.django_db

YUAN = re.compile(r"¥[\d,]+\.\d\d")


def _with(client: Client, **areas: object) -> Client:
    session = client.session
    session["bh"] = {"v": 1, **areas}
    session.save()
    return client


def _flat(text: str) -> str:
    return re.sub(r"\s", "", text)


def page_text(html: str) -> str:
    """The letter as the preview section shows it (tags dropped, entities as written)."""
    section = html.split('id="letter-preview"', 1)[1].split("</section>", 1)[0]
    return re.sub(r"<[^>]+>", "", section).replace("&#x27;", "'")


def pdf_text(data: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def docx_text(data: bytes) -> str:
    """The text of word/document.xml, paragraph by paragraph."""
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    paragraphs = re.findall(r"<w:p[ >].*?</w:p>", xml, flags=re.DOTALL)
    return "\n".join(re.sub(r"<[^>]+>", "", p) for p in paragraphs)


def three_outputs(client: Client, slug: str, url: str = "") -> tuple[dict[str, Any], dict]:
    """The same letter as page text, PDF text and DOCX text (one copy each)."""
    page, data, edit = (
        details_then_edit(client, slug, url=url) if url else details_then_edit(client, slug)
    )
    text = edit.context["form"].initial["text"]
    shown = client.post(write_url(slug), edit_post(data, text, "preview", copies=False))
    pdf = client.post(write_url(slug), edit_post(data, text, "pdf", copies=False))
    docx = client.post(write_url(slug), edit_post(data, text, "docx", copies=False))
    assert pdf["Content-Type"] == "application/pdf"
    outputs = {
        "page": page_text(shown.content.decode()),
        "pdf": pdf_text(pdf.content),
        "docx": docx_text(docx.content),
    }
    return outputs, page.context["form"].initial


def _plan_with_charges() -> dict[str, Any]:
    plan = copy.deepcopy(PLAN)
    plan["debts"][0]["charges"] = "1500.00"  # the plan counts 24,956.78; the check 23,456.78
    return plan


def _yuan(text: str) -> Decimal:
    return Decimal(text.removeprefix("¥").replace(",", ""))


def _initial(client: Client, slug: str, query: str = "") -> dict[str, Any]:
    return client.get(write_url(slug) + query).context["form"].initial


@time_machine.travel("2026-11-23 10:00 +0800", tick=False)
@pytest.mark.parametrize("slug", ["card-instalment", "loan-negotiation", "fee-waiver"])
def test_text_pdf_and_docx_carry_the_same_debt_figure_and_monthly_amount(
    content: None, client: Client, slug: str
) -> None:
    _with(client, check=CHECK, plan=PLAN)
    outputs, initial = three_outputs(client, slug)
    amount, monthly = initial["amount"], initial["monthly"]
    # The amount the borrower entered in the check, for the first debt the letter is for.
    entered = "¥8,800.00" if slug == "loan-negotiation" else "¥23,456.78"
    assert amount == entered
    assert YUAN.fullmatch(monthly)
    figures = {name: YUAN.findall(_flat(text)) for name, text in outputs.items()}
    for name, found in figures.items():
        assert amount in found, (name, found)
        assert monthly in found, (name, found)
    assert figures["page"] == figures["pdf"] == figures["docx"]


def test_the_monthly_amount_comes_from_a_plan_of_the_same_figure(
    content: None, client: Client
) -> None:
    _with(client, check=CHECK, plan=PLAN)
    initial = _initial(client, "card-instalment")
    request = type("R", (), {"session": client.session, "COOKIES": {}})()
    card = plan_answers.current_plan(request).schedules[0]
    assert f"¥{card.debt.balance:,.2f}" == initial["amount"] == "¥23,456.78"
    assert initial["monthly"] == f"¥{card.first_amount:,.2f}"


@time_machine.travel("2026-11-23 10:00 +0800", tick=False)
def test_a_changed_check_amount_shows_at_once_in_the_plan_and_the_letter(
    content: None, client: Client
) -> None:
    _with(client, check=CHECK, plan=PLAN)
    assert "¥23,456.78" in client.get("/plan/debts/").content.decode()
    changed = client.post("/check/debt/1/amount/?return=answers", {"amount": "30,000"})
    assert changed.status_code == 302

    assert "¥30,000.00" in client.get("/plan/debts/").content.decode()
    plan_page = client.get("/plan/result/")
    assert plan_page.context["plan"].schedules[0].debt.principal == Decimal("30000.00")
    summary = client.get("/plan/summary/").content.decode()
    assert "¥30,000.00" in summary and "¥23,456.78" not in summary
    initial = _initial(client, "card-instalment")
    assert initial["amount"] == "¥30,000.00"
    monthly, months = _yuan(initial["monthly"]), int(initial["months"])
    assert monthly * (months - 1) < Decimal("30000") <= monthly * months


@time_machine.travel("2026-11-23 10:00 +0800", tick=False)
def test_with_charges_the_letter_states_the_balance_and_its_parts_which_add_up(
    content: None, client: Client
) -> None:
    _with(client, check=CHECK, plan=_plan_with_charges())
    page = client.get(write_url("card-instalment"))
    initial = page.context["form"].initial
    balance, principal, charges = (_yuan(f) for f in YUAN.findall(initial["amount"]))
    assert (balance, principal, charges) == (
        Decimal("24956.78"),
        Decimal("23456.78"),
        Decimal("1500.00"),
    )
    assert principal + charges == balance
    # The monthly amount is worked out from that balance.
    monthly, months = _yuan(initial["monthly"]), int(initial["months"])
    assert monthly * (months - 1) < balance <= monthly * months
    assert 'id="figure-note"' not in page.content.decode()

    outputs, _initial_values = three_outputs(client, "card-instalment")
    for name, text in outputs.items():
        flat = _flat(text)
        for figure in ("¥24,956.78", "¥23,456.78", "¥1,500.00", initial["monthly"]):
            assert figure in flat, (name, figure)


def test_the_old_choice_of_the_plans_figure_is_gone(content: None, client: Client) -> None:
    _with(client, check=CHECK, plan=_plan_with_charges())
    plain = _initial(client, "card-instalment", "?debt=0")
    assert _initial(client, "card-instalment", "?debt=0&figure=plan") == plain


def test_without_a_check_the_plans_own_amount_is_the_entered_one(
    content: None, client: Client
) -> None:
    _with(client, plan=PLAN)
    initial = _initial(client, "loan-negotiation")
    assert initial["amount"] == "¥8,800.00" and initial["monthly"]


# --- First person throughout ---------------------------------------------------------------

SECOND_PERSON_ZH = ("你", "您")
SECOND_PERSON_EN = re.compile(r"\b(you|your|yours)\b", re.IGNORECASE)


def test_every_seeded_attachment_list_is_in_the_first_person(content: None) -> None:
    templates = site_content.letter_templates()
    assert len(templates) >= 9
    for template in templates:
        for language in ("zh-hans", "zh-hant"):
            for line in template.t("evidence", language).splitlines():
                assert not any(marker in line for marker in SECOND_PERSON_ZH), (
                    template.slug,
                    language,
                    line,
                )
        for line in template.t("evidence", "en").splitlines():
            assert not SECOND_PERSON_EN.search(line), (template.slug, line)


def test_every_seeded_letter_speaks_as_the_borrower(content: None) -> None:
    """The writer is "我" / "I"; the borrower is never "你" in a letter they send.

    (A letter may address its reader politely as 您 / 贵司 / you; it never calls the
    writer "you".)"""
    for template in site_content.letter_templates():
        body = template.t("body", "zh-hans")
        assert "我" in body, template.slug
        assert "你" not in body, template.slug
        assert re.search(r"\bI\b", template.t("body", "en")), template.slug


@time_machine.travel("2026-11-23 10:00 +0800", tick=False)
def test_the_attachment_list_inside_each_written_letter_is_first_person(
    content: None, client: Client
) -> None:
    _with(client, check=CHECK, plan=PLAN)
    for template in site_content.letter_templates():
        if "[附件清单]" not in template.t("body", "zh-hans"):
            continue
        _page, _data, edit = details_then_edit(client, template.slug)
        text = edit.context["form"].initial["text"]
        listed = [line for line in text.splitlines() if re.match(r"^\s*\d+[.、]", line)]
        assert listed, template.slug
        for line in listed:
            assert not any(marker in line for marker in SECOND_PERSON_ZH), (template.slug, line)
