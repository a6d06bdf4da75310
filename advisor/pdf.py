"""PDF documents from ordinary templates, with WeasyPrint and a CJK font made for printing.

Phone-only borrowers (often inside WeChat, where printing does not work) need a file they can
keep and send. Templates extend ``pdf/base.html``, whose stylesheet puts the CJK font stack
on ``html`` so the page header and footer boxes use it too.

Fonts: "Borrower Help Sans SC" (``advisor/pdf_fonts/``, made by
``scripts/subset_pdf_font.py`` from Noto Sans CJK SC; SIL OFL, licence alongside) holds the
common hanzi and everything the site writes itself, with glyphs numbered from 0. WeasyPrint
keeps glyph numbers when it embeds a font, so this is what keeps files small: the full
system font would add a glyph table of some 65,000 entries to every PDF. A character
outside the subset (a rare character in a name) is drawn from the next font of the stack,
the full system Noto Sans CJK (``fonts-noto-cjk``). Traditional-Chinese documents use the
system TC font first.

The font configuration and the stylesheet that declares the subset are built once per
process and shared by every document (they only describe fonts, never a borrower).
"""

from __future__ import annotations

import atexit
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

from advisor import documents
from advisor.http import attachment

FONT_DIR = Path(__file__).resolve().parent / "pdf_fonts"
FONT_FAMILY = "Borrower Help Sans SC"
FONT_FILES = {"normal": "BorrowerHelpSansSC-Regular.otf", "bold": "BorrowerHelpSansSC-Bold.otf"}


@cache
def _fonts() -> tuple[Any, Any]:
    # Imported here: loading WeasyPrint takes about a second and most requests never need it.
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    font_config = FontConfiguration()
    # Its temporary font folder is removed when it is freed: free it while Python still runs.
    atexit.register(_fonts.cache_clear)
    faces = "".join(
        f'@font-face {{ font-family: "{FONT_FAMILY}"; font-weight: {weight};'
        f' src: url("{(FONT_DIR / name).as_uri()}"); }}'
        for weight, name in FONT_FILES.items()
    )
    return font_config, CSS(string=faces, font_config=font_config)


def warm_up() -> None:
    """Import WeasyPrint and build the shared font configuration (document workers at start)."""
    import weasyprint  # noqa: F401

    _fonts()


def write_pdf(html: str) -> bytes:
    """The PDF of rendered HTML (the caller has checked advisor.documents.refuse_if_stale)."""
    from weasyprint import HTML

    font_config, font_faces = _fonts()
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(
        stylesheets=[font_faces], font_config=font_config
    )


def render_pdf(
    template_name: str, context: dict[str, Any], request: HttpRequest | None = None
) -> bytes:
    html = render_to_string(template_name, context, request=request)
    documents.refuse_if_stale(request)  # raises documents.Busy: a calm 503 (advisor.middleware)
    return write_pdf(html)


def pdf_response(pdf: bytes, filename: str) -> HttpResponse:
    return attachment(pdf, filename, "application/pdf")
