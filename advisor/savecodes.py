"""Keeping borrower data under a save code (Django side of advisor.vault).

Data saved here is a dict of areas, e.g. {"check": {...}, "evidence": {...}}. One save-code
mechanism serves every area:

- ``for_request(request)`` opens the code in the ``bh_save`` cookie once per request (the one
  slow scrypt derivation) and every read or write in that request reuses it;
- ``change(opened, area, edit)`` reads the bundle, applies ``edit`` to one area and writes it
  back only if nobody wrote in between (a version number); otherwise it reads again and
  re-applies the edit. Two tabs, a double tap or a check-save racing an evidence entry
  therefore never lose each other's data;
- ``purge_expired`` deletes bundles unused for the retention period.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone

from advisor import session, vault
from advisor.models import SavedBundle

BadCode = vault.BadCode
Opened = vault.Opened
MAX_ATTEMPTS = 10
_REQUEST_ATTR = "_bh_opened_code"
T = TypeVar("T")


def open_code(code: str | Opened) -> Opened:
    """The code's lookup id and key (one scrypt derivation); raises BadCode if malformed."""
    return code if isinstance(code, Opened) else vault.open_code(code)


def for_request(request: HttpRequest) -> Opened | None:
    """The cookie's code, opened at most once per request; None without a usable cookie."""
    code = session.save_code(request)
    memo = getattr(request, _REQUEST_ATTR, None)
    if memo is not None and memo[0] == code:
        return memo[1]
    try:
        opened = vault.open_code(code) if code else None
    except BadCode:
        opened = None
    setattr(request, _REQUEST_ATTR, (code, opened))
    return opened


def create(data: dict[str, Any]) -> str:
    """Store ``data`` under a new code and return the code (shown to the borrower once)."""
    code = vault.new_code()
    opened = vault.open_code(code)
    SavedBundle.objects.create(lookup=opened.lookup, ciphertext=vault.seal(opened, data).ciphertext)
    return code


def ensure_area(request: HttpRequest, area: str, empty: Callable[[], Any]) -> str | None:
    """Make sure this device's bundle has ``area``. Returns a NEW code to show once, or None.

    With a working code in the cookie the area is added to that bundle (the evidence log and
    the tracker share one code); otherwise a new bundle is made under a new code.
    """
    opened = for_request(request)
    if opened is not None:
        try:
            bundle: dict[str, Any] | None = get(opened)
        except BadCode:
            bundle = None
        if bundle is not None:
            if not isinstance(bundle.get(area), dict):
                change(opened, area, lambda value: value if isinstance(value, dict) else empty())
            return None
    return create({area: empty()})


class NoBundle(Exception):
    """There is no save code on this device, or it no longer opens anything."""


def opened_or_raise(request: HttpRequest) -> Opened:
    opened = for_request(request)
    if opened is None:
        raise NoBundle
    return opened


def read_area(request: HttpRequest, area: str, parse: Callable[[Any], T]) -> T:
    """One area of this device's bundle, parsed, decrypted once a request; raises NoBundle."""
    attr = f"_bh_area_{area}"
    if hasattr(request, attr):
        cached: T = getattr(request, attr)
        return cached
    try:
        bundle = get(opened_or_raise(request))
    except BadCode:
        raise NoBundle from None
    value = parse(bundle.get(area))
    setattr(request, attr, value)
    return value


def edit_area(
    request: HttpRequest, area: str, parse: Callable[[Any], T], edit: Callable[[T], Any]
) -> None:
    """Store ``edit(parsed area as it is now)`` (another tab may have changed it meanwhile)."""
    read_area(request, area, parse)  # raises NoBundle when there is nothing to edit
    written = change(opened_or_raise(request), area, lambda value: edit(parse(value)))
    setattr(request, f"_bh_area_{area}", parse(written))


def _live() -> Any:
    return SavedBundle.objects.filter(last_used_at__gte=_cutoff())


def get(code: str | Opened) -> dict[str, Any]:
    """The data saved under ``code``; raises BadCode when the code is wrong or expired."""
    opened = open_code(code)
    bundle = _live().filter(lookup=opened.lookup).first()
    if bundle is None:
        raise BadCode("no data for this code")
    data = vault.open_sealed(opened, bundle.ciphertext)
    SavedBundle.objects.filter(pk=bundle.pk).update(last_used_at=timezone.now())
    return data


def change(code: str | Opened, area: str, edit: Callable[[Any], Any]) -> Any:
    """Set one area to ``edit(current value or None)``, keeping the others; returns the value.

    Optimistic: the write succeeds only if the row's version is still the one read; else the
    edit is applied again to what the other writer left. A missing or expired bundle is
    started afresh under the same code.
    """
    opened = open_code(code)
    for _ in range(MAX_ATTEMPTS):
        bundle = SavedBundle.objects.filter(lookup=opened.lookup).first()
        expired = bundle is not None and bundle.last_used_at < _cutoff()
        data = {} if bundle is None or expired else vault.open_sealed(opened, bundle.ciphertext)
        value = edit(data.get(area))
        data[area] = value
        ciphertext = vault.seal(opened, data).ciphertext
        now = timezone.now()
        if bundle is None:
            try:
                with transaction.atomic():
                    SavedBundle.objects.create(
                        lookup=opened.lookup, ciphertext=ciphertext, last_used_at=now
                    )
            except IntegrityError:  # another request created it first: read theirs
                continue
            return value
        written = SavedBundle.objects.filter(pk=bundle.pk, version=bundle.version).update(
            ciphertext=ciphertext, last_used_at=now, version=F("version") + 1
        )
        if written:
            return value
    raise RuntimeError("save code bundle kept changing; gave up")


def update(code: str | Opened, area: str, value: Any) -> None:
    """Replace one area ("check", "plan", "evidence", ...) of the bundle, keeping the others."""
    change(code, area, lambda _old: value)


def delete(code: str | Opened) -> int:
    try:
        opened = open_code(code)
    except BadCode:
        return 0
    return SavedBundle.objects.filter(lookup=opened.lookup).delete()[0]


def _cutoff() -> dt.datetime:
    return timezone.now() - dt.timedelta(days=settings.SAVE_CODE_RETENTION_DAYS)


def purge_expired() -> int:
    return SavedBundle.objects.filter(last_used_at__lt=_cutoff()).delete()[0]
