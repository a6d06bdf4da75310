"""Helpers shared by the views: the typed htmx request and file downloads."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def attachment(data: bytes, filename: str, content_type: str) -> HttpResponse:
    """A download (PDF, Word, calendar) that no cache keeps."""
    response = HttpResponse(data, content_type=content_type)
    # ASCII file name: WeChat's browser mangles RFC 5987 names.
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response
