"""The door verdict and small helpers (pure, no database)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from advisor.rules.door import (
    CALL_POLICE_NOW,
    CONFIRMED_BY_LENDER,
    DoorVerdict,
    clean_codes,
    door_verdict,
    is_night,
)

FLAGS = [
    "rf-pay-personal",
    "rf-asks-documents",
    "rf-cannot-verify",
    *sorted(CALL_POLICE_NOW),
    "rf-night",
]
STEPS = ["door-closed", "asked-identity", "asked-papers", CONFIRMED_BY_LENDER, "pay-official"]


@given(st.sets(st.sampled_from(STEPS + FLAGS)))
def test_any_red_flag_means_never_genuine(ticked: set[str]) -> None:
    result = door_verdict(ticked, FLAGS)
    if ticked & set(FLAGS):
        assert result.verdict in {DoorVerdict.RED_FLAGS, DoorVerdict.CALL_POLICE}
        assert set(result.red_flags) == ticked & set(FLAGS)
    else:
        assert result.red_flags == ()


@given(st.sets(st.sampled_from(STEPS)))
def test_genuine_only_when_the_lender_confirmed(ticked: set[str]) -> None:
    verdict = door_verdict(ticked, FLAGS).verdict
    expected = (
        DoorVerdict.LOOKS_GENUINE if CONFIRMED_BY_LENDER in ticked else DoorVerdict.NOT_VERIFIED
    )
    assert verdict == expected


def test_threats_refusing_to_leave_or_posing_as_police_mean_call_110() -> None:
    for code in CALL_POLICE_NOW:
        assert door_verdict({code, CONFIRMED_BY_LENDER}, FLAGS).verdict == DoorVerdict.CALL_POLICE
    assert door_verdict({"rf-night"}, FLAGS).verdict == DoorVerdict.RED_FLAGS


def test_red_flags_come_back_in_checklist_order() -> None:
    assert door_verdict({"rf-night", "rf-pay-personal"}, FLAGS).red_flags == (
        "rf-pay-personal",
        "rf-night",
    )


def test_unknown_codes_are_dropped() -> None:
    assert clean_codes(["x", "b", "a", "b"], ["a", "b", "c"]) == ["a", "b"]


def test_non_string_items_from_a_tampered_session_are_dropped() -> None:
    assert clean_codes(["b", ["a"], {"c": 1}, 3, None], ["a", "b", "c"]) == ["b"]


def test_night_is_22_to_8() -> None:
    day = dt.date(2026, 11, 23)
    hours = {h: is_night(dt.datetime.combine(day, dt.time(h, 30))) for h in range(24)}
    assert [h for h, night in hours.items() if night] == [0, 1, 2, 3, 4, 5, 6, 7, 22, 23]
    assert is_night(dt.datetime.combine(day, dt.time(21, 59))) is False
