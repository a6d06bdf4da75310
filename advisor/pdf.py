"""PDF documents from ordinary templates, with WeasyPrint and Noto CJK fonts.

Phone-only borrowers (often inside WeChat, where printing does not work) need a file they can
keep and send. Templates extend ``pdf/base.html``, whose stylesheet puts the CJK font stack
on ``html`` so the page header and footer boxes use it too. Fonts come from the system
(``fonts-noto-cjk``); ``libharfbuzz-subset0`` makes subsetting fast and the files small.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

from advisor import documents
from advisor.http import attachment


def render_pdf(
    template_name: str, context: dict[str, Any], request: HttpRequest | None = None
) -> bytes:
    # Imported here: loading WeasyPrint takes about a second and most requests never need it.
    from weasyprint import HTML

    html = render_to_string(template_name, context, request=request)
    with documents.slot(request):  # raises documents.Busy: a calm 503 (advisor.middleware)
        return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()


def pdf_response(pdf: bytes, filename: str) -> HttpResponse:
    return attachment(pdf, filename, "application/pdf")
