"""Documents as images for WeChat: each exists, stays small, and carries its PDF's text."""

from __future__ import annotations

import base64
import datetime as dt
import io
import re
import time

import pytest
from django.test import Client
from PIL import Image
from pypdf import PdfReader

from advisor import png
from tests.helpers import (
    details_then_edit,
    edit_post,
    fill_budget,
    start_tracker,
    track_lender,
    track_step,
    write_url,
)

pytestmark = pytest.mark.django_db

WECHAT = (
    "Mozilla/5.0 (Linux; Android 13; V2145A) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 "
    "MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F35) WeChat/arm64 Weixin NetType/WIFI"
)
FOOTER = "借款人自助"
SERVED = (dt.date.today() - dt.timedelta(days=5)).isoformat()


def _pdf_text(pdf: bytes) -> str:
    pages = PdfReader(io.BytesIO(pdf)).pages
    return _plain("".join(page.extract_text() for page in pages), len(pages))


def _plain(text: str, pages: int) -> str:
    """Text without page furniture (page numbers, the footer note, list bullets) or spacing.

    Bullets are drawn by the list, not written in the text, and each extractor puts them
    somewhere else on the page.
    """
    for number in range(1, pages + 1):
        text = text.replace(f"{number} / {pages}", "")
    return re.sub(r"\s+", "", text.replace(FOOTER, "").replace("•", ""))


def _image_text(image: bytes) -> str:
    text = png.text_of(image)
    pages = max(n for n in range(1, png.MAX_PAGES + 1) if n == 1 or f"{n} / {n}" in text)
    return _plain(text, pages)


def _check(pdf: bytes, image: bytes) -> None:
    assert pdf.startswith(b"%PDF") and image.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(image) < png.MAX_BYTES, len(image)
    with Image.open(io.BytesIO(image)) as opened:
        assert opened.width >= min(png.WIDTHS)
    expected = _pdf_text(pdf)
    assert len(expected) > 50
    assert _image_text(image) == expected


def test_the_door_card_image_carries_the_cards_text(client: Client, content) -> None:
    pdf = client.get("/visitor/card.pdf?size=a6")
    image = client.get("/visitor/card.png")
    assert image["Content-Type"] == "image/png"
    assert "attachment" not in image["Content-Disposition"]
    _check(pdf.content, image.content)


def test_the_plan_and_budget_statement_images_carry_their_pdfs_text(planned: Client) -> None:
    _check(
        planned.get("/plan/repayment-plan.pdf").content,
        planned.get("/plan/repayment-plan.png").content,
    )
    _check(
        planned.get("/plan/budget-summary.pdf").content,
        planned.get("/plan/budget-summary.png").content,
    )


def test_a_plan_over_the_budget_is_the_same_plan_in_the_image_as_in_the_pdf(
    planned: Client,
) -> None:
    fill_budget(planned, salary="4200")  # leaves ¥200 a month
    months = {"monthly": "200.00", "months": "12", "monthly_was": "200.00", "months_was": "210"}
    planned.post("/plan/result/", {**months, "strategy": "pro_rata"})  # 12 months: over budget
    pdf = _pdf_text(planned.get("/plan/repayment-plan.pdf").content)
    image = _image_text(planned.get("/plan/repayment-plan.png").content)
    # (A table's header row repeats after the PDF's page break; the image has one page.)
    lead = re.search(r"每月还¥[\d,]+\.\d\d，\d+个月还清", pdf)
    assert lead and lead.group(0) in image
    _check(
        planned.get("/plan/budget-summary.pdf").content,
        planned.get("/plan/budget-summary.png").content,
    )


def test_the_court_deadline_card_image_carries_the_cards_text(client: Client, content) -> None:
    query = f"kind=payment-order&served={SERVED}"
    pdf = client.get(f"/papers/court-deadline.pdf?{query}")
    assert pdf.status_code == 200, pdf.status_code
    _check(pdf.content, client.get(f"/papers/court-deadline.png?{query}").content)
    assert client.get("/papers/court-deadline.png").status_code == 302  # nothing to draw


def test_a_letter_image_is_shown_in_the_page_and_carries_the_letters_text(
    client_with_check: Client,
) -> None:
    slug = "loan-negotiation"
    _page, data, edit = details_then_edit(client_with_check, slug)
    text = edit.context["form"].initial["text"]
    # The image leaves out the keep-copy (the saved image is the copy): so does this PDF.
    pdf = client_with_check.post(write_url(slug), edit_post(data, text, "pdf", copies=False))
    page = client_with_check.post(write_url(slug), edit_post(data, text, "png"))
    html = page.content.decode()
    found = re.search(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"', html)
    assert found, "the image is in the page"
    assert "长按图片保存" in html
    _check(pdf.content, base64.b64decode(found.group(1)))


def test_the_tracker_record_image_carries_the_records_text(client: Client, content) -> None:
    start_tracker(client)
    lender_id = track_lender(client, name="某某网络小额贷款公司", small_loan="on")
    track_step(client, lender_id, "letter", day="2026-11-20", how="ems", reference="EA1")
    _check(
        client.get("/follow-up/record.pdf").content,
        client.get("/follow-up/record.png").content,
    )


def test_an_image_request_that_waited_too_long_gets_the_calm_busy_answer(
    client: Client, content, settings
) -> None:
    # Images follow the documents' rule: nginx stamped the request too long ago.
    settings.DOCUMENT_MAX_WAIT_SECONDS = 10
    stale = f"t={time.time() - 60:.3f}"
    response = client.get("/visitor/card.png", HTTP_X_REQUEST_START=stale)
    assert response.status_code == 503 and response["Retry-After"]


def test_a_document_too_long_for_one_readable_image_sends_the_borrower_to_the_pdf(
    client: Client, content, monkeypatch
) -> None:
    monkeypatch.setattr(png, "MAX_BYTES", 2_000)
    response = client.get("/visitor/card.png")
    assert response.status_code == 413
    assert "这份文件太长" in response.content.decode() and "PDF" in response.content.decode()


def test_in_wechat_pages_show_the_image_and_offer_no_downloads(
    planned: Client,
) -> None:
    checks = {
        "/visitor/card/": ("/visitor/card.png", ".pdf"),
        "/plan/result/": ("/plan/repayment-plan.png", ".pdf"),
        "/plan/summary/": ("/plan/budget-summary.png", ".pdf"),
        f"/papers/?kind=payment-order&served={SERVED}": ("/papers/court-deadline.png", ".ics"),
    }
    for url, (image, download) in checks.items():
        html = planned.get(url, headers={"User-Agent": WECHAT}).content.decode()
        assert "长按图片保存" in html, url
        assert f'<img src="{image}' in html, url
        # A download is a link or, where the address would carry a typed date, a form.
        assert not re.search(rf'(href|action)="[^"]*\{download}[^"]*"', html), url
        plain = planned.get(url).content.decode()
        assert f'<img src="{image}' not in plain and re.search(
            rf'(href|action)="[^"]*\{download}', plain
        ), url


def test_nginx_sends_every_image_to_the_document_pool() -> None:
    from django.conf import settings
    from django.urls import reverse

    conf = (settings.BASE_DIR / "deploy" / "nginx.conf").read_text()
    found = re.search(r"location ~ (\(\\\.pdf\$.*?\)) \{\n(.*?)\n        \}", conf, re.S)
    assert found and "proxy_pass http://documents;" in found.group(2)
    documents = re.compile(found.group(1))
    for name in (
        "advisor-door-card-png",
        "advisor-plan-png",
        "advisor-plan-summary-png",
        "advisor-papers-png",
        "advisor-tracker-png",
    ):
        assert documents.search(reverse(name)), name
    assert not documents.search("/static/icons/app.png")
    assert not documents.search("/follow-up/")
