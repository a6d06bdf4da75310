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

    The text names lenders and amounts only. A lender's agreed arrangement keeps its own
    dates (they need not fall on the plan's pay day), so payments are grouped by date.
    """
    cal = new_calendar("Repayment plan", _("还款计划"))
    now = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    by_day: dict[dt.date, list[tuple[int, str, Decimal]]] = {}
    for schedule in plan.schedules:
        mark = _("（已约定）") if schedule.agreed is not None else ""
        for payment in schedule.payments:
            by_day.setdefault(payment.date, []).append(
                (payment.number, schedule.debt.lender_name + mark, payment.amount)
            )
    for day in sorted(by_day):
        items = by_day[day]
        number = min(n for n, _name, _amount in items)
        total = sum((amount for _n, _name, amount in items), Decimal("0.00"))
        summary = _("第 %(n)s 期还款 %(amount)s") % {"n": number, "amount": format_yuan(total)}
        lines = [f"{name}：{format_yuan(amount)}" for _n, name, amount in items]
        add_event(
            cal,
            uid=f"plan-{number}-{day:%Y%m%d}",
            day=day,
            summary=summary,
            description="\n".join(lines),
            stamp=now,
        )
    return cal.to_ical()
