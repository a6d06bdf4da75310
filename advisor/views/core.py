"""Home, erase, health check and error pages."""

from __future__ import annotations

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from advisor import content, savecodes, session


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "advisor/home.html", {"facts": content.facts("home")})


@require_http_methods(["GET", "HEAD", "POST"])
def erase(request: HttpRequest) -> HttpResponse:
    """Forget the session and any data saved under this device's save code."""
    if request.method == "GET":
        return render(request, "advisor/erase.html", {"has_answers": session.has_answers(request)})
    code = session.save_code(request)
    if code:
        savecodes.delete(code)
    session.clear(request)
    response = redirect("advisor-erased")
    session.forget_save_code(response)
    return response


@require_safe
def erased(request: HttpRequest) -> HttpResponse:
    return render(request, "advisor/erased.html")


@require_POST
def start_again(request: HttpRequest) -> HttpResponse:
    session.clear(request)
    return redirect("advisor-home")


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any database failure means "not healthy"
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok", "debug": settings.DEBUG})


@require_safe
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "advisor/privacy.html")


@require_safe
def sources(request: HttpRequest) -> HttpResponse:
    """Every published fact with its source, tier and review date, newest review first."""
    return render(request, "advisor/sources.html", {"groups": content.all_sourced()})


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "errors/400.html", status=400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "errors/403.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "errors/404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # No context processors that could fail again: a plain render of a static page.
    return render(request, "errors/500.html", status=500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """An expired form (e.g. the session timed out) leads to a friendly page, not Django's."""
    return render(request, "errors/expired.html", status=403)


urlpatterns = [
    path("", home, name="advisor-home"),
    path("erase/", erase, name="advisor-erase"),
    path("erase/done/", erased, name="advisor-erased"),
    path("start-again/", start_again, name="advisor-start-again"),
    path("privacy/", privacy, name="advisor-privacy"),
    path("sources/", sources, name="advisor-sources"),
    path("healthz", healthz, name="advisor-healthz"),
]
