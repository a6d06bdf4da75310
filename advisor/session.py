"""The only code that touches the borrower's session.

Answers live under one namespaced key, ``request.session["bh"]``, as JSON-safe dicts
(Decimals as strings, dates as ISO strings), one area per feature: "check", "plan",
"door". Personal details typed for letters and the evidence log never come here: the
session table counts as the database (see README, "Privacy").

The save code, when the borrower asks for one, is kept only in a cookie on their device
(``bh_save``), never in the session row, so the server cannot open saved data on its own.
"""

from __future__ import annotations

import copy
from typing import Any

from django.http import HttpRequest, HttpResponse

KEY = "bh"
VERSION = 1
AREAS = ("check", "plan", "door")
SAVE_COOKIE = "bh_save"
SAVE_COOKIE_MAX_AGE = 90 * 24 * 3600


def _root(request: HttpRequest) -> dict[str, Any]:
    root = request.session.get(KEY)
    if not isinstance(root, dict) or root.get("v") != VERSION:
        # Missing, from an older version, or tampered with: start clean rather than fail.
        root = {"v": VERSION}
    return root


def load(request: HttpRequest, area: str) -> dict[str, Any]:
    """A copy of one area's data (an empty dict when there is none or it is malformed)."""
    if area not in AREAS:
        raise ValueError(f"unknown session area {area!r}")
    data = _root(request).get(area)
    return copy.deepcopy(data) if isinstance(data, dict) else {}


def store(request: HttpRequest, area: str, data: dict[str, Any]) -> None:
    if area not in AREAS:
        raise ValueError(f"unknown session area {area!r}")
    root = _root(request)
    root[area] = data
    request.session[KEY] = root


def has_answers(request: HttpRequest) -> bool:
    root = _root(request)
    return any(root.get(area) for area in AREAS)


def clear(request: HttpRequest) -> None:
    """Forget everything in this session and drop the session row."""
    request.session.flush()


def save_code(request: HttpRequest) -> str:
    return request.COOKIES.get(SAVE_COOKIE, "")


def remember_save_code(response: HttpResponse, code: str, *, secure: bool) -> None:
    response.set_cookie(
        SAVE_COOKIE, code, max_age=SAVE_COOKIE_MAX_AGE, httponly=True, samesite="Lax", secure=secure
    )


# "Shown once": a new save code may be displayed on the next page view only.
_SHOW_CODE = "show_code"


def show_code_once(request: HttpRequest) -> None:
    root = _root(request)
    root[_SHOW_CODE] = True
    request.session[KEY] = root


def take_code_to_show(request: HttpRequest) -> bool:
    """True once after show_code_once; False on every later visit."""
    root = _root(request)
    if not root.pop(_SHOW_CODE, False):
        return False
    request.session[KEY] = root
    return True


def forget_save_code(response: HttpResponse) -> None:
    response.delete_cookie(SAVE_COOKIE, samesite="Lax")
