"""Keeping borrower data under a save code (Django side of advisor.vault).

Data saved here is a dict of areas, e.g. {"check": {...}, "evidence": {...}}. Each save
replaces the whole bundle. ``purge_expired`` deletes bundles unused for the retention period.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.utils import timezone

from advisor import vault
from advisor.models import SavedBundle

BadCode = vault.BadCode


def create(data: dict[str, Any]) -> str:
    """Store ``data`` under a new code and return the code (shown to the borrower once)."""
    code = vault.new_code()
    put(code, data)
    return code


def put(code: str, data: dict[str, Any]) -> None:
    sealed = vault.seal(code, data)
    SavedBundle.objects.update_or_create(
        lookup=sealed.lookup,
        defaults={"ciphertext": sealed.ciphertext, "last_used_at": timezone.now()},
    )


def get(code: str) -> dict[str, Any]:
    """The data saved under ``code``; raises BadCode when the code is wrong or expired."""
    lookup = vault.lookup_for(code)
    bundle = SavedBundle.objects.filter(lookup=lookup, last_used_at__gte=_cutoff()).first()
    if bundle is None:
        raise BadCode("no data for this code")
    data = vault.open_sealed(code, bundle.ciphertext)
    SavedBundle.objects.filter(pk=bundle.pk).update(last_used_at=timezone.now())
    return data


def update(code: str, area: str, value: Any) -> None:
    """Replace one area ("check", "plan", "evidence", ...) of the bundle, keeping the others."""
    try:
        data = get(code)
    except BadCode:
        data = {}
    data[area] = value
    put(code, data)


def delete(code: str) -> int:
    try:
        lookup = vault.lookup_for(code)
    except BadCode:
        return 0
    return SavedBundle.objects.filter(lookup=lookup).delete()[0]


def _cutoff() -> dt.datetime:
    return timezone.now() - dt.timedelta(days=settings.SAVE_CODE_RETENTION_DAYS)


def purge_expired() -> int:
    return SavedBundle.objects.filter(last_used_at__lt=_cutoff()).delete()[0]
