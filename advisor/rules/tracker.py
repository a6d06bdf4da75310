"""Follow-through with each lender: the steps taken, the clock they start, the next step.

Pure Python, no Django. The borrower records steps per lender (a letter sent, a complaint
lodged, a reply, an agreement, a payment); editors keep the time limits (``Clock``) and the
escalation ladder (``Rung``) as sourced content. ``where_it_stands`` reads the steps against
both and says what to do next and from which day.

Counting days (as the court calculator, advisor.rules.deadlines): the day a period starts is
not counted (民法典 Art. 201), so a 15-day period from 1 March ends at the end of 16 March.
A clock counts either calendar days or working days. For working days we skip Saturdays and
Sundays only: we do not hold the official holiday calendar (it changes every year, with
swapped working days), so the date we show can only be earlier than the real one, never
later. A calendar-day deadline on a weekend is flagged, not moved.

>>> deadline(dt.date(2027, 1, 31), 15, Counting.CALENDAR)
datetime.date(2027, 2, 15)
>>> deadline(dt.date(2027, 3, 5), 5, Counting.WORKING)  # a Friday: Mon 8 … Fri 12
datetime.date(2027, 3, 12)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from advisor.rules.schedule import add_months, due_date

# A step more than this far back is almost certainly a typo; a step cannot be in the future.
OLDEST_STEP_DAYS = 3 * 366
# An agreed first payment may be at most this far ahead.
LATEST_FIRST_PAYMENT_DAYS = 366
MAX_AGREED_MONTHS = 120
REMIND_DAYS_BEFORE = 2


class Kind(StrEnum):
    LETTER = "letter"
    COMPLAINT = "complaint"
    REPLY = "reply"
    AGREEMENT = "agreement"
    PAYMENT = "payment"


class How(StrEnum):
    """How a letter went out."""

    APP = "app"
    EMS = "ems"
    EMAIL = "email"
    PHONE = "phone"


class To(StrEnum):
    """Where a complaint went (the rung codes of the ladder)."""

    LENDER = "lender"
    NFRA = "12378"
    LOCAL = "local-regulator"


class Said(StrEnum):
    """What the lender's reply said."""

    AGREED = "agreed"
    REFUSED = "refused"
    DOCUMENTS = "documents"
    NONE = "none"


class Counting(StrEnum):
    CALENDAR = "calendar"
    WORKING = "working"


class Next(StrEnum):
    """The next action, each shown with its own words by the page."""

    WRITE = "write"  # nothing recorded yet: write to the lender
    WAIT = "wait"  # a clock runs: the lender should answer by ``due``
    ESCALATE = "escalate"  # go to ``rung`` (from ``on``)
    SEND_DOCUMENTS = "send_documents"
    GET_IN_WRITING = "get_in_writing"  # agreed by reply: record the terms of the agreement
    PAY = "pay"  # an agreement: next payment on ``on``
    DONE = "done"  # every agreed payment recorded
    FOLLOW_UP = "follow_up"  # a complaint without a sourced clock: follow it up


class BadStepDate(ValueError):
    """A step's date is in the future or implausibly old (the message code is the str)."""


@dataclass(frozen=True)
class Step:
    """One thing the borrower did or received, with its date (typed text: escape when shown)."""

    id: str
    kind: Kind
    day: dt.date
    how: str = ""  # How, for letters
    reference: str = ""  # EMS number or complaint reference
    to: str = ""  # To, for complaints
    said: str = ""  # Said, for replies
    months: int | None = None  # agreement
    monthly: Decimal | None = None  # agreement
    interest_stopped: bool | None = None  # agreement
    first_due: dt.date | None = None  # agreement: the first payment's date
    amount: Decimal | None = None  # payment
    note: str = ""


@dataclass(frozen=True)
class Clock:
    """How long the lender (or office) has to answer a step, from editor content."""

    slug: str
    starts: str  # "letter" or a To value: the step that starts it
    days: int
    counting: Counting
    longest_days: int | None = None  # with every extension the rule allows


@dataclass(frozen=True)
class Rung:
    """One rung of the escalation ladder; ``small_loan`` None means every lender kind."""

    code: str
    order: int
    small_loan: bool | None = None


@dataclass(frozen=True)
class Standing:
    """Where one lender stands today."""

    next: Next
    on: dt.date | None = None  # the day the next action is due or possible
    due: dt.date | None = None  # the lender should answer by this day
    longest: dt.date | None = None  # … or by this day at the latest (with extensions)
    clock: Clock | None = None
    rung: str = ""  # the rung to go to (ESCALATE) or the one the clock runs on
    weekend: bool = False  # ``due`` falls on a Saturday or Sunday
    last: Step | None = None
    paid: int = 0
    agreement: Step | None = None
    overdue: bool = False  # the answer is late (past ``due``)


@dataclass(frozen=True)
class Reminder:
    uid: str
    day: dt.date
    next: Next
    rung: str = ""


@dataclass
class Ladder:
    """The rungs that apply to one lender kind, lowest first."""

    rungs: list[Rung] = field(default_factory=list)

    @classmethod
    def for_lender(cls, rungs: list[Rung], *, small_loan: bool) -> Ladder:
        fitting = [r for r in rungs if r.small_loan is None or r.small_loan == small_loan]
        return cls(sorted(fitting, key=lambda r: (r.order, r.code)))

    @property
    def codes(self) -> list[str]:
        return [r.code for r in self.rungs]

    def above(self, code: str) -> str:
        """The rung after ``code`` ("" at the top); the first rung for an unknown code."""
        codes = self.codes
        if code not in codes:
            return codes[0] if codes else ""
        index = codes.index(code)
        return codes[index + 1] if index + 1 < len(codes) else ""


def check_step_day(day: dt.date, *, today: dt.date) -> dt.date:
    """``day`` when it may be a step's date; raises BadStepDate("future" / "old")."""
    if day > today:
        raise BadStepDate("future")
    if (today - day).days > OLDEST_STEP_DAYS:
        raise BadStepDate("old")
    return day


def check_first_due(day: dt.date, *, agreed: dt.date) -> dt.date:
    """An agreed first payment date: not before the agreement, not more than a year after."""
    if day < agreed:
        raise BadStepDate("before_agreement")
    if (day - agreed).days > LATEST_FIRST_PAYMENT_DAYS:
        raise BadStepDate("far")
    return day


def deadline(start: dt.date, days: int, counting: Counting) -> dt.date:
    """The last day of ``days`` days counted from the day after ``start``."""
    if days < 1:
        raise ValueError(f"period of {days} days")
    if counting == Counting.CALENDAR:
        return start + dt.timedelta(days=days)
    day, left = start, days
    while left:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            left -= 1
    return day


def payment_due(first: dt.date, number: int) -> dt.date:
    """The date of agreed payment ``number`` (0 = the first), monthly on the first's day."""
    year, month = add_months(first.year, first.month, number)
    return due_date(year, month, first.day)


def default_first_due(agreed: dt.date) -> dt.date:
    """One month after the agreement (the month's last day when it is shorter)."""
    return payment_due(agreed, 1)


def _clock_for(step: Step, clocks: list[Clock]) -> Clock | None:
    starts = "letter" if step.kind == Kind.LETTER else step.to
    return next((clock for clock in clocks if clock.starts == starts), None)


def _rung_of(step: Step) -> str:
    """The ladder rung a letter or complaint stands on (a letter is before the first rung)."""
    return step.to if step.kind == Kind.COMPLAINT else ""


def _escalate(ladder: Ladder, asked: Step | None, on: dt.date, last: Step) -> Standing:
    current = _rung_of(asked) if asked else ""
    target = ladder.above(current) if current else (ladder.codes[0] if ladder.codes else "")
    if not target:
        return Standing(Next.FOLLOW_UP, on=on, rung=current, last=last)
    return Standing(Next.ESCALATE, on=on, rung=target, last=last)


def where_it_stands(
    steps: list[Step], clocks: list[Clock], ladder: Ladder, *, today: dt.date
) -> Standing:
    """The next action for one lender, from its steps (any order) and the rules."""
    ordered = sorted(steps, key=lambda s: (s.day, list(Kind).index(s.kind)))
    if not ordered:
        return Standing(Next.WRITE, on=today)
    agreement = next((s for s in reversed(ordered) if s.kind == Kind.AGREEMENT), None)
    if agreement is not None:
        paid = sum(1 for s in ordered if s.kind == Kind.PAYMENT and s.day >= agreement.day)
        months = agreement.months or 0
        last = ordered[-1]
        if months and paid >= months:
            return Standing(Next.DONE, last=last, paid=paid, agreement=agreement)
        # Without an agreed first date, payments fall monthly on the agreement's own day
        # (31 October gives 30 November, then 31 December: the day does not drift).
        on = (
            payment_due(agreement.first_due, paid)
            if agreement.first_due
            else payment_due(agreement.day, paid + 1)
        )
        return Standing(Next.PAY, on=on, last=last, paid=paid, agreement=agreement)
    asked = next((s for s in reversed(ordered) if s.kind in (Kind.LETTER, Kind.COMPLAINT)), None)
    reply = next((s for s in reversed(ordered) if s.kind == Kind.REPLY), None)
    last = ordered[-1]
    if reply is not None and (asked is None or reply.day >= asked.day):
        if reply.said == Said.AGREED:
            return Standing(Next.GET_IN_WRITING, on=today, last=last)
        if reply.said == Said.DOCUMENTS:
            return Standing(Next.SEND_DOCUMENTS, on=today, last=last)
        return _escalate(ladder, asked, today, last)
    if asked is None:
        return Standing(Next.WRITE, on=today, last=last)
    clock = _clock_for(asked, clocks)
    if clock is None:
        return Standing(Next.FOLLOW_UP, on=None, rung=_rung_of(asked), last=last)
    due = deadline(asked.day, clock.days, clock.counting)
    longest = (
        deadline(asked.day, clock.longest_days, clock.counting)
        if clock.longest_days and clock.longest_days > clock.days
        else None
    )
    after = due + dt.timedelta(days=1)
    if today <= due:
        return Standing(
            Next.WAIT,
            on=after,
            due=due,
            longest=longest,
            clock=clock,
            rung=_escalate(ladder, asked, after, last).rung,
            weekend=due.weekday() >= 5,
            last=last,
        )
    escalation = _escalate(ladder, asked, after, last)
    return Standing(
        escalation.next,
        on=after,
        due=due,
        longest=longest,
        clock=clock,
        rung=escalation.rung,
        weekend=due.weekday() >= 5,
        last=last,
        overdue=True,
    )


def reminders(lender_id: str, standing: Standing, *, today: dt.date) -> list[Reminder]:
    """Calendar reminders for one lender: the answer-by day and the next action's day."""
    found: list[Reminder] = []
    if standing.due is not None and standing.due >= today:
        found.append(Reminder(f"{lender_id}-due-{standing.due:%Y%m%d}", standing.due, Next.WAIT))
    if standing.on is not None and standing.on > today and standing.next != Next.WAIT:
        found.append(
            Reminder(
                f"{lender_id}-{standing.next}-{standing.on:%Y%m%d}",
                standing.on,
                standing.next,
                standing.rung,
            )
        )
    elif standing.next == Next.WAIT and standing.on is not None:
        found.append(
            Reminder(
                f"{lender_id}-escalate-{standing.on:%Y%m%d}",
                standing.on,
                Next.ESCALATE,
                standing.rung,
            )
        )
    return found
