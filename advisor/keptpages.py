"""A borrower's page rendered once per change, then served from their own session.

The result, the plan and the question pages are read again and again (back from a letter,
a reload, the way back from the door pages) while nothing they depend on has changed.
``@kept_page`` keeps the page the view rendered in ``KeptPage``, a row that belongs to the
borrower's session row: erased with it ("erase my data", expiry, ``clearsessions``), never
shared between borrowers, and unreadable without the site's secret (compressed, then
AES-GCM under a key derived from the secret and the session key).

A kept page is served only while its fingerprint still matches. The fingerprint covers
everything a page is rendered from:

- the session's revision (``advisor.sessionstore`` draws a new one on every change), so
  any answer, plan or save-code change renders the page again;
- the path with its query string, host and scheme;
- the language, and the content version (which includes today's date), so an editor's
  change and a new day render it again;
- the request's cookies other than the session and CSRF cookies (the save-code cookie
  changes what the result page offers), and htmx's request headers;
- the code and settings that render it (``render_version``: templates, code and
  translations on disk, and the settings).

The CSRF token is not kept: it is cut out when the page is stored (``csrf`` below, the
context processor, remembers the one the page showed) and a freshly masked one is put in
each time the page is served, as on a normal render. A page is not kept when the
view changed the session, set a cookie or a header of its own, or answered with anything
but a plain 200 HTML page.
Any failure to read or store a kept page only means the page is rendered as usual.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple, ParamSpec

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.db import DatabaseError, IntegrityError, connections, router
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils.crypto import salted_hmac
from django.utils.functional import SimpleLazyObject

from advisor import content, faults
from advisor.http import in_wechat
from advisor.models import KeptPage
from advisor.session import SAVE_COOKIE
from advisor.sessionstore import REVISION

P = ParamSpec("P")

_SHOWN = "_kept_pages_csrf_token"
_SLOT = "\x00csrf\x00"  # where the CSRF token goes; a NUL never reaches a rendered page
_NONCE_BYTES = 12
_ROOT = Path(__file__).resolve().parent.parent
_LONGEST_PATH = int(KeptPage._meta.get_field("path").max_length or 0)


@functools.cache
def render_version() -> str:
    """What pages are rendered from besides the request: the templates, code and
    translations on disk (names, sizes, times) and the settings. The same in every process
    started from the same files and environment; different after a deploy or a change of
    configuration."""
    digest = hashlib.sha256()
    for folder, patterns in (
        (_ROOT / "templates", ("*.html", "*.txt")),
        (_ROOT / "advisor", ("*.py", "*.html", "*.mo")),
        (_ROOT / "locale", ("*.mo",)),
    ):
        for pattern in patterns:
            for path in sorted(folder.rglob(pattern)):
                stat = path.stat()
                digest.update(
                    f"{path.relative_to(_ROOT)}:{stat.st_size}:{stat.st_mtime_ns}\n".encode()
                )
    for setting in sorted(n for n in dir(settings) if n.isupper()):
        value = getattr(settings, setting)
        if isinstance(value, str | int | float | bool | list | tuple | dict | None):
            digest.update(f"{setting}={value!r}\n".encode())
    return digest.hexdigest()


def _fingerprint(request: HttpRequest, path: str, revision: str, version: str) -> str:
    """A keyed hash of everything the page is rendered from (see the module docstring).

    Cookie values count, except the save code's: only whether there is one (the pages
    show no more), so the table never holds a fast hash of a save code. The hash is keyed
    with the site's secret as well.
    """
    ignored = {settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME}
    cookies = sorted(
        f"{name}={'(set)' if name == SAVE_COOKIE else value}"
        for name, value in request.COOKIES.items()
        if name not in ignored
    )
    parts = [
        render_version(),
        revision,
        version,
        path,
        request.get_host(),
        request.scheme or "",
        getattr(request, "LANGUAGE_CODE", ""),
        *cookies,
        *sorted(f"{k}={v}" for k, v in request.META.items() if k.startswith("HTTP_HX_")),
        f"wechat={in_wechat(request)}",  # WeChat's browser is offered images, not downloads
    ]
    return salted_hmac(
        "advisor.keptpages.fingerprint", "\x1f".join(parts), algorithm="sha256"
    ).hexdigest()


def _cipher(session_key: str) -> AESGCM:
    return AESGCM(salted_hmac("advisor.keptpages", session_key, algorithm="sha256").digest())


def _seal(session_key: str, path: str, html: str) -> bytes:
    nonce = os.urandom(_NONCE_BYTES)
    packed = zlib.compress(html.encode(), 1)
    return nonce + _cipher(session_key).encrypt(nonce, packed, path.encode())


def _open(session_key: str, path: str, body: bytes) -> str:
    nonce, sealed = body[:_NONCE_BYTES], body[_NONCE_BYTES:]
    return zlib.decompress(_cipher(session_key).decrypt(nonce, sealed, path.encode())).decode()


def csrf(request: HttpRequest) -> dict[str, Any]:
    """Context processor: the page's CSRF token, masked once per request and remembered.

    Django's own processor masks a token per template context; this one keeps the masked
    token on the request, so a page kept for later can have it cut out exactly.
    """

    def token() -> str:
        shown = getattr(request, _SHOWN, None)
        if shown is None:
            shown = get_token(request)
            setattr(request, _SHOWN, shown)
        return shown

    return {"csrf_token": SimpleLazyObject(token)}


class _Key(NamedTuple):
    session_key: str
    path: str  # with the query string
    fingerprint: str


def _keyed(request: HttpRequest) -> _Key | None:
    """Where this request's kept page is, and its fingerprint; None when it may not use one."""
    if request.method != "GET" or not settings.KEPT_PAGES:
        return None
    version = content.version()
    if version is None:  # content read from the last-known copy: render as usual
        return None
    revision = request.session.get(REVISION)
    session_key = request.session.session_key
    if not isinstance(revision, str) or not session_key:
        return None
    path = request.get_full_path()
    return _Key(session_key, path, _fingerprint(request, path, revision, version))


def _read(session_key: str, path: str) -> tuple[str, bytes] | None:
    """The kept row's fingerprint and body, with one plain query (as advisor.session_backend)."""
    connection = connections[router.db_for_read(KeptPage)]
    quote = connection.ops.quote_name
    sql = (
        f"SELECT {quote('fingerprint')}, {quote('body')} FROM {quote(KeptPage._meta.db_table)}"
        f" WHERE {quote('session_id')} = %s AND {quote('path')} = %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [session_key, path])
        found = cursor.fetchone()
    return None if found is None else (found[0], bytes(found[1]))


def _write(session_key: str, path: str, fingerprint: str, body: bytes) -> None:
    """Insert or replace the kept row with one plain statement (SQLite and PostgreSQL)."""
    connection = connections[router.db_for_write(KeptPage)]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(c) for c in ("session_id", "path", "fingerprint", "body"))
    sql = (
        f"INSERT INTO {quote(KeptPage._meta.db_table)} ({columns}) VALUES (%s, %s, %s, %s)"
        f" ON CONFLICT ({quote('session_id')}, {quote('path')}) DO UPDATE SET"
        f" {quote('fingerprint')} = excluded.{quote('fingerprint')},"
        f" {quote('body')} = excluded.{quote('body')}"
    )
    with connection.cursor() as cursor:
        if connection.vendor != "sqlite" or connection.in_atomic_block:
            # (SQLite refuses to change synchronous inside a transaction.)
            cursor.execute(sql, [session_key, path, fingerprint, body])
            return
        # A kept page is a copy that can always be rendered again: its commit need not wait
        # for the disk (synchronous=NORMAL keeps the write-ahead log consistent, and the
        # next saved answer's commit flushes it). Measured: 0.18 -> 0.03 ms of CPU.
        cursor.execute("PRAGMA synchronous")
        (was,) = cursor.fetchone()
        cursor.execute("PRAGMA synchronous = NORMAL")
        try:
            cursor.execute(sql, [session_key, path, fingerprint, body])
        finally:
            cursor.execute(f"PRAGMA synchronous = {int(was)}")


def _served(request: HttpRequest, key: _Key) -> HttpResponse | None:
    try:
        found = _read(key.session_key, key.path)
    except DatabaseError as exc:
        faults.report("database_read", exc, what="kept page")
        return None
    if found is None or found[0] != key.fingerprint:
        return None
    try:
        html = _open(key.session_key, key.path, found[1])
    except (InvalidTag, ValueError, zlib.error):  # damaged or from another secret: render
        return None
    if _SLOT in html:
        html = html.replace(_SLOT, get_token(request))
    return HttpResponse(html)


def _keep(request: HttpRequest, key: _Key, response: HttpResponse) -> None:
    if (
        response.status_code != 200
        or response.streaming
        or response.cookies
        or set(response.headers) != {"Content-Type"}  # a kept page restores none but this
        or request.session.modified
        or not response["Content-Type"].startswith("text/html")
    ):
        return
    if len(key.path) > _LONGEST_PATH:
        return
    html = response.content.decode()
    shown = getattr(request, _SHOWN, None)
    if shown:
        html = html.replace(shown, _SLOT)
    body = _seal(key.session_key, key.path, html)
    try:
        _write(key.session_key, key.path, key.fingerprint, body)
    except IntegrityError:  # the session was erased meanwhile (another tab): nothing to keep
        return
    except DatabaseError as exc:
        faults.report("database_write", exc, what="kept page", level=logging.WARNING)


def kept_page(view: Callable[P, HttpResponse]) -> Callable[P, HttpResponse]:
    """Serve this view's GET page from the borrower's session while nothing it shows changed."""

    @functools.wraps(view)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> HttpResponse:
        request = args[0]
        assert isinstance(request, HttpRequest)
        key = _keyed(request)
        if key is not None and (kept := _served(request, key)) is not None:
            return kept
        response = view(*args, **kwargs)
        if key is not None:
            _keep(request, key, response)
        return response

    return wrapper
