"""advisor.rules.tracker: day counting, the ladder and the next step (pure, no database)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advisor.rules.tracker import (
    OLDEST_STEP_DAYS,
    BadStepDate,
    Clock,
    Counting,
    Kind,
    Ladder,
    Next,
    Rung,
    Said,
    Step,
    To,
    check_first_due,
    check_step_day,
    deadline,
    default_first_due,
    payment_due,
    reminders,
    where_it_stands,
)

DAYS = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2035, 12, 31))
RUNGS = [
    Rung("lender", 10),
    Rung("12378", 20, small_loan=False),
    Rung("local-regulator", 20, small_loan=True),
    Rung("mediation", 30),
    Rung("court", 40),
]
CLOCKS = [
    Clock("after-letter", "letter", 15, Counting.CALENDAR),
    Clock("lender-complaint", "lender", 15, Counting.CALENDAR, longest_days=60),
]


def step(kind: Kind, day: dt.date, **more: object) -> Step:
    return Step(id=f"{kind}-{day:%m%d}", kind=kind, day=day, **more)  # type: ignore[arg-type]


@given(DAYS, st.integers(min_value=1, max_value=366))
def test_calendar_days_do_not_count_the_first_day(start: dt.date, days: int) -> None:
    assert deadline(start, days, Counting.CALENDAR) == start + dt.timedelta(days=days)


@given(DAYS, st.integers(min_value=1, max_value=120))
def test_working_days_skip_weekends_and_end_on_a_working_day(start: dt.date, days: int) -> None:
    last = deadline(start, days, Counting.WORKING)
    assert last.weekday() < 5
    counted = [
        start + dt.timedelta(days=n)
        for n in range(1, (last - start).days + 1)
        if (start + dt.timedelta(days=n)).weekday() < 5
    ]
    assert len(counted) == days
    assert last >= deadline(start, days, Counting.CALENDAR)  # never earlier than calendar days


@pytest.mark.parametrize(
    ("start", "days", "counting", "last"),
    [
        (dt.date(2027, 1, 31), 15, Counting.CALENDAR, dt.date(2027, 2, 15)),
        (dt.date(2028, 2, 20), 15, Counting.CALENDAR, dt.date(2028, 3, 6)),  # leap year
        (dt.date(2026, 12, 20), 15, Counting.CALENDAR, dt.date(2027, 1, 4)),  # year end
        (dt.date(2026, 11, 27), 1, Counting.WORKING, dt.date(2026, 11, 30)),  # Fri -> Mon
        (dt.date(2026, 11, 28), 1, Counting.WORKING, dt.date(2026, 11, 30)),  # Sat -> Mon
        (dt.date(2026, 12, 25), 5, Counting.WORKING, dt.date(2027, 1, 1)),
    ],
)
def test_deadlines_across_month_ends_and_weekends(
    start: dt.date, days: int, counting: Counting, last: dt.date
) -> None:
    assert deadline(start, days, counting) == last


def test_a_period_must_have_days() -> None:
    with pytest.raises(ValueError, match="period"):
        deadline(dt.date(2026, 1, 1), 0, Counting.CALENDAR)


@given(DAYS, st.integers(min_value=0, max_value=130))
def test_agreed_payments_keep_their_day_and_fall_on_short_months_last_day(
    first: dt.date, number: int
) -> None:
    due = payment_due(first, number)
    months = (due.year - first.year) * 12 + due.month - first.month
    assert months == number
    assert due.day == first.day or (due.day < first.day and (due + dt.timedelta(days=1)).day == 1)


def test_the_default_first_payment_is_a_month_after_the_agreement() -> None:
    assert default_first_due(dt.date(2027, 1, 31)) == dt.date(2027, 2, 28)
    assert default_first_due(dt.date(2027, 12, 15)) == dt.date(2028, 1, 15)


def test_step_dates_in_the_future_or_years_back_are_refused() -> None:
    today = dt.date(2026, 11, 23)
    assert check_step_day(today, today=today) == today
    with pytest.raises(BadStepDate, match="future"):
        check_step_day(today + dt.timedelta(days=1), today=today)
    with pytest.raises(BadStepDate, match="old"):
        check_step_day(today - dt.timedelta(days=OLDEST_STEP_DAYS + 1), today=today)
    with pytest.raises(BadStepDate, match="before_agreement"):
        check_first_due(today - dt.timedelta(days=1), agreed=today)
    with pytest.raises(BadStepDate, match="far"):
        check_first_due(today + dt.timedelta(days=400), agreed=today)


def test_the_ladder_follows_the_lender_kind() -> None:
    bank = Ladder.for_lender(RUNGS, small_loan=False)
    small = Ladder.for_lender(RUNGS, small_loan=True)
    assert bank.codes == ["lender", "12378", "mediation", "court"]
    assert small.codes == ["lender", "local-regulator", "mediation", "court"]
    assert bank.above("lender") == "12378" and small.above("lender") == "local-regulator"
    assert bank.above("court") == ""
    assert bank.above("unknown") == "lender"


BANK = Ladder.for_lender(RUNGS, small_loan=False)
SENT = dt.date(2026, 10, 1)


@pytest.mark.parametrize(
    ("steps", "today", "expected"),
    [
        ([], SENT, (Next.WRITE, SENT, "")),
        (
            [step(Kind.LETTER, SENT, how="ems")],
            dt.date(2026, 10, 16),
            (Next.WAIT, dt.date(2026, 10, 17), "lender"),
        ),
        (
            [step(Kind.LETTER, SENT, how="ems")],
            dt.date(2026, 10, 17),
            (Next.ESCALATE, dt.date(2026, 10, 17), "lender"),
        ),
        (
            [step(Kind.COMPLAINT, SENT, to=To.LENDER)],
            dt.date(2026, 10, 20),
            (Next.ESCALATE, dt.date(2026, 10, 17), "12378"),
        ),
        (
            [step(Kind.COMPLAINT, SENT, to=To.NFRA)],
            dt.date(2026, 10, 20),
            (Next.FOLLOW_UP, None, "12378"),
        ),
        (
            [step(Kind.LETTER, SENT), step(Kind.REPLY, dt.date(2026, 10, 5), said=Said.REFUSED)],
            dt.date(2026, 10, 6),
            (Next.ESCALATE, dt.date(2026, 10, 6), "lender"),
        ),
        (
            [
                step(Kind.COMPLAINT, SENT, to=To.LENDER),
                step(Kind.REPLY, dt.date(2026, 10, 5), said=Said.DOCUMENTS),
            ],
            dt.date(2026, 10, 6),
            (Next.SEND_DOCUMENTS, dt.date(2026, 10, 6), ""),
        ),
        (
            [step(Kind.LETTER, SENT), step(Kind.REPLY, dt.date(2026, 10, 5), said=Said.AGREED)],
            dt.date(2026, 10, 6),
            (Next.GET_IN_WRITING, dt.date(2026, 10, 6), ""),
        ),
        (
            [
                step(Kind.REPLY, dt.date(2026, 9, 1), said=Said.REFUSED),
                step(Kind.COMPLAINT, SENT, to=To.LENDER),
            ],
            dt.date(2026, 10, 10),  # the older refusal does not end the new complaint's clock
            (Next.WAIT, dt.date(2026, 10, 17), "12378"),
        ),
    ],
)
def test_the_next_step_follows_the_last_step_and_the_clock(
    steps: list[Step], today: dt.date, expected: tuple[Next, dt.date | None, str]
) -> None:
    standing = where_it_stands(steps, CLOCKS, BANK, today=today)
    assert (standing.next, standing.on, standing.rung) == expected


def test_a_complaint_clock_gives_the_longest_date_with_extensions() -> None:
    standing = where_it_stands([step(Kind.COMPLAINT, SENT, to=To.LENDER)], CLOCKS, BANK, today=SENT)
    assert standing.due == dt.date(2026, 10, 16) and standing.longest == dt.date(2026, 11, 30)


def test_an_agreement_counts_payments_made_since_and_ends_when_all_are_paid() -> None:
    agreed = step(
        Kind.AGREEMENT,
        dt.date(2026, 10, 31),
        months=2,
        monthly=Decimal("300.00"),
        interest_stopped=True,
    )
    before = step(Kind.PAYMENT, dt.date(2026, 10, 1), amount=Decimal("100"))
    paid = [step(Kind.PAYMENT, dt.date(2026, 11, 30), amount=Decimal("300"))]
    standing = where_it_stands([before, agreed, *paid], CLOCKS, BANK, today=dt.date(2026, 12, 1))
    assert (standing.next, standing.on, standing.paid) == (Next.PAY, dt.date(2026, 12, 31), 1)
    done = [*paid, step(Kind.PAYMENT, dt.date(2026, 12, 30), amount=Decimal("300"))]
    finished = where_it_stands([agreed, *done], CLOCKS, BANK, today=dt.date(2027, 1, 1))
    assert finished.next == Next.DONE and finished.on is None


@given(st.lists(st.sampled_from(list(Kind)), max_size=8), DAYS)
def test_any_history_gives_one_next_step_and_reminders_never_in_the_past(
    kinds: list[Kind], today: dt.date
) -> None:
    steps = [
        step(
            kind,
            today - dt.timedelta(days=10 * n),
            to=To.LENDER,
            said=Said.NONE,
            months=3,
            monthly=Decimal("1"),
        )
        for n, kind in enumerate(kinds)
    ]
    standing = where_it_stands(steps, CLOCKS, BANK, today=today)
    assert standing.next in set(Next)
    for reminder in reminders("x", standing, today=today):
        assert reminder.day >= today
