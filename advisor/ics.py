"""The repayment plan as an .ics calendar: one event per payment date, a reminder the day before."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import icalendar
from django.utils.translation import gettext as _

from advisor.rules.money import format_yuan
from advisor.rules.plan import Plan

REMINDER_HOUR_UTC = 1  # 09:00 in China (UTC+8), no daylight saving


def new_calendar(prodid: str, name: str = "") -> icalendar.Calendar:
    cal = icalendar.Calendar()
    cal.add("prodid", f"-//Borrower Help//{prodid}//ZH")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if name:
        cal.add("x-wr-calname", name)
    return cal


def add_event(
    cal: icalendar.Calendar,
    *,
    uid: str,
    day: dt.date,
    summary: str,
    description: str,
    stamp: dt.datetime,
    remind_days_before: tuple[int, ...] = (1,),
) -> None:
    """A 30-minute event at 09:00 Beijing time on ``day``, with reminders days before.

    Times are written in UTC (09:00 Beijing time = 01:00Z) so every phone calendar reads
    them the same way without a time-zone block.
    """
    start = dt.datetime(day.year, day.month, day.day, REMINDER_HOUR_UTC, tzinfo=dt.UTC)
    event = icalendar.Event()
    event.add("uid", f"{uid}@borrower-help")
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    event.add("dtend", start + dt.timedelta(minutes=30))
    event.add("summary", summary)
    event.add("description", description)
    for days in sorted(set(remind_days_before), reverse=True):
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", summary)
        alarm.add("trigger", dt.timedelta(days=-days))
        event.add_component(alarm)
    cal.add_component(event)


def calendar(plan: Plan, *, stamp: dt.datetime | None = None) -> bytes:
    """An .ics file with one event per payment date and a reminder the day before.

    The text names lenders and amounts only.
    """
    cal = new_calendar("Repayment plan", _("还款计划"))
    now = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    by_month: dict[int, list[tuple[str, Decimal, dt.date]]] = {}
    for schedule in plan.schedules:
        for payment in schedule.payments:
            by_month.setdefault(payment.number, []).append(
                (schedule.debt.lender_name, payment.amount, payment.date)
            )
    for number in sorted(by_month):
        items = by_month[number]
        day = items[0][2]
        total = sum((amount for _name, amount, _d in items), Decimal("0.00"))
        summary = _("第 %(n)s 期还款 %(amount)s") % {"n": number, "amount": format_yuan(total)}
        lines = [f"{name}：{format_yuan(amount)}" for name, amount, _d in items]
        add_event(
            cal,
            uid=f"plan-{number}-{day:%Y%m%d}",
            day=day,
            summary=summary,
            description="\n".join(lines),
            stamp=now,
        )
    return cal.to_ical()
