"""Payment dates. Pure Python, no Django.

A borrower picks a pay day (1 to 31). In a month that is too short for it, the payment falls
on the month's last day: pay day 31 gives 31 Jan, 28 Feb (29 Feb in a leap year), 31 Mar,
30 Apr … The day does not drift: after February it goes back to the 31st.

>>> due_date(2027, 2, 31)
datetime.date(2027, 2, 28)
>>> payment_dates(dt.date(2027, 12, 31), 3, pay_day=31)
[datetime.date(2027, 12, 31), datetime.date(2028, 1, 31), datetime.date(2028, 2, 29)]
"""

from __future__ import annotations

import calendar
import datetime as dt

MIN_NOTICE_DAYS = 14  # time to send a proposal before the first payment falls due


def due_date(year: int, month: int, pay_day: int) -> dt.date:
    """The pay day in that month, or the month's last day when the month is shorter."""
    if not 1 <= pay_day <= 31:
        raise ValueError("pay_day must be between 1 and 31")
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(pay_day, last))


def add_months(year: int, month: int, count: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + count
    return index // 12, index % 12 + 1


def payment_dates(first: dt.date, count: int, *, pay_day: int | None = None) -> list[dt.date]:
    """``count`` monthly dates from ``first``, on ``pay_day`` (default: ``first.day``)."""
    if count < 0:
        raise ValueError("count must not be negative")
    day = pay_day or first.day
    return [due_date(*add_months(first.year, first.month, n), day) for n in range(count)]


def first_due(today: dt.date, pay_day: int, *, notice_days: int = MIN_NOTICE_DAYS) -> dt.date:
    """The first pay day at least ``notice_days`` after today."""
    year, month = today.year, today.month
    while True:
        candidate = due_date(year, month, pay_day)
        if (candidate - today).days >= notice_days:
            return candidate
        year, month = add_months(year, month, 1)
