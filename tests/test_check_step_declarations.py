"""Every question of the guided check is declared once (advisor.check_steps.STEPS), and what
its form answers is kept: stored, read back, shown on check-your-answers, and never dropped."""

from __future__ import annotations

import dataclasses

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory

from advisor import check_answers, check_steps, estimate
from tests.sample_borrower import DEBTS

STEP_NAMES = [item.slug for item in check_steps.STEPS]


def sample_answers(slug: str) -> list[dict]:
    """The sample borrowers' form data for one question (each debt answers every step)."""
    return [dict(steps)[slug] for steps in DEBTS if slug in dict(steps)]


def a_request():
    request = RequestFactory().post("/")
    request.session = SessionStore()
    request.COOKIES = {}
    return request


@pytest.mark.parametrize("slug", STEP_NAMES)
def test_every_step_has_sample_answers_for_the_journey_tests(slug: str) -> None:
    assert sample_answers(slug), f"tests/sample_borrower.py does not answer step {slug!r}"


def answer_up_to(slug: str, answers: dict) -> tuple[dict, dict]:
    """Answer the questions up to ``slug`` through their forms; returns what the form of
    ``slug`` gave and the debt as read back from the session."""
    request = a_request()
    debt: dict = {}
    given: dict = {}
    for earlier in check_steps.STEPS[: check_steps.SLUGS.index(slug) + 1]:
        kwargs = {"kind": debt.get("kind", "other")} if earlier.slug == "lender" else {}
        form = earlier.form(answers[earlier.slug], **kwargs)
        assert form.is_valid(), (earlier.slug, form.errors)
        given = form.answers()
        debt = check_answers.save_answer(request, 0, given)
    return given, check_answers.debts(request)[0]


@pytest.mark.parametrize("slug", STEP_NAMES)
def test_every_steps_answer_is_kept_after_reloading_the_session(content, slug: str) -> None:
    step = check_steps.step(slug)
    for steps in DEBTS:
        given, kept = answer_up_to(slug, dict(steps))
        for key, value in given.items():
            assert kept.get(key) == value, f"step {slug!r}: answer {key!r} was not kept"
        assert check_steps.is_answered(slug, kept)
        # What was kept fills the form again and shows on check-your-answers.
        assert step.form.initial_from(kept)
        assert all(step.summary(kept))


def test_a_step_that_forgets_to_keep_its_answer_is_caught(content, monkeypatch) -> None:
    """Control: the check above can fail. A step whose ``clean`` drops its answer loses it."""
    forgetful = dataclasses.replace(check_steps.step("contact"), clean=lambda raw: {})
    monkeypatch.setattr(
        check_steps,
        "STEPS",
        tuple(forgetful if item.slug == "contact" else item for item in check_steps.STEPS),
    )
    given, kept = answer_up_to("contact", dict(DEBTS[0]))
    assert given == {"contact": "not_answering"}
    assert "contact" not in kept


def test_steps_that_feed_the_estimate_change_it() -> None:
    """A step marked ``feeds_estimate`` reaches ``Situation``; the others do not."""
    complete = check_steps.clean_debt(
        {
            "kind": "credit_card",
            "lender": "other",
            "lender_other": "",
            "amount": "52000.00",
            "days_overdue": 120,
            "days_range": "",
            "first_missed": "",
            "contact": "not_answering",
            "signals": ["visit_announced"],
            "arrangement": "broken",
            "region": "tier2",
        }
    )
    assert check_steps.is_complete(complete)
    base = check_answers.situation_for(complete)
    other_values = {
        "kind": "online_bank",
        "lender": "webank-weilidai",
        "amount": "300.00",
        "days_overdue": 5,
        "contact": "cooperating",
        "signals": ["none"],
        "arrangement": "kept",
        "region": "rural",
    }
    for item in check_steps.STEPS:
        changed = {**complete, **{key: other_values[key] for key in item.keys}}
        differs = check_answers.situation_for(changed) != base
        assert differs == item.feeds_estimate, item.slug


def test_every_estimate_reason_has_one_translated_text() -> None:
    assert set(check_answers.REASON_TEXTS) == set(estimate.REASON_CODES)
