"""The follow-through tracker, kept like the evidence log: only encrypted under the save code.

Area "tracker" of the save-code bundle (advisor.savecodes), under the same code as the
evidence log; nothing from it goes into the session, another table or a log line. Bundles
unused for 90 days are deleted by ``purge_saved``; "erase my data" deletes the bundle at once.
The rules (clocks, ladder, next step) are in advisor.rules.tracker; this module only reads and
writes. Stored shape::

    {"format": 1,
     "lenders": [{"id": "1a2b3c4d", "name": "…", "lender": "webank", "small_loan": false,
                  "steps": [{"id": "…", "kind": "letter", "day": "2026-11-23", "how": "ems",
                             "reference": "…", "to": "", "said": "", "months": null,
                             "monthly": null, "interest_stopped": null, "first_due": null,
                             "amount": null, "note": "…"}, …]}, …]}

A step or lender that does not parse is left out rather than breaking the page.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from typing import Any

from django.http import HttpRequest

from advisor import content, savecodes
from advisor.rules.tracker import Kind, Step

AREA = "tracker"
FORMAT = 1
MAX_LENDERS = 30
MAX_STEPS = 200


NoTracker = savecodes.NoBundle  # no save code on this device, or it opens nothing


@dataclass(frozen=True)
class Followed:
    """One lender the borrower follows up with (``name`` is typed text: escape it)."""

    id: str
    name: str
    lender: str = ""  # slug of a content Lender, or ""
    small_loan: bool = False
    steps: tuple[Step, ...] = field(default_factory=tuple)

    def stored(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "lender": self.lender,
            "small_loan": self.small_loan,
            "steps": [_stored_step(step) for step in self.steps],
        }


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _day(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _money(value: object) -> Decimal | None:
    try:
        return Decimal(value) if isinstance(value, str) else None
    except InvalidOperation:
        return None


def _stored_step(step: Step) -> dict[str, Any]:
    return {
        "id": step.id,
        "kind": str(step.kind),
        "day": step.day.isoformat(),
        "how": step.how,
        "reference": step.reference,
        "to": step.to,
        "said": step.said,
        "months": step.months,
        "monthly": None if step.monthly is None else str(step.monthly),
        "interest_stopped": step.interest_stopped,
        "first_due": None if step.first_due is None else step.first_due.isoformat(),
        "amount": None if step.amount is None else str(step.amount),
        "note": step.note,
    }


def _parse_step(stored: object) -> Step | None:
    if not isinstance(stored, dict):
        return None
    day, kind, step_id = _day(stored.get("day")), stored.get("kind"), stored.get("id")
    if day is None or kind not in set(Kind) or not isinstance(step_id, str) or not step_id:
        return None
    months, stopped = stored.get("months"), stored.get("interest_stopped")
    return Step(
        id=step_id,
        kind=Kind(kind),
        day=day,
        how=_text(stored.get("how")),
        reference=_text(stored.get("reference")),
        to=_text(stored.get("to")),
        said=_text(stored.get("said")),
        months=months if isinstance(months, int) and not isinstance(months, bool) else None,
        monthly=_money(stored.get("monthly")),
        interest_stopped=stopped if isinstance(stopped, bool) else None,
        first_due=_day(stored.get("first_due")),
        amount=_money(stored.get("amount")),
        note=_text(stored.get("note")),
    )


def _parse(stored: object) -> Followed | None:
    if not isinstance(stored, dict):
        return None
    lender_id, name = stored.get("id"), stored.get("name")
    if not isinstance(lender_id, str) or not lender_id or not isinstance(name, str):
        return None
    raw = stored.get("steps")
    steps = (_parse_step(item) for item in (raw if isinstance(raw, list) else []))
    return Followed(
        id=lender_id,
        name=name,
        lender=_text(stored.get("lender")),
        small_loan=stored.get("small_loan") is True,
        steps=tuple(sorted((s for s in steps if s is not None), key=lambda s: s.day)),
    )


def _lenders_of(area: object) -> list[Followed]:
    raw = area.get("lenders") if isinstance(area, dict) else None
    parsed = (_parse(item) for item in (raw if isinstance(raw, list) else []))
    return [item for item in parsed if item is not None]


def _empty() -> dict[str, Any]:
    return {"format": FORMAT, "lenders": []}


def _named(item: Followed) -> Followed:
    """A lender from the content list goes by its name in the active language (the name kept
    is the one shown when it was added, in the language of that page)."""
    known = content.lender(item.lender) if item.lender else None
    return replace(item, name=known.label) if known is not None else item


def lenders(request: HttpRequest) -> list[Followed]:
    """Every followed lender (decrypted once a request); raises NoTracker without a code."""
    return [_named(item) for item in savecodes.read_area(request, AREA, _lenders_of)]


def load_lenders(request: HttpRequest) -> list[Followed]:
    """Every followed lender, or [] when this device has no save code."""
    try:
        return lenders(request)
    except NoTracker:
        return []


def has_tracker(request: HttpRequest) -> bool:
    try:
        lenders(request)
    except NoTracker:
        return False
    return True


def start(request: HttpRequest) -> str | None:
    """Make sure this device's bundle has a tracker; a NEW code to show once, or None."""
    return savecodes.ensure_area(request, AREA, _empty)


def _edit(request: HttpRequest, edit: Callable[[list[Followed]], list[Followed]]) -> None:
    def stored(found: list[Followed]) -> dict[str, Any]:
        return {"format": FORMAT, "lenders": [item.stored() for item in edit(found)]}

    savecodes.edit_area(request, AREA, _lenders_of, stored)


def new_id() -> str:
    return secrets.token_hex(4)


def add_lender(request: HttpRequest, *, name: str, lender: str, small_loan: bool) -> str:
    item = Followed(id=new_id(), name=name, lender=lender, small_loan=small_loan)
    _edit(request, lambda found: [*found, item][-MAX_LENDERS:])
    return item.id


def remove_lender(request: HttpRequest, lender_id: str) -> None:
    _edit(request, lambda found: [item for item in found if item.id != lender_id])


def add_step(request: HttpRequest, lender_id: str, step: Step) -> bool:
    """Add ``step`` to one lender; False when that lender is not (or no longer) there."""
    if not any(item.id == lender_id for item in lenders(request)):
        return False

    def append(found: list[Followed]) -> list[Followed]:
        return [
            replace(item, steps=(*item.steps, step)[-MAX_STEPS:]) if item.id == lender_id else item
            for item in found
        ]

    _edit(request, append)
    return True


def remove_step(request: HttpRequest, lender_id: str, step_id: str) -> None:
    def drop(found: list[Followed]) -> list[Followed]:
        return [
            replace(item, steps=tuple(s for s in item.steps if s.id != step_id))
            if item.id == lender_id
            else item
            for item in found
        ]

    _edit(request, drop)


def agreed_terms(request: HttpRequest) -> dict[str, Step]:
    """The latest agreement per lender, keyed by the content Lender's slug (typed names left out).

    For the plan and the 收支说明 to show an agreed arrangement instead of their own proposal
    for that lender; nothing calls it yet (the plan's figures were being rewritten).
    """
    found: dict[str, Step] = {}
    for item in load_lenders(request):
        agreements = [step for step in item.steps if step.kind == Kind.AGREEMENT]
        if item.lender and agreements:
            found[item.lender] = max(agreements, key=lambda step: step.day)
    return found
