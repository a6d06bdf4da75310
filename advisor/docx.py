"""Word (.docx) letters with python-docx, so a legal-aid worker can edit them.

The text goes in as plain runs: python-docx escapes it as XML, so ``<script>`` or
``{{ }}`` typed by anyone stays literal text. Control characters (not valid in XML) are
removed earlier by ``advisor.rules.letter.clean_text``. The East-Asian font is set on every run
(``w:eastAsia``), otherwise Word picks a Latin font for Chinese characters.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from advisor.rules import letter

FONT = "Noto Sans CJK SC"
LATIN_FONT = "Arial"


def _font(run: Any, *, size: float = 11, bold: bool = False) -> None:
    run.font.name = LATIN_FONT
    run.font.size = Pt(size)
    run.font.bold = bold
    r_pr = run._element.get_or_add_rPr()
    r_fonts = r_pr.get_or_add_rFonts()
    r_fonts.set(qn("w:eastAsia"), FONT)


def _paragraph(
    document: Any, text: str, *, size: float = 11, bold: bool = False, center: bool = False
) -> Any:
    paragraph = document.add_paragraph()
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = Pt(2)
    run = paragraph.add_run(text)
    _font(run, size=size, bold=bold)
    return paragraph


def _letter(document: Any, text: str) -> None:
    title, body = letter.split_title(text)
    if title:
        _paragraph(document, title, size=15, bold=True, center=True)
    for line in letter.paragraphs(body):
        _paragraph(document, line)


def build_letter(
    text: str,
    *,
    keep_copy_heading: str = "",
    sections: Sequence[tuple[str, Sequence[str]]] = (),
) -> bytes:
    """The letter; with ``keep_copy_heading``, a second copy to keep on a new page.

    ``sections`` (heading, lines) are added after the letter(s) on a new page, e.g. the
    sending instructions and the evidence checklist.
    """
    document = Document()
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin = section.bottom_margin = Mm(20)
        section.left_margin = section.right_margin = Mm(18)
    normal = document.styles["Normal"]
    normal.font.name = LATIN_FONT
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)

    _letter(document, text)
    if keep_copy_heading:
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        _paragraph(document, letter.clean_text(keep_copy_heading), size=9, bold=True)
        _letter(document, text)
    if sections:
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        for heading, lines in sections:
            _paragraph(document, letter.clean_text(heading), size=13, bold=True)
            for line in lines:
                _paragraph(document, "□ " + letter.clean_text(line))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
