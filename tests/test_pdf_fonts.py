"""PDFs embed the small CJK subset font, and still print characters outside it.

The subset (advisor/pdf_fonts/, made by scripts/subset_pdf_font.py) keeps files small; a rare
character in a name must still come out, drawn from the full system font.
"""

from __future__ import annotations

import io

from pypdf import PdfReader

from advisor.pdf import FONT_DIR, FONT_FILES, render_pdf

SUBSET = "Borrower-Help-Sans-SC"  # as WeasyPrint names it in the PDF
RARE = "龘𠮷"  # outside GB2312 and outside the subset


def embedded_fonts(pdf: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            names.add(str(ref.get_object()["/BaseFont"]))
    return names


def letter(body: str) -> bytes:
    return render_pdf(
        "pdf/letter.html", {"letter_title": "协商还款申请", "letter_body": body, "copies": False}
    )


def test_the_subset_font_and_its_licence_ship_with_the_code() -> None:
    for name in FONT_FILES.values():
        assert (FONT_DIR / name).stat().st_size > 100_000
    assert "SIL OPEN FONT LICENSE" in (FONT_DIR / "OFL.txt").read_text(encoding="utf-8")


def test_common_text_is_drawn_with_the_subset_font_only() -> None:
    pdf = letter("我目前收入减少，希望协商每月还款 1,200 元，共 12 期。")
    fonts = embedded_fonts(pdf)
    assert fonts, "no font embedded"
    assert all(SUBSET in name for name in fonts), fonts
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "协商每月还款" in text


def test_a_rare_character_falls_back_to_the_full_system_font() -> None:
    pdf = letter(f"借款人：张{RARE}")
    fonts = embedded_fonts(pdf)
    assert any(SUBSET in name for name in fonts), fonts
    assert any(SUBSET not in name for name in fonts), fonts
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    for character in RARE:
        assert character in text


def test_document_workers_load_weasyprint_and_fonts_before_their_first_request() -> None:
    import runpy
    from pathlib import Path

    from advisor import pdf

    config = runpy.run_path(
        str(Path(__file__).resolve().parents[1] / "deploy" / "gunicorn-documents.conf.py")
    )
    pdf._fonts.cache_clear()
    config["post_worker_init"](object())
    assert pdf._fonts.cache_info().currsize == 1
