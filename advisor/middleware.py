"""Request logging without personal data, and the security headers Django does not set."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation

log = logging.getLogger("borrower_help.requests")

PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)


class RequestLogMiddleware:
    """One line per request: method, path (never the query string), status, duration."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        elapsed_ms = (time.perf_counter() - started) * 1000
        log.info(
            "method=%s path=%s status=%s duration_ms=%.1f",
            request.method,
            request.path,
            response.status_code,
            elapsed_ms,
        )
        return response


class SecurityHeadersMiddleware:
    """Permissions-Policy everywhere; no caching of pages that may show a borrower's answers."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if not request.path.startswith("/static/") and "Cache-Control" not in response.headers:
            # Shared phones: the back button or a proxy must not replay someone's answers.
            response.headers["Cache-Control"] = "no-store"
        return response


class LanguageMiddleware:
    """The language is the borrower's choice (a cookie set by the switch), else zh-hans.

    Django's LocaleMiddleware would follow the browser's Accept-Language; we deliberately do
    not: the site is for borrowers in China and opens in Simplified Chinese unless the
    borrower picks another language in the header.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.supported = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
