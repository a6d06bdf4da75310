"""The evidence log: calls, texts, visits and contacts to family or employer.

The log is kept ONLY encrypted under the borrower's save code (area "evidence" of the
save-code bundle, see advisor.savecodes); the code lives only in the ``bh_save`` cookie.
Nothing from the log goes into the session, another table or a log file. Bundles unused for
90 days are deleted by ``purge_saved``; "erase my data" deletes the bundle at once.

The log is read once per request into ``Entry`` values (``Entry.parse``); an entry that does
not parse (a bug, or a bundle changed by hand) is left out rather than breaking the page, and
is dropped from the bundle at the next change. Stored shape of the area::

    {"format": 1,
     "entries": [{"id": "1a2b3c4d", "when": "2026-11-23T21:40", "kind": "call",
                  "who": "…", "what": "…", "attachments": ["…"], "phrase": ""}, …]}

The shape has not changed since the log began, so a bundle without "format" (written before
it was recorded) is format 1, and entries written before phrase codes existed simply have no
``phrase``. A later change of shape raises FORMAT and converts older entries in ``Entry.parse``;
it must not make this code drop a newer log's entries (the log exists nowhere else).

Other parts read the log through ``load_entries(request)``.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from advisor import savecodes

AREA = "evidence"
FORMAT = 1  # of the stored area; see the module docstring
MAX_ENTRIES = 300

KINDS: dict[str, Promise] = {
    "call": _("电话"),
    "message": _("短信或微信消息"),
    "visit": _("上门"),
    "third_party": _("联系了我的家人、朋友或单位"),
    "other": _("其他"),
}

_CACHE_ATTR = "_bh_evidence_log"


def _empty() -> dict[str, Any]:
    return {"format": FORMAT, "entries": []}


class NoLog(Exception):
    """There is no save code on this device, or it no longer opens anything."""


def kind_label(kind: str) -> str:
    return str(KINDS.get(kind, KINDS["other"]))


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


@dataclass(frozen=True)
class Entry:
    """One thing that happened, in the borrower's own words (escape them when shown).

    ``when`` is local time to the minute, without a time zone; ``kind`` is one of KINDS;
    ``attachments`` are file names the borrower noted (the files stay on their phone);
    ``phrase`` is the code of a CollectorPhrase the borrower picked, or "".
    """

    id: str
    when: dt.datetime
    kind: str
    who: str
    what: str
    attachments: tuple[str, ...] = ()
    phrase: str = ""

    @property
    def kind_label(self) -> str:
        return kind_label(self.kind)

    @classmethod
    def parse(cls, stored: object) -> Entry | None:
        """The entry as stored in the bundle, or None when it is not one."""
        if not isinstance(stored, dict):
            return None
        entry_id, when = stored.get("id"), stored.get("when")
        if not isinstance(entry_id, str) or not entry_id or not isinstance(when, str):
            return None
        try:
            moment = dt.datetime.fromisoformat(when)
        except ValueError:
            return None
        kind = stored.get("kind")
        raw = stored.get("attachments")
        names = raw if isinstance(raw, list) else []
        return cls(
            id=entry_id,
            when=moment.replace(second=0, microsecond=0, tzinfo=None),
            kind=kind if isinstance(kind, str) and kind in KINDS else "other",
            who=_text(stored.get("who")),
            what=_text(stored.get("what")),
            attachments=tuple(n for n in names if isinstance(n, str) and n.strip()),
            phrase=_text(stored.get("phrase")),
        )

    def stored(self) -> dict[str, Any]:
        """The entry as kept in the bundle (the shape ``parse`` reads)."""
        return {
            "id": self.id,
            "when": self.when.isoformat(timespec="minutes"),
            "kind": self.kind,
            "who": self.who,
            "what": self.what,
            "attachments": list(self.attachments),
            "phrase": self.phrase,
        }


def _opened(request: HttpRequest) -> savecodes.Opened:
    opened = savecodes.for_request(request)
    if opened is None:
        raise NoLog
    return opened


def _entries_of(area: object) -> list[Entry]:
    """The area's entries that parse, oldest first."""
    raw = area.get("entries") if isinstance(area, dict) else None
    parsed = (Entry.parse(item) for item in (raw if isinstance(raw, list) else []))
    return sorted((entry for entry in parsed if entry is not None), key=_sort_key)


def _sort_key(entry: Entry) -> dt.datetime:
    return entry.when


def _read(request: HttpRequest) -> list[Entry]:
    """The stored entries, decrypted with the cookie's code (once a request); raises NoLog."""
    cached: list[Entry] | None = getattr(request, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    try:
        bundle = savecodes.get(_opened(request))
    except savecodes.BadCode:
        raise NoLog from None
    entries = _entries_of(bundle.get(AREA))
    setattr(request, _CACHE_ATTR, entries)
    return entries


def _edit(request: HttpRequest, edit: Callable[[list[Entry]], list[Entry]]) -> None:
    """Apply ``edit`` to the stored entries as they are now (another tab may have added one)."""
    _read(request)  # raises NoLog when there is no log to edit

    def apply(area: Any) -> dict[str, Any]:
        return {"format": FORMAT, "entries": [entry.stored() for entry in edit(_entries_of(area))]}

    written = savecodes.change(_opened(request), AREA, apply)
    setattr(request, _CACHE_ATTR, _entries_of(written))


def has_log(request: HttpRequest) -> bool:
    try:
        _read(request)
    except NoLog:
        return False
    return True


def entries(request: HttpRequest) -> list[Entry]:
    """The borrower's evidence log, oldest first; raises NoLog when this device has none."""
    return list(_read(request))


def load_entries(request: HttpRequest) -> list[Entry]:
    """The borrower's evidence log, oldest first, or [] when there is none."""
    try:
        return entries(request)
    except NoLog:
        return []


def start(request: HttpRequest) -> str | None:
    """Make sure this device has a log. Returns a NEW code to show once, or None if it had one."""
    return savecodes.ensure_area(request, AREA, _empty)


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
    entry = Entry(
        id=secrets.token_hex(4),
        when=when.replace(second=0, microsecond=0, tzinfo=None),
        kind=kind if kind in KINDS else "other",
        who=who,
        what=what,
        attachments=tuple(attachments),
        phrase=phrase,
    )

    def append(entries: list[Entry]) -> list[Entry]:
        return [*entries[-(MAX_ENTRIES - 1) :], entry]

    _edit(request, append)


def remove(request: HttpRequest, entry_id: str) -> bool:
    if not any(entry.id == entry_id for entry in _read(request)):
        return False
    _edit(request, lambda entries: [entry for entry in entries if entry.id != entry_id])
    return True
