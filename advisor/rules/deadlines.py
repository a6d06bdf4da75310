"""Court deadlines counted from the day a paper was served (no Django).

The rule (民事诉讼法 2023, Art. 85): the day a period starts is not counted, so a 15-day
period for a paper served on 1 March ends at the end of 16 March. Plain calendar arithmetic
handles month ends, year ends and leap years (31 January + 15 days = 15 February).

When the last day is a statutory rest day (法定休假日) the same article moves the end to the
first day after it. We do not hold the official holiday calendar (it changes every year, with
swapped working days), so we never move the date ourselves: we show the plain date, flag a
Saturday or Sunday, and tell the borrower to act before it and let the court's notice decide.
Showing the earlier date can only make someone early, never late.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

REMIND_DAYS_BEFORE = 3
# A served date further back than this is almost certainly a typo (or long past any period).
OLDEST_SERVED_DAYS = 366
MAX_PERIOD_DAYS = 366


class BadDate(ValueError):
    """The served date is missing, malformed, in the future or implausibly old."""


@dataclass(frozen=True)
class Deadline:
    served: dt.date
    days: int
    last_day: dt.date
    remind_on: dt.date
    days_left: int  # from today to the last day; negative once it has passed
    weekend: bool  # the last day is a Saturday or Sunday

    @property
    def passed(self) -> bool:
        return self.days_left < 0

    @property
    def first_counted_day(self) -> dt.date:
        return self.served + dt.timedelta(days=1)


def parse_served(text: str, *, today: dt.date) -> dt.date:
    """A served date typed as 2026-03-01 (also 2026/3/1, 2026.3.1, 20260301)."""
    value = (text or "").strip()
    if not value:
        raise BadDate("empty")
    if len(value) > 20:
        raise BadDate("format")
    day = None
    for fmt in ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y%m%d"):
        try:
            day = dt.datetime.strptime(value, fmt).date()
            break
        except ValueError:
            continue
    if day is None:
        raise BadDate("format")
    if day > today:
        raise BadDate("future")
    if (today - day).days > OLDEST_SERVED_DAYS:
        raise BadDate("old")
    return day


def is_period(days: int | None) -> bool:
    """True for a period this calculator counts (1 to MAX_PERIOD_DAYS days)."""
    return days is not None and 0 < days <= MAX_PERIOD_DAYS


def deadline(served: dt.date, days: int, *, today: dt.date) -> Deadline:
    """The last day of a period of ``days`` days that starts the day after ``served``."""
    if not is_period(days):
        raise ValueError(f"period of {days} days")
    last_day = served + dt.timedelta(days=days)
    remind_on = max(last_day - dt.timedelta(days=REMIND_DAYS_BEFORE), served)
    return Deadline(
        served=served,
        days=days,
        last_day=last_day,
        remind_on=remind_on,
        days_left=(last_day - today).days,
        weekend=last_day.weekday() >= 5,
    )
