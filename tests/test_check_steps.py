"""The guided check's step sequence and guard (advisor.check_steps): no database.

The tests read the step declarations (``STEPS``) instead of copying them, so a question added
or moved is covered without editing this file."""

from __future__ import annotations

import pytest

from advisor.check_steps import (
    MAX_DEBTS,
    SLUGS,
    STEPS,
    Place,
    first_incomplete,
    first_unanswered,
    guard_step,
    guard_summary,
    is_complete,
    next_step,
    previous_step,
)
from tests.helpers import stored_answers
from tests.sample_borrower import FIRST_DEBT

# One complete debt, as the check stores it, built from the steps' own sample answers.
COMPLETE = stored_answers(FIRST_DEBT)
PER_BORROWER = [item.slug for item in STEPS if item.per_borrower]
PER_DEBT = [item.slug for item in STEPS if not item.per_borrower]
PER_BORROWER_KEYS = {key for item in STEPS if item.per_borrower for key in item.keys}


def answered_up_to(slug: str) -> dict:
    """Answers for every step before ``slug``."""
    keys = [key for step in STEPS[: SLUGS.index(slug)] for key in step.keys]
    return {key: COMPLETE[key] for key in keys}


def test_the_lender_is_asked_after_the_kind_whose_list_it_shows() -> None:
    assert SLUGS.index("kind") < SLUGS.index("lender")


def test_questions_about_the_borrower_come_after_every_question_about_the_debt() -> None:
    assert PER_BORROWER, "no question is asked once per borrower"
    assert list(SLUGS) == PER_DEBT + PER_BORROWER


def test_each_answer_key_belongs_to_one_question() -> None:
    keys = [key for item in STEPS for key in item.keys]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("slug", SLUGS)
def test_first_incomplete_is_the_first_question_without_an_answer(slug: str) -> None:
    assert first_incomplete(answered_up_to(slug)) == slug


def test_an_empty_region_counts_as_answered_but_a_missing_one_does_not() -> None:
    assert is_complete(COMPLETE)
    assert is_complete({**COMPLETE, "region": ""})
    without = {k: v for k, v in COMPLETE.items() if k != "region"}
    assert first_incomplete(without) == "region"


def test_next_and_previous_walk_the_sequence() -> None:
    first_debt = {k: v for k, v in COMPLETE.items() if k not in PER_BORROWER_KEYS}
    walked = ["kind"]
    while (following := next_step(walked[-1], first_debt)) is not None:
        walked.append(following)
    assert tuple(walked) == SLUGS
    back = [SLUGS[-1]]
    while (earlier := previous_step(back[-1], COMPLETE)) is not None:
        back.append(earlier)
    assert tuple(reversed(back)) == SLUGS


def test_a_question_about_the_borrower_already_answered_is_skipped() -> None:
    assert set(COMPLETE) >= PER_BORROWER_KEYS
    assert next_step(PER_DEBT[-1], COMPLETE) is None


def test_next_step_after_an_unknown_slug_is_the_first_incomplete() -> None:
    assert next_step("nonsense", answered_up_to("contact")) == "contact"
    assert previous_step("nonsense", {}) is None


def test_a_requested_later_step_is_sent_back_to_the_first_unanswered_question() -> None:
    debts = [answered_up_to("overdue")]
    assert guard_step(debts, 0, "signals") == Place(0, "overdue")
    assert guard_step(debts, 0, "overdue") is None


def test_answered_questions_and_the_next_one_may_be_revisited() -> None:
    debts = [answered_up_to("contact")]
    for slug in SLUGS[: SLUGS.index("contact") + 1]:
        assert guard_step(debts, 0, slug) is None


def test_a_complete_debt_may_be_changed_anywhere() -> None:
    for slug in SLUGS:
        assert guard_step([COMPLETE], 0, slug) is None


def test_a_new_debt_starts_at_its_first_question_once_earlier_debts_are_complete() -> None:
    assert guard_step([COMPLETE], 1, "kind") is None
    assert guard_step([COMPLETE], 1, "amount") == Place(1, "kind")
    assert guard_step([answered_up_to("signals")], 1, "kind") == Place(0, "signals")


def test_debts_far_beyond_the_list_or_unknown_steps_go_to_the_first_unanswered() -> None:
    assert guard_step([], 3, "kind") == Place(0, "kind")
    assert guard_step([COMPLETE, answered_up_to("amount")], 5, "kind") == Place(1, "amount")
    assert guard_step([answered_up_to("amount")], 0, "nonsense") == Place(0, "amount")
    assert guard_step([COMPLETE], -1, "kind") == Place(0, "kind")


def test_no_more_than_the_maximum_number_of_debts() -> None:
    debts = [COMPLETE] * MAX_DEBTS
    assert guard_step(debts, MAX_DEBTS, "kind") is not None


def test_the_summary_and_result_need_every_debt_complete() -> None:
    assert guard_summary([]) == Place(0, "kind")
    assert guard_summary([COMPLETE]) is None
    assert guard_summary([COMPLETE, answered_up_to("arrangement")]) == Place(1, "arrangement")
    assert first_unanswered([COMPLETE, COMPLETE]) is None
