"""Home, erase, health check and error pages."""

from __future__ import annotations

import shutil
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import Resolver404, path, resolve, reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from advisor import check_answers, check_steps, content, savecodes, session
from advisor.models import WriteProbe


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "advisor/home.html", {"facts": content.facts("home")})


def safe_next(request: HttpRequest) -> str:
    """The ``next`` page to go back to: a path on this site, or "" (never another site)."""
    candidate = request.GET.get("next", "")
    if not candidate.startswith("/") or candidate.startswith(("//", "/\\")):
        return ""
    if not url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return ""
    return candidate


def _is_letter_page(url: str) -> bool:
    try:
        return bool(url) and resolve(url.split("?", 1)[0]).url_name == "advisor-letter-write"
    except Resolver404:
        return False


@require_safe
def too_much(request: HttpRequest) -> HttpResponse:
    """ "This is too much": what to do today, free hotlines, save or stop without losing answers."""
    debts = check_answers.debts(request)
    has_result = bool(debts) and check_steps.guard_summary(debts) is None
    general: list = []
    if has_result:
        actions = [
            {"text": words, "url": reverse(url_name)}
            for _code, words, url_name in check_answers.today_actions(debts)
        ]
    else:
        actions = []
        _checklist, general = content.checklist("too-much")
    by_number = {channel.number: channel for channel in content.help_channels()}
    back_url = safe_next(request)
    return render(
        request,
        "advisor/too_much.html",
        {
            "actions": actions,
            "general_actions": general[:3],
            "hotlines": [by_number[n] for n in ("12356", "12378") if n in by_number],
            "has_check_answers": bool(debts),
            "has_save_code": bool(session.save_code(request)),
            "back_url": back_url,
            # Letters keep nothing (personal details are never stored): the way back to a
            # letter page opens it afresh, and the page says so instead of promising otherwise.
            "back_to_letter": _is_letter_page(back_url),
            "session_hours": settings.SESSION_COOKIE_AGE // 3600,
            "retention_days": settings.SAVE_CODE_RETENTION_DAYS,
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
def erase(request: HttpRequest) -> HttpResponse:
    """Forget the session, any data saved under this device's save code, and every cookie."""
    if request.method == "GET":
        return render(request, "advisor/erase.html", {"has_answers": session.has_answers(request)})
    code = session.save_code(request)
    if code:
        savecodes.delete(code)
    session.clear(request)
    # The language cookie goes too: the confirming page is told its language in the address
    # (a language, never an answer).
    language = translation.get_language()
    done = reverse("advisor-erased")
    if language != settings.LANGUAGE_CODE:
        done += "?" + urlencode({"language": language})
    response = redirect(done)
    forget_cookies(request, response)
    return response


def forget_cookies(request: HttpRequest, response: HttpResponse) -> None:
    """Delete every cookie this browser sent us (all of the site's: session, CSRF, language,
    save code), as set: path "/", SameSite=Lax, no domain."""
    for name in request.COOKIES:
        response.delete_cookie(name, samesite="Lax")


@require_safe
def erased(request: HttpRequest) -> HttpResponse:
    """The erase is done. Rendered in the language it was asked in (its cookie is gone)."""
    language = request.GET.get("language", "")
    if language not in dict(settings.LANGUAGES):
        language = translation.get_language()
    with translation.override(language):
        response = render(request, "advisor/erased.html")
    response.headers["Content-Language"] = language
    return response


@require_safe
def no_trace(request: HttpRequest) -> HttpResponse:
    """Leave no trace on a shared phone: what the site erases, and what only the phone can."""
    return render(
        request,
        "advisor/no_trace.html",
        {
            "facts": content.facts("no_trace"),
            "session_hours": settings.SESSION_COOKIE_AGE // 3600,
        },
    )


@require_POST
def start_again(request: HttpRequest) -> HttpResponse:
    session.clear(request)
    return redirect("advisor-home")


def _database_reads() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return False
    return True


def _database_writes() -> bool:
    """A committed write, and for SQLite room on its disk: False when answers cannot be saved.

    An insert that is rolled back proves nothing with SQLite: its write-ahead log is only
    written at commit, so a read-only filesystem would still pass. A full disk may still take
    a small commit (the log's file is reused), but not a new borrower's session, so the free
    space is checked too (DATABASE_MIN_FREE_MB).
    """
    try:
        with transaction.atomic():
            WriteProbe.objects.update_or_create(pk=1, defaults={"written_at": timezone.now()})
    except IntegrityError:
        pass  # another process created the row at the same moment: the database takes writes
    except DatabaseError:
        return False
    return _database_disk_has_room()


def _database_disk_has_room() -> bool:
    if connection.vendor != "sqlite":
        return True  # the database server reports a full disk itself, at commit
    name = str(connection.settings_dict["NAME"])
    if name == ":memory:" or "mode=memory" in name:
        return True
    try:
        free = shutil.disk_usage(Path(name).resolve().parent).free
    except OSError:
        return False
    return free >= settings.DATABASE_MIN_FREE_MB * 1024 * 1024


def _cache_state() -> str:
    probe = getattr(cache, "ping", None)
    if probe is None:
        return "local"  # each process's own memory: nothing to fail
    return "ok" if probe() else "failed"


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """For a load balancer: 200 = serve here; 503 = answers cannot be saved here.

    ``status`` is "ok" or "degraded"; ``failed`` names what failed: database_read,
    database_write, cache. A failed cache alone is 200 (pages work without it, just slower).
    """
    reads = _database_reads()
    writes = reads and _database_writes()
    cache_state = _cache_state()
    failed = [
        part
        for part, bad in (
            ("database_read", not reads),
            ("database_write", not writes),
            ("cache", cache_state == "failed"),
        )
        if bad
    ]
    body = {
        "status": "degraded" if failed else "ok",
        "failed": failed,
        "database_read": "ok" if reads else "failed",
        "database_write": "ok" if writes else "failed",
        "cache": cache_state,
    }
    database_failed = "database_read" in failed or "database_write" in failed
    response = JsonResponse(body, status=503 if database_failed else 200)
    # A 503 here is the expected answer while a part is down, which advisor.faults already
    # reports once a minute: not an error line for every poll of the load balancer.
    response._has_been_logged = True  # type: ignore[attr-defined]  # Django's own marker
    return response


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
    path("no-trace/", no_trace, name="advisor-no-trace"),
    path("sources/", sources, name="advisor-sources"),
    path("too-much/", too_much, name="advisor-too-much"),
    path("healthz", healthz, name="advisor-healthz"),
]
