"""What the ticks on the door and scam checklists mean. No Django here.

The door checklist mixes steps the borrower has done (``red_flag=False``) with things they
saw (``red_flag=True``). The verdict is deliberately cautious: a visit only "looks genuine"
when nothing alarming was seen AND the lender, on a number the borrower looked up, said the
account is with an outside agency and named the visitor's company. (No source says a hotline
can confirm one particular visit, so we never ask for that.) Anything else keeps the door shut.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

# Item codes the program relies on (editors must keep these codes; see the seed).
CONFIRMED_BY_LENDER = "called-lender"
CALL_POLICE_NOW = frozenset({"rf-threats", "rf-refuse-leave", "rf-fake-authority"})


class DoorVerdict(StrEnum):
    CALL_POLICE = "call_police"  # threats, refusing to leave, posing as police: call 110 now
    RED_FLAGS = "red_flags"  # something is wrong: don't deal with them
    LOOKS_GENUINE = "looks_genuine"  # lender named the agency, nothing alarming seen
    NOT_VERIFIED = "not_verified"  # not checked yet: keep the door shut


@dataclass(frozen=True)
class DoorResult:
    verdict: DoorVerdict
    red_flags: tuple[str, ...]  # codes of the red flags ticked, in checklist order


def door_verdict(ticked: Iterable[str], red_flag_codes: Iterable[str]) -> DoorResult:
    """The verdict for the ticked item codes, given which codes (in order) are red flags.

    >>> door_verdict({"called-lender"}, ["rf-threats"]).verdict
    <DoorVerdict.LOOKS_GENUINE: 'looks_genuine'>
    >>> door_verdict({"called-lender", "rf-threats"}, ["rf-threats"]).verdict
    <DoorVerdict.CALL_POLICE: 'call_police'>
    """
    chosen = set(ticked)
    flags = tuple(code for code in red_flag_codes if code in chosen)
    if chosen & CALL_POLICE_NOW & set(flags):
        verdict = DoorVerdict.CALL_POLICE
    elif flags:
        verdict = DoorVerdict.RED_FLAGS
    elif CONFIRMED_BY_LENDER in chosen:
        verdict = DoorVerdict.LOOKS_GENUINE
    else:
        verdict = DoorVerdict.NOT_VERIFIED
    return DoorResult(verdict, flags)


def clean_codes(submitted: Iterable[object], known: Iterable[str]) -> list[str]:
    """Only known item codes, once each, in checklist order (tampered input is dropped)."""
    chosen = {code for code in submitted if isinstance(code, str)}
    return [code for code in known if code in chosen]


def is_night(moment: dt.datetime) -> bool:
    """22:00-08:00, when collection without consent is ruled out (CBA 2026; GB/T reportedly).

    >>> is_night(dt.datetime(2026, 11, 23, 22, 0))
    True
    >>> is_night(dt.datetime(2026, 11, 23, 8, 0))
    False
    """
    return moment.hour >= 22 or moment.hour < 8
