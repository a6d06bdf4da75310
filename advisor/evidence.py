"""The evidence log: calls, texts, visits and contacts to family or employer.

The log is kept ONLY encrypted under the borrower's save code (area "evidence" of the
save-code bundle, see advisor.savecodes); the code lives only in the ``bh_save`` cookie.
Nothing from the log goes into the session, another table or a log file. Bundles unused for
90 days are deleted by ``purge_saved``; "erase my data" deletes the bundle at once.

Other parts read the log through ``load_entries(request)``.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from advisor import savecodes

AREA = "evidence"
MAX_ENTRIES = 300

KINDS: dict[str, Any] = {
    "call": _("电话"),
    "message": _("短信或微信消息"),
    "visit": _("上门"),
    "third_party": _("联系了我的家人、朋友或单位"),
    "other": _("其他"),
}

_CACHE_ATTR = "_bh_evidence_log"


class NoLog(Exception):
    """There is no save code on this device, or it no longer opens anything."""


def kind_label(kind: str) -> str:
    return str(KINDS.get(kind, KINDS["other"]))


def _opened(request: HttpRequest) -> savecodes.Opened:
    opened = savecodes.for_request(request)
    if opened is None:
        raise NoLog
    return opened


def _entries_of(area: Any) -> list[dict[str, Any]]:
    raw = area.get("entries", []) if isinstance(area, dict) else []
    return [_normalise(entry) for entry in raw if isinstance(entry, dict)]


def _read(request: HttpRequest) -> list[dict[str, Any]]:
    """The stored entries (with their ids), decrypted with the cookie's code; raises NoLog."""
    cached = getattr(request, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    try:
        bundle = savecodes.get(_opened(request))
    except savecodes.BadCode:
        raise NoLog from None
    entries = _entries_of(bundle.get(AREA))
    setattr(request, _CACHE_ATTR, entries)
    return entries


def _normalise(entry: dict[str, Any]) -> dict[str, Any]:
    attachments = entry.get("attachments") or []
    return {
        "id": str(entry.get("id") or ""),
        "when": str(entry.get("when") or ""),
        "kind": entry.get("kind") if entry.get("kind") in KINDS else "other",
        "who": str(entry.get("who") or ""),
        "what": str(entry.get("what") or ""),
        "attachments": [str(name) for name in attachments if str(name).strip()],
        "phrase": str(entry.get("phrase") or ""),
    }


def _sort_key(entry: dict[str, Any]) -> str:
    return entry["when"]


def _edit(
    request: HttpRequest, edit: Callable[[list[dict[str, Any]]], list[dict[str, Any]]]
) -> None:
    """Apply ``edit`` to the stored entries as they are now (another tab may have added one)."""
    _read(request)  # raises NoLog when there is no log to edit

    def apply(area: Any) -> dict[str, Any]:
        return {"entries": sorted(edit(_entries_of(area)), key=_sort_key)}

    written = savecodes.change(_opened(request), AREA, apply)
    setattr(request, _CACHE_ATTR, written["entries"])


def has_log(request: HttpRequest) -> bool:
    try:
        _read(request)
    except NoLog:
        return False
    return True


def entries_for_display(request: HttpRequest) -> list[dict[str, Any]]:
    """Entries with ids and parsed datetimes, oldest first; raises NoLog."""
    shown = []
    for entry in _read(request):
        shown.append(
            {**entry, "moment": parse_when(entry["when"]), "kind_label": kind_label(entry["kind"])}
        )
    return shown


def load_entries(request: HttpRequest) -> list[dict[str, Any]]:
    """The borrower's evidence log, oldest first, or [] when there is none.

    Each entry: ``when`` (ISO datetime, local time, e.g. "2026-11-23T21:40"), ``kind``
    (one of KINDS: call, message, visit, third_party, other; ``kind_label(kind)`` gives
    the words), ``who``, ``what``, ``attachments`` (a list of file names) and ``phrase``
    (the code of a CollectorPhrase the borrower picked, or ""). The texts are
    the borrower's own words: escape them when showing them.
    """
    try:
        entries = _read(request)
    except NoLog:
        return []
    return [
        {
            "when": e["when"],
            "kind": e["kind"],
            "who": e["who"],
            "what": e["what"],
            "attachments": list(e["attachments"]),
            "phrase": e["phrase"],
        }
        for e in entries
    ]


def parse_when(value: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def start(request: HttpRequest) -> str | None:
    """Make sure this device has a log. Returns a NEW code to show once, or None if it had one."""
    opened = savecodes.for_request(request)
    if opened is not None:
        try:
            bundle = savecodes.get(opened)
        except savecodes.BadCode:
            bundle = None
        if bundle is not None:
            if not isinstance(bundle.get(AREA), dict):
                savecodes.change(
                    opened, AREA, lambda area: area if isinstance(area, dict) else {"entries": []}
                )
            return None
    return savecodes.create({AREA: {"entries": []}})


def add(
    request: HttpRequest,
    *,
    when: dt.datetime,
    kind: str,
    who: str,
    what: str,
    attachments: list[str],
    phrase: str = "",
) -> None:
    entry = {
        "id": secrets.token_hex(4),
        "when": when.replace(second=0, microsecond=0, tzinfo=None).isoformat(timespec="minutes"),
        "kind": kind if kind in KINDS else "other",
        "who": who,
        "what": what,
        "attachments": attachments,
        "phrase": phrase,
    }

    def append(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [*entries[-(MAX_ENTRIES - 1) :], entry]

    _edit(request, append)


def remove(request: HttpRequest, entry_id: str) -> bool:
    if not any(entry["id"] == entry_id for entry in _read(request)):
        return False
    _edit(request, lambda entries: [entry for entry in entries if entry["id"] != entry_id])
    return True
