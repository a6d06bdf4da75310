"""Payment dates (advisor/rules/schedule.py): month ends and leap years."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.rules.schedule import due_date, first_due, payment_dates

d = dt.date


def test_pay_day_31_falls_on_the_last_day_of_shorter_months_and_comes_back() -> None:
    assert payment_dates(d(2027, 1, 31), 5, pay_day=31) == [
        d(2027, 1, 31),
        d(2027, 2, 28),
        d(2027, 3, 31),
        d(2027, 4, 30),
        d(2027, 5, 31),
    ]


def test_leap_years_get_the_29th_of_february() -> None:
    assert due_date(2028, 2, 31) == d(2028, 2, 29)
    assert due_date(2028, 2, 30) == d(2028, 2, 29)
    assert due_date(2100, 2, 29) == d(2100, 2, 28)  # 2100 is not a leap year
    assert due_date(2000, 2, 29) == d(2000, 2, 29)  # 2000 is


def test_dates_run_across_the_year_end() -> None:
    assert payment_dates(d(2027, 11, 30), 4, pay_day=30) == [
        d(2027, 11, 30),
        d(2027, 12, 30),
        d(2028, 1, 30),
        d(2028, 2, 29),
    ]


def test_the_first_payment_leaves_time_to_send_the_proposal() -> None:
    assert first_due(d(2026, 11, 23), 25) == d(2026, 12, 25)
    assert first_due(d(2026, 11, 1), 25) == d(2026, 11, 25)
    assert first_due(d(2027, 1, 20), 31) == d(2027, 2, 28)


def test_an_impossible_pay_day_is_refused() -> None:
    with pytest.raises(ValueError):
        due_date(2027, 1, 0)
    with pytest.raises(ValueError):
        due_date(2027, 1, 32)


@given(
    st.dates(min_value=d(2000, 1, 1), max_value=d(2090, 12, 1)),
    st.integers(min_value=1, max_value=31),
    st.integers(min_value=1, max_value=72),
)
@settings(deadline=None)  # no timing assertions: the machine may be busy
def test_one_date_a_month_never_later_than_the_pay_day(
    start: dt.date, pay_day: int, count: int
) -> None:
    first = due_date(start.year, start.month, pay_day)
    dates = payment_dates(first, count, pay_day=pay_day)
    assert len(dates) == count
    for earlier, later in zip(dates, dates[1:], strict=False):
        assert (later.year * 12 + later.month) - (earlier.year * 12 + earlier.month) == 1
    for day in dates:
        assert day.day == pay_day or (day + dt.timedelta(days=1)).day == 1
