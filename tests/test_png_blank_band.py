"""A short last page is not drawn with a screen of white between its text and its footer."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from advisor import png
from advisor.pdf import write_pdf

PAGE = """<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><style>
@page { size: 100mm 180mm; margin: 6mm 6mm 10mm; @bottom-center { content: "借款人自助"; } }
</style></head><body>BODY</body></html>"""
PAGE_PIXELS = round(780 * 180 / 100)  # one page at the first width


def _drawn(body: str) -> tuple[Image.Image, str]:
    made = png.from_pdf(write_pdf(PAGE.replace("BODY", body)))
    return Image.open(io.BytesIO(made)).convert("L"), png.text_of(made)


def _longest_white_run(image: Image.Image) -> int:
    longest = run = 0
    for y in range(image.height):
        white = image.crop((0, y, image.width, y + 1)).getextrema()[0] > 255 - 24
        run = run + 1 if white else 0
        longest = max(longest, run)
    return longest


@pytest.mark.django_db
def test_a_short_last_page_loses_its_blank_band_and_keeps_its_text_and_footer() -> None:
    full = "".join(f"<p>第{n}行：收入、开支和可用于还款的金额。</p>" for n in range(12))
    image, text = _drawn(full + '<p style="break-before: page">签名：__________</p>')
    assert "第11行" in text and "签名" in text
    last_page = image.crop((0, PAGE_PIXELS, image.width, image.height))
    assert last_page.height < PAGE_PIXELS // 3  # the second page's white is cut away
    assert _longest_white_run(last_page) < 2 * 48 + 8


@pytest.mark.django_db
def test_pages_full_of_text_are_drawn_whole() -> None:
    lines = "".join(f"<p>第{n}行</p>" for n in range(120))
    image, text = _drawn(lines)
    pages = text.count("借款人自助")
    assert pages >= 2 and "第119行" in text
    assert image.height > PAGE_PIXELS * (pages - 1)
