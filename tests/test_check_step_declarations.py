"""Every question of the guided check is declared once (advisor.check_steps.STEPS), and what
its form answers is kept: stored, read back, shown on check-your-answers, and never dropped."""

from __future__ import annotations

import dataclasses

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory

from advisor import check_answers, check_steps
from advisor.rules import estimate
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
    # Two sample debts walk every question (tests/sample_borrower.py); a step with fewer
    # samples would leave a journey test without an answer.
    assert len(check_steps.step(slug).samples) == 2, f"step {slug!r} needs two sample answers"


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


def kept_sample_debts() -> list[dict]:
    """Each sample debt answered through the forms and read back from the session."""
    return [answer_up_to(check_steps.SLUGS[-1], dict(steps))[1] for steps in DEBTS]


def steps_reaching_the_estimate() -> list[str]:
    """The steps whose sample answers, swapped into the other sample debt, change its
    ``Situation`` (the two sample debts answer every feeding step differently)."""
    first, second = kept_sample_debts()
    base = check_steps.situation_for(first)
    return [
        item.slug
        for item in check_steps.STEPS
        if check_steps.situation_for({**first, **{k: second[k] for k in item.keys}}) != base
    ]


def test_steps_that_feed_the_estimate_change_it(content) -> None:
    """A step that declares ``situation`` reaches ``Situation``; the others do not."""
    for debt in kept_sample_debts():
        assert check_steps.is_complete(debt)
    reaching = steps_reaching_the_estimate()
    for item in check_steps.STEPS:
        assert (item.slug in reaching) == item.feeds_estimate, item.slug


def test_a_step_whose_answer_never_reaches_the_estimate_is_caught(content, monkeypatch) -> None:
    """Control: a feeding step whose ``situation`` ignores its answer fails the check above."""
    deaf = dataclasses.replace(
        check_steps.step("contact"), situation=lambda debt: {"contact": "cooperating"}
    )
    monkeypatch.setattr(
        check_steps,
        "STEPS",
        tuple(deaf if item.slug == "contact" else item for item in check_steps.STEPS),
    )
    assert "contact" not in steps_reaching_the_estimate()
    assert check_steps.step("contact").feeds_estimate


def test_every_situation_field_is_set_by_exactly_one_step() -> None:
    """A new ``Situation`` field needs a step that fills it (else it silently keeps its
    default); two steps setting one field would overwrite each other."""
    setters: dict[str, list[str]] = {}
    for item in check_steps.STEPS:
        if item.situation is not None:
            for name in item.situation({}):
                setters.setdefault(name, []).append(item.slug)
    fields = {field.name for field in dataclasses.fields(estimate.Situation)}
    assert set(setters) == fields
    assert all(len(slugs) == 1 for slugs in setters.values()), setters


def test_every_estimate_reason_has_one_translated_text() -> None:
    declared = [code for item in check_steps.STEPS for code in item.reasons]
    assert len(declared) == len(set(declared)), "a reason code is worded by two steps"
    assert set(check_steps.REASON_TEXTS) == set(estimate.REASON_CODES)
    assert all(str(text) for text in check_steps.REASON_TEXTS.values())


def test_only_steps_that_feed_the_estimate_word_its_reasons() -> None:
    for item in check_steps.STEPS:
        assert item.feeds_estimate or not item.reasons, item.slug
        assert len(item.samples) == len(DEBTS), item.slug
