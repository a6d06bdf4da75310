"""The money rules of a repayment plan. Pure Python, no Django.

Everything is ``Decimal`` yuan with two places (分). Each amount is rounded once, half up,
when it is computed (a payment, a month's interest), never re-rounded later.

Rates: ``annual_rate`` is a FRACTION (``Decimal("0.12")`` is 12% a year); the monthly rate is
``annual_rate / 12``. Rates of 100% a year or more are refused with ``ValueError``.

``instalments(total, months, annual_rate=..., method=...)`` returns the amount due each month:

- **zero rate** (any method): the principal split evenly. Every instalment but the last is
  ``total / months`` rounded DOWN to the 分; the last takes the remainder, so the list sums
  exactly to ``total`` and the last is never smaller than the others.
- **等额本息 "equal_payment"**: the standard annuity ``P = A·r·(1+r)^n / ((1+r)^n − 1)``
  rounded half up to the 分. Each month's interest is the balance × r, rounded half up;
  the principal part is P − interest. The LAST instalment is the remaining balance plus its
  interest, so the principal parts sum exactly to ``total``
  (``sum(payments) == total + sum(interest)``).
- **等额本金 "equal_principal"**: the principal parts are the zero-rate split above; each
  instalment is its principal part plus that month's interest on the balance, rounded half up.

``instalment_lines`` returns the same months with the principal, interest and balance.

The plan builder (``build_plan``) never lets a credit card run past 60 months (信用卡办法
第七十条: a bank *may* agree a personalised instalment plan of up to five years). For other
lenders the length is at the lender's discretion; an editor may record a reference maximum
per lender, and a plan longer than that is flagged, not hidden.

**Agreed arrangements** (``Agreed``, recorded by the borrower in the tracker) replace the
plan's own proposal for that lender. What the borrower typed is all we use: the agreed total is
``monthly × months``, every agreed payment is ``monthly`` (so the last one, the remainder of the
agreed total, is ``monthly`` too), on the agreed dates. The agreed total is NOT compared with or
fitted to the plan's balance for that lender: the lender may have waived part of it (less) or
kept interest running (more), and the balance typed in the plan may be older than the
agreement; inventing a different last payment would put a figure in front of the lender that
nobody agreed. The agreed monthly amounts come out of the budget first; only what is left is
shared among the other lenders by the chosen strategy (``Plan.over_promised`` when the
agreements alone need more than the budget leaves).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from functools import partial

from advisor.rules.schedule import add_months, due_date, payment_dates

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
CREDIT_CARD = "credit_card"
CREDIT_CARD_MAX_MONTHS = 60
REALISTIC_MONTHS = 60  # longer plans are called unrealistic: few lenders accept them
MAX_MONTHS = 600  # 50 years: a schedule that would run longer is reported as "never finishes"
METHODS = ("equal_payment", "equal_principal")
STRATEGIES = ("pro_rata", "avalanche", "urgent")
DEFAULT_ASSUMED_RATE = Decimal(
    "0.18"
)  # only an assumption to show growth; the borrower can change it
GROWTH_MONTHS = (3, 6, 12)


def _cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _cents_down(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_DOWN)


def _check(total: Decimal, months: int, annual_rate: Decimal, method: str) -> None:
    if not isinstance(total, Decimal) or total <= 0 or total != total.quantize(CENT):
        raise ValueError("total must be a positive Decimal in yuan with at most two places")
    if not isinstance(months, int) or isinstance(months, bool) or not 1 <= months <= MAX_MONTHS:
        raise ValueError(f"months must be an integer from 1 to {MAX_MONTHS}")
    if annual_rate < 0 or annual_rate >= 1:
        raise ValueError(
            "annual_rate is a fraction of the balance per year, 0 <= rate < 1 (0.12 = 12%)"
        )
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}")


@dataclass(frozen=True)
class Line:
    """One month of an instalment plan."""

    number: int  # 1-based
    payment: Decimal
    principal: Decimal
    interest: Decimal
    balance: Decimal  # principal still owed after this payment


def annuity_payment(total: Decimal, months: int, annual_rate: Decimal) -> Decimal:
    """The 等额本息 monthly payment, rounded half up to the 分 (the formula, nothing else)."""
    rate = Decimal(annual_rate) / 12
    if rate == 0:
        return _cents(total / months)
    growth = (1 + rate) ** months
    return _cents(total * rate * growth / (growth - 1))


def instalment_lines(
    total: Decimal,
    months: int,
    *,
    annual_rate: Decimal = Decimal(0),
    method: str = "equal_payment",
) -> list[Line]:
    annual_rate = Decimal(annual_rate)
    _check(total, months, annual_rate, method)
    rate = annual_rate / 12
    even = _cents_down(total / months)
    payment = annuity_payment(total, months, annual_rate)
    balance = total
    lines: list[Line] = []
    for number in range(1, months + 1):
        interest = _cents(balance * rate)
        if number == months:
            principal = balance
        elif rate == 0 or method == "equal_principal":
            principal = even
        else:
            principal = min(balance, max(ZERO, payment - interest))
        balance -= principal
        lines.append(Line(number, principal + interest, principal, interest, balance))
    return lines


def instalments(
    total: Decimal,
    months: int,
    *,
    annual_rate: Decimal = Decimal(0),
    method: str = "equal_payment",
) -> list[Decimal]:
    """The amount due each month; see the module docstring for exactly what sums to what."""
    return [
        line.payment
        for line in instalment_lines(total, months, annual_rate=annual_rate, method=method)
    ]


# --- Debts and allocation --------------------------------------------------------------


@dataclass(frozen=True)
class Debt:
    key: str  # stable id within the plan ("1", "2", …)
    lender_name: str
    kind: str  # advisor.models.LenderKind value
    principal: Decimal
    charges: Decimal = ZERO  # interest, penalty and fees so far, when known
    rate: Decimal | None = None  # current annual rate as a fraction, when known
    max_months: int | None = None  # editor-managed reference maximum for this lender
    urgency: int = 0  # from the guided check's estimate level: higher = more urgent
    lender_slug: str = ""

    @property
    def balance(self) -> Decimal:
        return self.principal + self.charges

    @property
    def month_cap(self) -> int | None:
        """The longest plan to propose: 60 for a credit card; the lender's reference
        maximum when an editor set one; None means "at the lender's discretion"."""
        reference = self.max_months if self.max_months and self.max_months >= 1 else None
        if self.kind == CREDIT_CARD:
            return min(CREDIT_CARD_MAX_MONTHS, reference or CREDIT_CARD_MAX_MONTHS)
        return reference


def split_pro_rata(amount: Decimal, weights: list[Decimal]) -> list[Decimal]:
    """Share ``amount`` in proportion to ``weights`` (largest-remainder method).

    Sums exactly to ``amount``. When ``amount`` covers the weights in full, each gets its
    weight and the rest is not spent.
    """
    total = sum(weights, ZERO)
    if total <= 0 or amount <= 0:
        return [ZERO for _ in weights]
    if amount >= total:
        return list(weights)
    exact = [amount * w / total for w in weights]
    shares = [_cents_down(x) for x in exact]
    left = int((amount - sum(shares, ZERO)) / CENT)
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - shares[i]), -weights[i], i))
    for i in order[:left]:
        shares[i] += CENT
    return shares


def priority_order(debts: list[Debt], strategy: str) -> list[int]:
    """Indexes of ``debts`` in the order an ordered strategy pays them.

    avalanche: highest known rate first (unknown rates after known ones), then larger balance.
    urgent: highest urgency from the check first, then highest rate, then larger balance.
    """

    def rate_key(debt: Debt) -> tuple[int, Decimal]:
        return (0, -debt.rate) if debt.rate is not None else (1, ZERO)

    if strategy == "avalanche":
        return sorted(range(len(debts)), key=lambda i: (*rate_key(debts[i]), -debts[i].balance, i))
    if strategy == "urgent":
        return sorted(
            range(len(debts)),
            key=lambda i: (-debts[i].urgency, *rate_key(debts[i]), -debts[i].balance, i),
        )
    raise ValueError(f"unknown ordered strategy {strategy!r}")


def allocate(
    amount: Decimal,
    balances: list[Decimal],
    strategy: str,
    order: list[int],
    floors: list[Decimal] | None = None,
    base: list[Decimal] | None = None,
) -> list[Decimal]:
    """One month's payment shared across the open balances.

    **pro rata** shares ``amount`` in proportion to what each lender is owed, from the first
    month, whatever the month caps: a capped debt that cannot be kept within its cap at its
    share is named by the plan (``Plan.over_cap``), never fed at the others' expense.
    ``base`` are the fixed monthly shares worked out once at the start, so each lender gets
    the same amount every month; what a finished debt no longer needs is shared among the
    others in proportion to what they still owe.

    **avalanche / urgent** pay the open debts in ``order``. ``floors`` are payments that keep
    a capped debt (a credit card: 60 months) on time: when the order alone would pay a capped
    debt less than its floor and the amount covers every floor, the floors are paid first and
    the rest follows the order. When the amount cannot cover the floors, no capped debt can be
    kept within its cap anyway, and the order alone decides.
    """
    if strategy == "pro_rata":
        return _pro_rata(amount, balances, base)
    plain = _in_order(amount, balances, order)
    if not floors:
        return plain
    wanted = [min(f, b) for f, b in zip(floors, balances, strict=True)]
    if all(s >= w for s, w in zip(plain, wanted, strict=True)) or sum(wanted, ZERO) > amount:
        return plain
    rest = [b - w for b, w in zip(balances, wanted, strict=True)]
    extra = _in_order(amount - sum(wanted, ZERO), rest, order)
    return [w + e for w, e in zip(wanted, extra, strict=True)]


def _pro_rata(
    amount: Decimal, balances: list[Decimal], base: list[Decimal] | None
) -> list[Decimal]:
    if not base:
        return split_pro_rata(amount, balances)
    shares = [min(f, b) for f, b in zip(base, balances, strict=True)]
    spare = amount - sum(shares, ZERO)
    if spare > 0:
        more = split_pro_rata(spare, [b - s for b, s in zip(balances, shares, strict=True)])
        shares = [s + m for s, m in zip(shares, more, strict=True)]
    return shares


def _in_order(amount: Decimal, balances: list[Decimal], order: list[int]) -> list[Decimal]:
    shares = [ZERO for _ in balances]
    left = amount
    for i in order:
        if left <= 0:
            break
        shares[i] = min(left, balances[i])
        left -= shares[i]
    return shares


def cap_floor(debt: Debt, annual_rate: Decimal = Decimal(0)) -> Decimal:
    """The monthly payment that clears ``debt`` within its month cap (0 when it has none)."""
    if debt.month_cap is None:
        return ZERO
    payment = annuity_payment(debt.balance, debt.month_cap, Decimal(annual_rate))
    # One 分 of headroom so rounding never pushes the last crumb past the cap.
    return payment + CENT


@dataclass(frozen=True)
class Payment:
    number: int  # month number in the plan, 1-based
    date: dt.date
    amount: Decimal
    interest: Decimal
    balance: Decimal  # owed to this lender after the payment


@dataclass(frozen=True)
class Run:
    """Consecutive payments of the same amount: "第1–12期 每月 ¥1,200"."""

    first: int  # month number of the first payment in the run
    last: int  # month number of the last one
    amount: Decimal  # each payment
    first_date: dt.date
    last_date: dt.date

    @property
    def count(self) -> int:
        return self.last - self.first + 1

    @property
    def total(self) -> Decimal:
        return self.amount * self.count


def runs(payments: list[Payment]) -> list[Run]:
    """Fold a schedule into runs of equal payments in consecutive months.

    A new run starts when the amount changes or a month is skipped, so the runs cover the
    payments one for one and their totals add up exactly to the schedule's total.

    >>> day = dt.date(2027, 1, 15)
    >>> months = [Payment(n, day, Decimal("1200.00"), ZERO, ZERO) for n in range(1, 13)]
    >>> months.append(Payment(13, day, Decimal("399.99"), ZERO, ZERO))
    >>> [(r.first, r.last, r.amount) for r in runs(months)]
    [(1, 12, Decimal('1200.00')), (13, 13, Decimal('399.99'))]
    >>> sum(r.total for r in runs(months)) == sum(p.amount for p in months)
    True
    >>> runs([])
    []
    """
    folded: list[Run] = []
    for p in payments:
        last = folded[-1] if folded else None
        if last is not None and last.amount == p.amount and last.last + 1 == p.number:
            folded[-1] = Run(last.first, p.number, p.amount, last.first_date, p.date)
        else:
            folded.append(Run(p.number, p.number, p.amount, p.date, p.date))
    return folded


@dataclass(frozen=True)
class Agreed:
    """An arrangement the borrower says one lender agreed to (from the tracker).

    ``day`` is when it was agreed; ``first_date`` the first payment's date when the borrower
    entered one, otherwise payments fall monthly on the agreement's own day, from one month
    after it (as the tracker counts them). ``interest_stopped`` None means "not known".
    """

    monthly: Decimal
    months: int
    day: dt.date
    interest_stopped: bool | None = None
    first_date: dt.date | None = None

    def __post_init__(self) -> None:
        if (
            not isinstance(self.monthly, Decimal)
            or self.monthly <= 0
            or self.monthly != self.monthly.quantize(CENT)
        ):
            raise ValueError("monthly must be a positive Decimal in yuan with at most two places")
        if (
            not isinstance(self.months, int)
            or isinstance(self.months, bool)
            or not 1 <= self.months <= MAX_MONTHS
        ):
            raise ValueError(f"months must be an integer from 1 to {MAX_MONTHS}")

    @property
    def total(self) -> Decimal:
        """What was agreed in all: the monthly amount times the months, nothing else."""
        return self.monthly * self.months

    @property
    def dates(self) -> list[dt.date]:
        if self.first_date is not None:
            return payment_dates(self.first_date, self.months)
        year, month = add_months(self.day.year, self.day.month, 1)
        first = due_date(year, month, self.day.day)
        return payment_dates(first, self.months, pay_day=self.day.day)


@dataclass(frozen=True)
class LenderSchedule:
    debt: Debt
    payments: list[Payment]  # only months with a payment
    floor: Decimal = ZERO  # the monthly payment that keeps this debt within its cap (0: no cap)
    agreed: Agreed | None = None  # the lender agreed these terms: the payments follow them
    set_aside: Decimal = ZERO  # what the agreement takes from each month of the plan

    @property
    def total(self) -> Decimal:
        return sum((p.amount for p in self.payments), ZERO)

    @property
    def months(self) -> int:
        """The month number of the last payment (0 when nothing is paid)."""
        return self.payments[-1].number if self.payments else 0

    @property
    def runs(self) -> list[Run]:
        """The payments folded into runs of equal amounts (see ``runs``)."""
        return runs(self.payments)

    @property
    def first_amount(self) -> Decimal:
        return self.payments[0].amount if self.payments else ZERO

    @property
    def month_one(self) -> Decimal:
        """What this lender gets in the plan's first month (0 when it has to wait); under an
        agreement, the agreed monthly amount, which the budget sets aside every month."""
        if self.agreed is not None:
            return self.set_aside
        return self.first_amount if self.payments and self.payments[0].number == 1 else ZERO

    @property
    def first_number(self) -> int:
        """The month of this lender's first payment (0 when the plan pays it nothing)."""
        return self.payments[0].number if self.payments else 0

    @property
    def finished(self) -> bool:
        return bool(self.payments) and self.payments[-1].balance == 0

    @property
    def over_cap(self) -> bool:
        """A capped debt not kept within its cap (never an agreement: the lender set it)."""
        cap = self.debt.month_cap
        return self.agreed is None and cap is not None and (self.months > cap or not self.finished)


def agreed_schedule(debt: Debt, agreed: Agreed, first: dt.date) -> LenderSchedule:
    """The agreement as a schedule: ``months`` payments of ``monthly`` on the agreed dates,
    numbered as the agreement's instalments; the balance shown is what is left of the
    agreed total, so the last payment leaves 0 and the payments sum to ``agreed.total``.

    It takes ``monthly`` from each month of a plan starting on ``first`` while it runs; an
    agreement whose last payment falls before ``first`` is over and takes nothing."""
    dates = agreed.dates
    payments = [
        Payment(n, day, agreed.monthly, ZERO, agreed.total - agreed.monthly * n)
        for n, day in enumerate(dates, 1)
    ]
    running = dates[-1] >= first
    return LenderSchedule(
        debt, payments, agreed=agreed, set_aside=agreed.monthly if running else ZERO
    )


@dataclass(frozen=True)
class Simulation:
    lenders: list[LenderSchedule]
    months: int  # months until everything is paid (or MAX_MONTHS when it never is)
    finished: bool

    @property
    def total_paid(self) -> Decimal:
        return sum((s.total for s in self.lenders), ZERO)


def simulate(
    debts: list[Debt],
    monthly: Decimal,
    *,
    strategy: str = "pro_rata",
    annual_rate: Decimal = Decimal(0),
    first: dt.date,
    pay_day: int | None = None,
    max_months: int = MAX_MONTHS,
) -> Simulation:
    """Pay ``monthly`` each month, shared by ``strategy``, until every balance is zero.

    Each month, interest at ``annual_rate`` (a fraction; 0 when the lenders agree to stop
    interest) is added to each open balance first, rounded half up. In the last month only
    what is still owed is paid. A ``monthly`` of 0 is a pause: nothing is paid, and the
    simulation is empty and unfinished.
    """
    if strategy not in STRATEGIES:
        raise ValueError(f"strategy must be one of {STRATEGIES}")
    if monthly < 0:
        raise ValueError("monthly must not be negative")
    rate = Decimal(annual_rate) / 12
    balances = [d.balance for d in debts]
    order = priority_order(debts, strategy) if strategy != "pro_rata" else []
    floors = [cap_floor(d, Decimal(annual_rate)) for d in debts]
    base = split_pro_rata(monthly, balances) if strategy == "pro_rata" else None
    if monthly == 0:  # nothing to share: a pause, not a schedule
        return Simulation(
            [LenderSchedule(d, [], f) for d, f in zip(debts, floors, strict=True)], 0, False
        )
    rows: list[list[tuple[int, Decimal, Decimal, Decimal]]] = [[] for _ in debts]
    month = 0
    while any(b > 0 for b in balances) and month < max_months:
        month += 1
        interest = [_cents(b * rate) if b > 0 else ZERO for b in balances]
        balances = [b + i for b, i in zip(balances, interest, strict=True)]
        shares = allocate(monthly, balances, strategy, order, floors, base)
        for i, share in enumerate(shares):
            if share > 0 or interest[i] > 0:
                balances[i] -= share
                rows[i].append((month, share, interest[i], balances[i]))
    dates = payment_dates(first, month, pay_day=pay_day)
    lenders = [
        LenderSchedule(
            debt,
            [
                Payment(n, dates[n - 1], amount, interest, balance)
                for n, amount, interest, balance in rows[i]
                if amount > 0
            ],
            floors[i],
        )
        for i, debt in enumerate(debts)
    ]
    finished = not any(b > 0 for b in balances)
    return Simulation(lenders, month, finished)


def monthly_for_months(
    debts: list[Debt], months: int, annual_rate: Decimal = Decimal(0)
) -> Decimal:
    """The monthly amount that clears the whole set in ``months`` (等额本息 on the total)."""
    total = sum((d.balance for d in debts), ZERO)
    payment = annuity_payment(total, months, Decimal(annual_rate))
    # Round up to the 分 so the plan never needs an extra month for a rounding crumb.
    if Decimal(annual_rate) == 0 and payment * months < total:
        payment += CENT
    return payment


# --- Growth if nothing changes ----------------------------------------------------------


def growth(debts: list[Debt], assumed_rate: Decimal, months: int) -> Decimal:
    """What the whole set could grow to in ``months`` if nothing is paid.

    An ASSUMPTION, simple interest on the principal: each debt at its own known rate, or at
    ``assumed_rate`` (a fraction the borrower can change) when its rate is unknown.
    """
    total = ZERO
    for debt in debts:
        rate = debt.rate if debt.rate is not None else Decimal(assumed_rate)
        total += debt.balance + _cents(debt.principal * rate * months / 12)
    return total


# --- Options side by side and the plan -------------------------------------------------


@dataclass(frozen=True)
class Option:
    code: str  # "nothing" | "instalments" | "settlement" | "pro_rata"
    monthly: Decimal | None  # None for a one-off payment
    months: int | None  # None: does not end
    total_paid: Decimal
    fits: bool | None  # None: not a payment plan (nothing changes)
    one_off: Decimal | None = None
    # A code for the template: "capped", "never", "no_room", "too_long", "over_cap", ""
    note: str = ""
    owed_later: list[tuple[int, Decimal]] = field(default_factory=list)


@dataclass(frozen=True)
class Plan:
    """The computed plan: options side by side and the chosen month-by-month schedule.

    ``monthly`` and ``months`` describe the chosen plan (``months`` is 0 when it never
    finishes). ``available`` is what the budget leaves for debts after the reserve (None when
    no budget was entered). ``fits`` is True when every month pays at most ``available``.
    A plan that follows a budget leaving nothing is ``paused``: it proposes no amount.
    """

    debts: list[Debt]
    available: Decimal | None
    monthly: Decimal
    months: int
    strategy: str
    plan_rate: Decimal
    assumed_rate: Decimal
    first_date: dt.date
    pay_day: int
    simulation: Simulation
    options: list[Option]
    fits: bool | None
    min_monthly: Decimal = ZERO  # the least that keeps every capped debt within its cap
    agreed_monthly: Decimal = ZERO  # what the agreements take each month (in ``monthly``)

    @property
    def paused(self) -> bool:
        """True when there is nothing to pay with: the plan asks for a pause instead."""
        return self.monthly == 0

    @property
    def agreed(self) -> list[LenderSchedule]:
        """The lenders whose agreed arrangement replaces the plan's proposal."""
        return [s for s in self.simulation.lenders if s.agreed is not None]

    @property
    def rest_monthly(self) -> Decimal:
        """What the plan shares among the lenders without an agreement each month."""
        return self.monthly - self.agreed_monthly

    @property
    def over_promised(self) -> bool:
        """The agreements alone need more each month than the budget leaves."""
        return self.over_promised_by > 0

    @property
    def left_for_others(self) -> Decimal | None:
        """What the budget leaves after the agreements (None when no budget was entered)."""
        return None if self.available is None else max(ZERO, self.available - self.agreed_monthly)

    @property
    def over_promised_by(self) -> Decimal:
        """How much more the agreements need each month than the budget leaves (0: none)."""
        if self.available is None:
            return ZERO
        return max(ZERO, self.agreed_monthly - self.available)

    @property
    def others_paused(self) -> bool:
        """Agreements take everything: the other lenders are asked for a pause, no amount."""
        return (
            bool(self.agreed)
            and self.rest_monthly == 0
            and any(s.agreed is None for s in self.simulation.lenders)
        )

    @property
    def total_owed(self) -> Decimal:
        return sum((d.balance for d in self.debts), ZERO)

    @property
    def schedules(self) -> list[LenderSchedule]:
        return self.simulation.lenders

    @property
    def month_one_total(self) -> Decimal:
        """What the first month pays, all lenders together: the sum of the proposal rows."""
        return sum((s.month_one for s in self.simulation.lenders), ZERO)

    @property
    def total_paid(self) -> Decimal:
        return self.simulation.total_paid

    @property
    def finished(self) -> bool:
        return self.simulation.finished

    @property
    def over_cap(self) -> list[LenderSchedule]:
        """Capped debts this plan cannot keep within their cap (none while paused)."""
        if self.paused or self.others_paused:
            return []
        return [s for s in self.simulation.lenders if s.over_cap]

    @property
    def waiting(self) -> list[LenderSchedule]:
        """Lenders this plan pays nothing in its first month (an ordered strategy)."""
        if self.paused or self.others_paused:
            return []
        return [s for s in self.simulation.lenders if not s.month_one and s.agreed is None]

    @property
    def too_long(self) -> bool:
        """True when the plan never finishes or runs past ``REALISTIC_MONTHS``."""
        return not self.finished or self.months > REALISTIC_MONTHS

    @property
    def last_date(self) -> dt.date | None:
        dates = [s.payments[-1].date for s in self.simulation.lenders if s.payments]
        return max(dates) if dates else None


def _fits(monthly: Decimal, available: Decimal | None) -> bool | None:
    return None if available is None else monthly <= available


def instalment_option(
    debts: list[Debt], months: int, plan_rate: Decimal, available: Decimal | None
) -> Option:
    """Ask each lender for instalments over ``months`` (a credit card never beyond 60).

    When no debt is capped, every lender gets the same length, which is the whole set paid
    over ``months``: ``monthly`` is ``monthly_for_months``, the same figure a plan of that
    length shows (one figure, not two a few 分 apart). When a capped debt needs fewer months,
    ``monthly`` is the largest month's total (the last instalments carry the remainder)."""
    per_debt = []
    capped = False
    for debt in debts:
        n = months
        if debt.month_cap is not None and n > debt.month_cap:
            n, capped = debt.month_cap, True
        per_debt.append(instalments(debt.balance, n, annual_rate=plan_rate))
    longest = max(len(p) for p in per_debt)
    by_month = [sum((p[m] for p in per_debt if m < len(p)), ZERO) for m in range(longest)]
    peak = max(by_month) if capped else monthly_for_months(debts, months, plan_rate)
    return Option(
        "instalments",
        peak,
        longest,
        sum((sum(p, ZERO) for p in per_debt), ZERO),
        _fits(peak, available),
        note="capped" if capped else "",
    )


def build_options(
    debts: list[Debt],
    *,
    available: Decimal | None,
    months: int,
    plan_rate: Decimal,
    assumed_rate: Decimal,
    settlement_share: Decimal,
    lump_sum: Decimal | None,
    first: dt.date,
    pay_day: int,
) -> list[Option]:
    total = sum((d.balance for d in debts), ZERO)
    options = [
        Option(
            "nothing",
            ZERO,
            None,
            growth(debts, assumed_rate, 12),
            None,
            owed_later=[(m, growth(debts, assumed_rate, m)) for m in GROWTH_MONTHS],
        )
    ]
    options.append(instalment_option(debts, months, plan_rate, available))
    offer = _cents(total * settlement_share)
    options.append(
        Option(
            "settlement",
            None,
            1,
            offer,
            None if lump_sum is None else offer <= lump_sum,
            one_off=offer,
        )
    )
    if available is None or available <= 0:
        options.append(Option("pro_rata", None, None, total, False, note="no_room"))
    else:
        sim = simulate(
            debts,
            available,
            strategy="pro_rata",
            annual_rate=plan_rate,
            first=first,
            pay_day=pay_day,
        )
        if not sim.finished:
            note = "never"
        elif sim.months > REALISTIC_MONTHS:
            note = "too_long"
        elif any(s.over_cap for s in sim.lenders):
            note = "over_cap"
        else:
            note = ""
        options.append(
            Option(
                "pro_rata",
                available,
                sim.months if sim.finished else None,
                sim.total_paid,
                True,
                note=note,
            )
        )
    return options


def build_plan(
    debts: list[Debt],
    *,
    available: Decimal | None,
    first: dt.date,
    pay_day: int,
    monthly: Decimal | None = None,
    months: int | None = None,
    strategy: str = "pro_rata",
    plan_rate: Decimal = Decimal(0),
    assumed_rate: Decimal = DEFAULT_ASSUMED_RATE,
    settlement_share: Decimal = Decimal("0.5"),
    lump_sum: Decimal | None = None,
    agreed: Mapping[str, Agreed] | None = None,
) -> Plan:
    """The whole plan. Give ``monthly`` (amount per month, all lenders together) or ``months``
    (length); with neither, the plan pays what the budget leaves (nothing at all, a pause,
    when the budget leaves nothing), or, with no budget entered, spreads the debts over the
    longest allowed time (60 months, the credit-card limit).

    ``agreed`` maps a lender's slug to the arrangement it agreed: the first debt with that
    slug follows the agreement (``agreed_schedule``), its monthly amount is set aside first
    (unless its last payment is before ``first``: then it is over),
    and the other debts share only what is left of ``available`` (or of ``monthly``), never a
    negative amount: when the agreements take everything, the others are asked for a pause.
    """
    if not debts:
        raise ValueError("a plan needs at least one debt")
    bound: dict[int, Agreed] = {}
    used: set[str] = set()
    for i, debt in enumerate(debts):
        terms = (agreed or {}).get(debt.lender_slug) if debt.lender_slug else None
        if terms is not None and debt.lender_slug not in used:
            bound[i] = terms
            used.add(debt.lender_slug)
    own = partial(
        _open_plan,
        first=first,
        pay_day=pay_day,
        months=months,
        strategy=strategy,
        plan_rate=plan_rate,
        assumed_rate=assumed_rate,
        settlement_share=settlement_share,
        lump_sum=lump_sum,
    )
    if not bound:
        return own(debts, available=available, monthly=monthly)
    agreed_schedules = {i: agreed_schedule(debts[i], terms, first) for i, terms in bound.items()}
    set_aside = sum((schedule.set_aside for schedule in agreed_schedules.values()), ZERO)
    left = None if available is None else max(ZERO, available - set_aside)
    others = [debt for i, debt in enumerate(debts) if i not in bound]
    rest = (
        own(
            others,
            available=left,
            monthly=None if monthly is None else max(ZERO, _cents(monthly) - set_aside),
        )
        if others
        else None
    )
    open_schedules = iter(rest.schedules if rest is not None else [])
    schedules = [
        agreed_schedules[i] if i in bound else next(open_schedules) for i in range(len(debts))
    ]
    longest = max(len(terms.dates) for terms in bound.values())
    finished = rest is None or rest.finished
    total = set_aside + (rest.monthly if rest is not None else ZERO)
    return Plan(
        debts=debts,
        available=available,
        monthly=total,
        months=max(longest, rest.months if rest is not None else 0) if finished else 0,
        strategy=strategy,
        plan_rate=Decimal(plan_rate),
        assumed_rate=Decimal(assumed_rate),
        first_date=first,
        pay_day=pay_day,
        simulation=Simulation(
            schedules, rest.simulation.months if rest is not None else 0, finished
        ),
        options=rest.options if rest is not None else [],
        fits=_fits(total, available),
        min_monthly=set_aside + (rest.min_monthly if rest is not None else ZERO),
        agreed_monthly=set_aside,
    )


def _open_plan(
    debts: list[Debt],
    *,
    available: Decimal | None,
    first: dt.date,
    pay_day: int,
    monthly: Decimal | None,
    months: int | None,
    strategy: str,
    plan_rate: Decimal,
    assumed_rate: Decimal,
    settlement_share: Decimal,
    lump_sum: Decimal | None,
) -> Plan:
    """The plan's own proposal for debts without an agreement."""
    if monthly is None and months is None:
        if available is not None:
            monthly = available
        else:
            months = CREDIT_CARD_MAX_MONTHS
    if monthly is None:
        assert months is not None
        monthly = monthly_for_months(debts, months, plan_rate)
    monthly = _cents(Decimal(monthly))
    sim = simulate(
        debts, monthly, strategy=strategy, annual_rate=plan_rate, first=first, pay_day=pay_day
    )
    option_months = months or (
        min(sim.months, REALISTIC_MONTHS) if sim.finished else CREDIT_CARD_MAX_MONTHS
    )
    if months is None:
        # Instalments of the same length as the plan can need a few 分 more in the last
        # month; offer the shortest length whose every month fits the chosen amount. Never
        # past the realistic length: longer plans are the hardship route, not instalments.
        for _ in range(3):
            each_month = instalment_option(debts, option_months, plan_rate, None).monthly
            if option_months >= REALISTIC_MONTHS or (
                each_month is not None and each_month <= monthly
            ):
                break
            option_months += 1
    options = build_options(
        debts,
        available=available,
        months=min(option_months, MAX_MONTHS),
        plan_rate=plan_rate,
        assumed_rate=assumed_rate,
        settlement_share=settlement_share,
        lump_sum=lump_sum,
        first=first,
        pay_day=pay_day,
    )
    return Plan(
        debts=debts,
        available=available,
        monthly=monthly,
        months=sim.months if sim.finished else 0,
        strategy=strategy,
        plan_rate=Decimal(plan_rate),
        assumed_rate=Decimal(assumed_rate),
        first_date=first,
        pay_day=pay_day,
        simulation=sim,
        options=options,
        fits=_fits(monthly, available),
        min_monthly=sum((cap_floor(d, Decimal(plan_rate)) for d in debts), ZERO),
    )
