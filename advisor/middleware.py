"""Request logging without personal data, the security headers Django does not set, and the
session middleware that keeps what a borrower typed when the database fails."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.sessions.middleware import SessionMiddleware as DjangoSessionMiddleware
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation

from advisor import documents, faults, png
from advisor.sessionstore import StoreUnavailable

log = logging.getLogger("borrower_help.requests")
fault_log = logging.getLogger("borrower_help.faults")
RETRY_AFTER_SECONDS = 30
_NOT_TYPED = {"csrfmiddlewaretoken"}

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


def _typed_fields(request: HttpRequest) -> list[tuple[str, str]]:
    """What the borrower sent in the form, in order (never logged, only shown back to them)."""
    return [
        (name, value)
        for name, values in request.POST.lists()
        if name not in _NOT_TYPED
        for value in values
    ]


def not_saved(request: HttpRequest, exc: BaseException) -> HttpResponse:
    """A calm 503 page that gives back what was typed, with a button that sends it again."""
    # One line at ERROR per lost save, with no personal data: path and error class only.
    fault_log.error(
        "answer not saved: database unavailable method=%s path=%s error=%s",
        request.method,
        request.path,
        type(exc.__cause__ or exc).__name__,
    )
    response = render(
        request,
        "errors/not_saved.html",
        {"fields": _typed_fields(request), "action": request.path},
        status=503,
    )
    response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response._has_been_logged = True  # type: ignore[attr-defined]  # logged above, once
    return response


def unavailable(request: HttpRequest) -> HttpResponse:
    response = render(request, "errors/unavailable.html", status=503)
    response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    # Logged once a minute through advisor.faults, not once per request by django.request.
    response._has_been_logged = True  # type: ignore[attr-defined]
    return response


class SessionMiddleware(DjangoSessionMiddleware):
    """Django's session middleware, but a database failure never loses an answer silently.

    - A POST whose answers cannot be saved (the view failed on the database, or the session
      could not be written afterwards) gets a 503 page showing what was typed, ready to send
      again; one ERROR line is logged, without personal data.
    - A GET whose session cannot be refreshed is served anyway (nothing was typed).
    - Other database failures give a 503 "try again shortly" page, logged once a minute
      instead of a traceback per request.
    """

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, StoreUnavailable):  # a view's own session write (cycle_key)
            return not_saved(request, exception) if request.method == "POST" else None
        if not isinstance(exception, DatabaseError):
            return None
        if request.method == "POST":
            faults.report("database_write", exception, what="view", level=logging.WARNING)
            return not_saved(request, exception)
        faults.report("database_read", exception, what="view")
        return unavailable(request)

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        try:
            return super().process_response(request, response)
        except StoreUnavailable as exc:
            if request.method == "POST":
                return not_saved(request, exc)
            return response


class DocumentsBusyMiddleware:
    """A document request that waited too long: a calm 503 with Retry-After (advisor.documents)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, png.TooLong):  # one image would be unreadable: use the PDF
            return render(request, "errors/image_too_long.html", status=413)
        if not isinstance(exception, documents.Busy):
            return None
        response = render(request, "errors/documents_busy.html", status=503)
        response.headers["Retry-After"] = str(documents.RETRY_AFTER_SECONDS)
        response._has_been_logged = True  # type: ignore[attr-defined]  # expected under load
        return response
