"""The guided check as a declared sequence of steps. Pure Python, no Django.

Each debt is answered one question per page, in this order. Answers for one debt are a
JSON-safe dict (see advisor.check_answers for the session layout); a step is answered when
its keys are present. The functions here decide where a borrower goes next and where a
request for a later page must be sent back to; the view only follows them.

>>> first_incomplete({"kind": "credit_card", "lender": "other"})
'amount'
>>> next_step("amount", {})
'overdue'
>>> previous_step("kind", {}) is None
True
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

Answers = Mapping[str, Any]


@dataclass(frozen=True)
class Step:
    slug: str
    keys: tuple[str, ...]  # the answer keys this page fills
    optional: bool = False  # the borrower may answer "not sure" / skip
    applies: Callable[[Answers], bool] = lambda answers: True


STEPS: tuple[Step, ...] = (
    Step("kind", ("kind",)),
    Step("lender", ("lender",)),
    Step("amount", ("amount",)),
    Step("overdue", ("days_overdue",)),
    Step("contact", ("contact",)),
    Step("signals", ("signals",)),
    Step("arrangement", ("arrangement",)),
    Step("region", ("region",), optional=True),
)
SLUGS = tuple(step.slug for step in STEPS)
MAX_DEBTS = 10


def step(slug: str) -> Step:
    for item in STEPS:
        if item.slug == slug:
            return item
    raise KeyError(slug)


def applicable(answers: Answers) -> tuple[Step, ...]:
    return tuple(item for item in STEPS if item.applies(answers))


def is_answered(slug: str, answers: Answers) -> bool:
    return all(key in answers and answers[key] is not None for key in step(slug).keys)


def first_incomplete(answers: Answers) -> str | None:
    """The first question of this debt still to answer, or None when all are answered."""
    for item in applicable(answers):
        if not is_answered(item.slug, answers):
            return item.slug
    return None


def is_complete(answers: Answers) -> bool:
    return first_incomplete(answers) is None


def next_step(slug: str, answers: Answers) -> str | None:
    """The step after ``slug`` for these answers; None after the last one."""
    steps = [item.slug for item in applicable(answers)]
    if slug not in steps:
        return first_incomplete(answers)
    position = steps.index(slug)
    return steps[position + 1] if position + 1 < len(steps) else None


def previous_step(slug: str, answers: Answers) -> str | None:
    steps = [item.slug for item in applicable(answers)]
    if slug not in steps:
        return None
    position = steps.index(slug)
    return steps[position - 1] if position > 0 else None


@dataclass(frozen=True)
class Place:
    """Where a borrower should be: debt ``index`` (0-based), question ``slug``."""

    index: int
    slug: str


def first_unanswered(debts: Sequence[Answers]) -> Place | None:
    """The first unanswered question over all debts; None when every debt is complete."""
    for index, answers in enumerate(debts):
        slug = first_incomplete(answers)
        if slug is not None:
            return Place(index, slug)
    return None


def guard_step(debts: Sequence[Answers], index: int, slug: str) -> Place | None:
    """None if question ``slug`` of debt ``index`` may be shown; else where to go instead.

    A borrower may revisit any answered question and the first unanswered one of a debt.
    A new debt (index == len(debts)) starts at its first question, and only once the
    debts before it are complete.
    """
    if slug not in SLUGS or index < 0:
        return first_unanswered(debts) or Place(0, SLUGS[0])
    if index > len(debts) or index >= MAX_DEBTS:
        return first_unanswered(debts) or Place(len(debts) - 1 if debts else 0, SLUGS[0])
    if index == len(debts):
        earlier = first_unanswered(debts)
        if earlier is not None:
            return earlier
        return None if slug == SLUGS[0] else Place(index, SLUGS[0])
    answers = debts[index]
    if is_answered(slug, answers):
        return None
    first = first_incomplete(answers)
    if first is None or first == slug:
        return None
    allowed = [item.slug for item in applicable(answers)]
    if slug not in allowed:
        return Place(index, first)
    return None if allowed.index(slug) <= allowed.index(first) else Place(index, first)


def guard_summary(debts: Sequence[Answers]) -> Place | None:
    """For check-your-answers and the result: None if every debt is complete."""
    if not debts:
        return Place(0, SLUGS[0])
    return first_unanswered(debts)
