"""Opening saved data with a save code: one view for every area (check, evidence).

Each attempt is counted against the restore rate limits (advisor.throttle) BEFORE the slow
key derivation; over the limit, the borrower gets a calm "wait a minute" page (429). A code
that opens something is kept in the ``bh_save`` cookie on this device.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from advisor import savecodes, session, throttle
from advisor.forms.savecode import SaveCodeForm

RETRY_AFTER_SECONDS = throttle.WINDOW_SECONDS
NOT_FOUND = gettext_noop(
    "找不到用这个保存码保存的内容。请检查有没有输错；超过90天不用的内容会被自动删除"
)


def slow_down(request: HttpRequest, template: str = "errors/slow_down.html") -> HttpResponse:
    """The calm "wait a minute" page (429) of a rate limit; ``template`` says which limit."""
    response = render(request, template, status=429)
    response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def restore(
    request: HttpRequest,
    *,
    template: str,
    context: dict[str, Any],
    opened: Callable[[HttpRequest, dict[str, Any]], str],
) -> HttpResponse:
    """The code form; ``opened(request, bundle)`` keeps what it needs and returns the next URL."""
    form = SaveCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not throttle.allow(request, "restore"):
            return slow_down(request)
        code = form.cleaned_data["code"]
        try:
            bundle = savecodes.get(code)
        except savecodes.BadCode:
            form.add_error("code", _(NOT_FOUND))
        else:
            # A new session key for the opened answers: a key someone planted on this
            # device before (session fixation) must not read them.
            request.session.cycle_key()
            response = redirect(opened(request, bundle))
            session.remember_save_code(response, code, secure=request.is_secure())
            return response
    return render(request, template, {"form": form, **context})


def started(
    request: HttpRequest, new_code: str | None, *, here: str, code_page: str
) -> HttpResponse:
    """After starting a saved area: back to ``here``, or to ``code_page`` to show a NEW code once."""
    if new_code is None:
        return redirect(here)
    session.show_code_once(request)
    response = redirect(code_page)
    session.remember_save_code(response, new_code, secure=request.is_secure())
    return response


def code_once(request: HttpRequest, *, back: str) -> HttpResponse:
    """The save code, shown once right after it was made; later visits go to ``back``."""
    code = session.save_code(request)
    if not session.take_code_to_show(request) or not code:
        return redirect(back)
    context = {"code": code, "next_url": reverse(back)}
    return render(request, "advisor/door/evidence_code.html", context)
