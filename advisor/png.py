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
_INK = 24  # a pixel this much darker than white is ink
_KEEP_BLANK = 48  # pixels of white kept where a blank band is cut out


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
    pages[-1] = _without_blank_band(pages[-1])
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


def _without_blank_band(page: Any) -> Any:
    """The last page without the empty band between its text and its footer: a phone screen
    of white under a short last page reads as if the image had not finished loading."""
    from PIL import Image, ImageOps

    ink = ImageOps.invert(page).point(lambda value: 255 if value > _INK else 0)
    # Each row's mean in floating point: one inked pixel in a row is enough to keep it.
    means = ink.convert("F").resize((1, page.height), Image.Resampling.BOX).get_flattened_data()
    rows = [not isinstance(value, tuple) and value > 0 for value in means]
    inner: list[tuple[int, int]] = []  # blank runs with ink above and below: (length, start)
    run_start = None
    for y, inked in enumerate(rows):
        if not inked and run_start is None:
            run_start = y
        elif inked and run_start is not None:
            if run_start > 0:
                inner.append((y - run_start, run_start))
            run_start = None
    longest, start = max(inner, default=(0, 0))
    if longest <= _KEEP_BLANK * 2:
        return page
    cut_from, cut_to = start + _KEEP_BLANK, start + longest - _KEEP_BLANK
    trimmed = Image.new("L", (page.width, page.height - (cut_to - cut_from)), 255)
    trimmed.paste(page.crop((0, 0, page.width, cut_from)), (0, 0))
    trimmed.paste(page.crop((0, cut_to, page.width, page.height)), (0, cut_from))
    return trimmed


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
