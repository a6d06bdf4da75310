"""Court deadlines from the day a paper was served: the day itself is not counted."""

from __future__ import annotations

import datetime as dt

import pytest

from advisor.rules import deadlines

D = dt.date
TODAY = D(2026, 12, 3)


@pytest.mark.parametrize(
    ("served", "days", "last_day"),
    [
        (D(2026, 3, 1), 15, D(2026, 3, 16)),  # counting starts on 2 March
        (D(2026, 1, 31), 15, D(2026, 2, 15)),  # across a month end
        (D(2026, 2, 14), 15, D(2026, 3, 1)),  # February has 28 days in 2026
        (D(2028, 2, 14), 15, D(2028, 2, 29)),  # ... and 29 in 2028
        (D(2026, 4, 30), 10, D(2026, 5, 10)),  # a ruling: 10 days
        (D(2026, 12, 20), 15, D(2027, 1, 4)),  # across a year end
        (D(2026, 8, 31), 15, D(2026, 9, 15)),
    ],
)
def test_last_day_is_served_plus_the_period(served: dt.date, days: int, last_day: dt.date) -> None:
    due = deadlines.deadline(served, days, today=served)
    assert due.last_day == last_day
    assert due.first_counted_day == served + dt.timedelta(days=1)
    assert due.days_left == days


def test_a_last_day_on_a_weekend_is_flagged_and_never_moved() -> None:
    due = deadlines.deadline(D(2026, 2, 24), 15, today=D(2026, 2, 24))
    assert due.last_day == D(2026, 3, 11)  # a Wednesday
    assert not due.weekend
    saturday = deadlines.deadline(D(2026, 2, 27), 15, today=D(2026, 2, 27))
    assert saturday.last_day == D(2026, 3, 14) and saturday.last_day.weekday() == 5
    assert saturday.weekend
    sunday = deadlines.deadline(D(2026, 2, 28), 15, today=D(2026, 2, 28))
    assert sunday.last_day == D(2026, 3, 15) and sunday.weekend


def test_reminder_is_three_days_before_but_never_before_the_paper_arrived() -> None:
    assert deadlines.deadline(D(2026, 3, 1), 15, today=TODAY).remind_on == D(2026, 3, 13)
    assert deadlines.deadline(D(2026, 3, 1), 2, today=TODAY).remind_on == D(2026, 3, 1)


def test_days_left_goes_negative_once_the_period_has_passed() -> None:
    due = deadlines.deadline(D(2026, 11, 1), 15, today=TODAY)
    assert due.last_day == D(2026, 11, 16)
    assert due.passed and due.days_left == -17
    today = deadlines.deadline(D(2026, 11, 18), 15, today=TODAY)
    assert today.days_left == 0 and not today.passed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-01", D(2026, 3, 1)),
        (" 2026/3/1 ", D(2026, 3, 1)),
        ("2026.03.01", D(2026, 3, 1)),
        ("20260301", D(2026, 3, 1)),
        ("2026-12-03", TODAY),
    ],
)
def test_served_dates_in_common_shapes(text: str, expected: dt.date) -> None:
    assert deadlines.parse_served(text, today=TODAY) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("2026-02-30", "format"),
        ("03/01/2026", "format"),
        ("<script>", "format"),
        ("2026-12-04", "future"),
        ("2025-12-01", "old"),
        ("9" * 500, "format"),
    ],
)
def test_bad_served_dates_are_refused_with_a_reason(text: str, reason: str) -> None:
    with pytest.raises(deadlines.BadDate) as problem:
        deadlines.parse_served(text, today=TODAY)
    assert str(problem.value) == reason


@pytest.mark.parametrize("days", [0, -1, 367])
def test_impossible_periods_are_refused(days: int) -> None:
    with pytest.raises(ValueError):
        deadlines.deadline(TODAY, days, today=TODAY)
