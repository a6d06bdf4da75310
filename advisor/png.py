"""Documents as one PNG image, for WeChat's browser, where downloads often fail.

The image is made from the same template and context as the PDF: the template is rendered
with ``phone_image`` set, which only changes the page size (``templates/pdf/base.html``:
phone-shaped pages, so text stays readable at phone width), WeasyPrint writes the PDF, and
pypdfium2 draws its pages, which are stacked into one image. A long-press on the image
saves it to the phone's album.

Why pypdfium2: WeasyPrint no longer writes PNG; pypdfium2 installs as a wheel with PDFium
inside (Apache-2.0 / BSD-3-Clause), so no system package is needed. PyMuPDF would do the
same but is AGPL, which would bind the whole site; poppler would be a system package.

Size: drawn in 16 grey levels and compressed, a page is some tens of KB; the image must stay
under ``MAX_BYTES`` (300 KB), so a long document is drawn narrower until it fits, and one that
still does not fit (or has more than ``MAX_PAGES`` pages) raises ``TooLong``: the borrower is
told to use the PDF (advisor.middleware), never given an image with pages left out. The text
drawn is also written into the file (a PNG text chunk, ``Description``), so the tests can
compare it with the PDF's text.

Images share the document slots with PDFs (advisor.documents): the same limit, the same calm
503 when every slot is busy.
"""

from __future__ import annotations

import base64
import io
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

from advisor import documents
from advisor.pdf import write_pdf

MAX_BYTES = 300 * 1024
# Pixels; 780 is two device pixels per CSS pixel on a 390 px phone. A long document is drawn
# narrower until it fits; below the last width the text would be too small to read.
WIDTHS = (780, 640, 520, 440)
MAX_PAGES = 40
GREYS = 16
TEXT_KEY = "Description"
_GAP = 6  # grey rule between pages, in pixels


class TooLong(Exception):
    """The document does not fit in one readable image under MAX_BYTES."""


def _draw(pdf: bytes, width: int) -> tuple[bytes, str]:
    import pypdfium2 as pdfium  # imported here: only document workers need it
    from PIL import Image, PngImagePlugin

    document = pdfium.PdfDocument(pdf)
    try:
        if len(document) > MAX_PAGES:
            raise TooLong(f"{len(document)} pages")
        pages, texts = [], []
        for index in range(len(document)):
            page = document[index]
            scale = width / page.get_width()
            pages.append(page.render(scale=scale, grayscale=True).to_pil().convert("L"))
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
    finally:
        document.close()
    height = sum(image.height for image in pages) + _GAP * (len(pages) - 1)
    sheet = Image.new("L", (width, height), 200)
    top = 0
    for image in pages:
        sheet.paste(image, (0, top))
        top += image.height + _GAP
    quantised = sheet.quantize(colors=GREYS, dither=Image.Dither.NONE)
    text = "\n".join(texts).replace("\r\n", "\n").replace("\r", "\n")
    info = PngImagePlugin.PngInfo()
    info.add_itxt(TEXT_KEY, text)
    out = io.BytesIO()
    quantised.save(out, format="PNG", optimize=True, pnginfo=info)
    return out.getvalue(), text


def from_pdf(pdf: bytes, widths: tuple[int, ...] = WIDTHS) -> bytes:
    """The PDF's pages as one PNG under MAX_BYTES (narrower when needed); raises TooLong."""
    for width in widths:
        data, _text = _draw(pdf, width)
        if len(data) < MAX_BYTES:
            return data
    raise TooLong(f"{len(data)} bytes at {widths[-1]} px")


def render_png(
    template_name: str, context: dict[str, Any], request: HttpRequest | None = None
) -> bytes:
    """The PDF template drawn as one phone-width image, under the same outage rules as a PDF."""
    html = render_to_string(template_name, {**context, "phone_image": True}, request=request)
    documents.refuse_if_stale(request)  # raises documents.Busy: a calm 503 (advisor.middleware)
    return from_pdf(write_pdf(html))


def text_of(png: bytes) -> str:
    """The text drawn in an image made here (from its ``Description`` chunk)."""
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        return str(image.info.get(TEXT_KEY, ""))


def data_uri(png: bytes) -> str:
    """The image inside the page itself (for a letter, whose text must not be in a URL)."""
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def png_response(png: bytes) -> HttpResponse:
    """Shown inline (never as a download), so WeChat displays it and a long-press saves it."""
    response = HttpResponse(png, content_type="image/png")
    response["Cache-Control"] = "no-store"
    response["Content-Disposition"] = "inline"
    return response
