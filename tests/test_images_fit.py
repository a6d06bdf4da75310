"""The images' phone-shaped pages: no figure drawn over its neighbour in a table row."""

from __future__ import annotations

import pytest
from django.test import Client

from advisor import png
from tests.helpers import add_debt, fill_budget

pytestmark = pytest.mark.django_db


def _overlaps(pdf: bytes) -> list[str]:
    """Each "¥" drawn over the end of the figure before it on the same line (left edge before
    the previous character's right edge), with the text around it."""
    import pypdfium2 as pdfium

    found = []
    document = pdfium.PdfDocument(pdf)
    for index in range(len(document)):
        text = document[index].get_textpage()
        chars = text.get_text_range()
        for position, char in enumerate(chars):
            if char != "¥" or position == 0 or not chars[position - 1].isdigit():
                continue
            left, _bottom, _right, top = text.get_charbox(position)
            _left, _bottom2, right_before, top_before = text.get_charbox(position - 1)
            if abs(top - top_before) < 2 and right_before > left + 0.5:
                found.append(chars[max(0, position - 12) : position + 12])
    document.close()
    return found


def _drawn(client: Client, url: str, monkeypatch) -> bytes:
    """The phone-shaped PDF an image is drawn from."""
    made: list[bytes] = []
    real = png.from_pdf

    def keep(pdf: bytes, *args, **kwargs) -> bytes:
        made.append(pdf)
        return real(pdf, *args, **kwargs)

    monkeypatch.setattr(png, "from_pdf", keep)
    assert client.get(url).status_code == 200
    monkeypatch.setattr(png, "from_pdf", real)
    return made[0]


def test_the_plan_and_budget_statement_images_keep_large_figures_apart(
    client: Client, content, monkeypatch
) -> None:
    fill_budget(client, salary="96000")
    for name, amount in (("某某银行网贷", "138000"), ("某某消费金融", "93000.50")):
        add_debt(
            client, lender="other", lender_name=name, kind="consumer_finance", principal=amount
        )
    add_debt(client, principal="245678.90")
    for url in ("/plan/budget-summary.png", "/plan/repayment-plan.png"):
        pdf = _drawn(client, url, monkeypatch)
        assert "¥476,679.40" in png.text_of(png.from_pdf(pdf))  # the total is drawn
        assert _overlaps(pdf) == [], url


def test_the_overlap_check_can_fail() -> None:
    """Two figures drawn in one narrow cell pair overlap, and the check says so."""
    from advisor.pdf import write_pdf

    html = (
        "<style>@page { size: 60mm 40mm; margin: 2mm }"
        " table { table-layout: fixed; width: 100%; font-size: 11pt }"
        " td { white-space: nowrap; overflow: visible; text-align: right }</style>"
        "<table><tr><td>¥38,000.00</td><td>¥1,583.34</td><td>¥9,999.99</td></tr></table>"
    )
    assert _overlaps(write_pdf(html)) != []
