""" "这一页清楚吗？" and "后来怎么样了？": fixed choices, one count per submission, rate-limited."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse

from advisor import check_answers, check_steps, counts, feedback
from advisor.feedback import OUTCOME_QUESTIONS
from advisor.models import ClarityCount, ClearAnswer, OutcomeCount, SavedBundle, UnclearReason
from advisor.views.feedback import OUTCOME, clear_ticket
from tests.helpers import ticket_in
from tests.journey_pages import fill_borrower
from tests.sample_borrower import BUDGET_FORM

CLEAR_URL = "/feedback/clear/"
OUTCOME_URL = "/feedback/what-happened/"


def clear_paths() -> list[str]:
    """Every page that asks "was this clear?", read from its declaration."""
    paths = []
    for name in feedback.CLEAR_PAGES:
        if name == "advisor-check-step":
            paths += [reverse(name, args=[1, slug]) for slug in check_steps.SLUGS]
        else:
            paths.append(reverse(name))
    return paths


def clarity() -> dict[tuple[str, str, str], int]:
    counts.flush()
    return {(r.page, r.answer, r.reason): r.n for r in ClarityCount.objects.all()}


def outcomes() -> dict[tuple[str, ...], int]:
    counts.flush()
    return {
        (r.question, r.answer, r.lender_kind, r.level, r.estimate_version): r.n
        for r in OutcomeCount.objects.all()
    }


@pytest.fixture
def filled(content: None, client: Client) -> Client:
    fill_borrower(client)
    client.post("/plan/budget/", BUDGET_FORM)
    return client


def test_every_question_and_result_page_that_should_ask_does_and_others_do_not(
    filled: Client,
) -> None:
    for path in clear_paths():
        html = filled.get(path).content.decode()
        assert 'action="/feedback/clear/"' in html, path
        for code, _label in UnclearReason.choices:
            assert f'value="{code}"' in html, path
    for path in ("/", "/privacy/", "/check/answers/"):
        assert 'action="/feedback/clear/"' not in filled.get(path).content.decode(), path


def test_a_no_with_its_reason_is_one_count_for_that_page_and_content_version(
    filled: Client,
) -> None:
    ticket = ticket_in(filled.get("/check/result/").content.decode())
    response = filled.post(CLEAR_URL, {"ticket": ticket, "clear": "no", "reason": "scared"})
    assert response.status_code == 200
    assert 'href="/check/result/"' in response.content.decode()  # back to the page
    assert clarity() == {("check:result", "no", "scared"): 1}
    version = ClarityCount.objects.get().content_version
    assert version and version == feedback.content_generation()


def test_a_reason_sent_with_yes_is_not_kept(filled: Client) -> None:
    ticket = ticket_in(filled.get("/papers/").content.decode())
    filled.post(CLEAR_URL, {"ticket": ticket, "clear": "yes", "reason": "too_long"})
    assert clarity() == {("papers", "yes", ""): 1}


def test_sending_the_same_form_again_counts_nothing_more(filled: Client) -> None:
    ticket = ticket_in(filled.get("/visitor/").content.decode())
    for _ in range(5):
        assert filled.post(CLEAR_URL, {"ticket": ticket, "clear": "no"}).status_code == 200
    assert clarity() == {("door:checklist", "no", ""): 1}


@pytest.mark.parametrize(
    "data",
    [
        {"clear": "maybe"},
        {"clear": ""},
        {"clear": "no", "reason": "I hate this page <script>"},
        {"clear": "NO"},
        {},
    ],
)
def test_a_choice_not_offered_counts_nothing_and_asks_again(
    filled: Client, data: dict[str, Any]
) -> None:
    ticket = ticket_in(filled.get("/check/result/").content.decode())
    response = filled.post(CLEAR_URL, {"ticket": ticket, **data})
    assert response.status_code == 200
    assert 'class="error-summary"' in response.content.decode()
    assert clarity() == {}


@pytest.mark.parametrize(
    "ticket",
    [
        "",
        "x" * 5000,
        "made-up:ticket",
        signing.dumps(["clear|check:result|1|/", "n"], salt="another.salt"),
        feedback.ticket(OUTCOME),  # a ticket for the other form
    ],
)
def test_a_ticket_this_site_did_not_give_for_this_form_counts_nothing(
    filled: Client, ticket: str
) -> None:
    response = filled.post(CLEAR_URL, {"ticket": ticket, "clear": "no"})
    assert response.status_code == 400
    assert clarity() == {}


def test_a_ticket_older_than_a_session_counts_nothing(filled: Client, settings: Any) -> None:
    ticket = clear_ticket("check:result", "/check/result/")
    settings.SESSION_COOKIE_AGE = -1
    assert filled.post(CLEAR_URL, {"ticket": ticket, "clear": "no"}).status_code == 400
    assert clarity() == {}


def test_a_flood_from_one_address_is_slowed_down_and_counts_at_most_the_limit(
    filled: Client, settings: Any
) -> None:
    settings.RESTORE_LIMIT_PER_CLIENT = 3
    statuses = [
        filled.post(
            CLEAR_URL, {"ticket": clear_ticket("papers", "/papers/"), "clear": "no"}
        ).status_code
        for _ in range(8)
    ]
    assert statuses == [200] * 3 + [429] * 5
    assert clarity() == {("papers", "no", ""): 3}
    other = Client(REMOTE_ADDR="198.51.100.9")
    ticket = clear_ticket("papers", "/papers/")
    assert other.post(CLEAR_URL, {"ticket": ticket, "clear": "no"}).status_code == 200


def test_with_htmx_the_thanks_replaces_the_form_only(filled: Client) -> None:
    ticket = ticket_in(filled.get("/plan/result/").content.decode())
    response = filled.post(CLEAR_URL, {"ticket": ticket, "clear": "yes"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html and 'role="status"' in html
    assert clarity() == {("plan:result", "yes", ""): 1}


def test_the_question_and_its_answers_are_the_declared_ones() -> None:
    assert [code for code, _ in ClearAnswer.choices] == ["yes", "no"]
    assert len(UnclearReason.choices) == 4


# --- what happened later -------------------------------------------------------------------


def _level_of_first_debt(client: Client) -> tuple[str, str, str]:
    """(lender kind, level, estimate version) of the borrower's first debt, as the site says."""
    request = client.get("/check/result/").wsgi_request
    debt = check_answers.debts(request)[0]
    weights, version = check_answers.current_weights()
    return str(debt.kind), check_answers.debt_result(0, debt, weights).estimate.level, version


def test_what_happened_is_counted_by_lender_kind_and_level_and_nothing_else(
    filled: Client,
) -> None:
    kind, level, version = _level_of_first_debt(filled)
    ticket = ticket_in(filled.get(OUTCOME_URL).content.decode())
    answers = {"lender": "refused", "visit": "happened", "visit_how": "threats", "scam": "yes"}
    response = filled.post(OUTCOME_URL, {"ticket": ticket, "debt": "1", **answers})
    assert response.status_code == 200
    assert outcomes() == {(q, a, kind, level, version): 1 for q, a in answers.items()}


def test_how_a_visit_went_is_not_counted_without_a_visit(filled: Client) -> None:
    ticket = ticket_in(filled.get(OUTCOME_URL).content.decode())
    filled.post(
        OUTCOME_URL, {"ticket": ticket, "debt": "1", "visit": "none", "visit_how": "polite"}
    )
    assert {key[:2] for key in outcomes()} == {("visit", "none")}


@pytest.mark.parametrize(
    "data",
    [
        {"debt": "1"},  # nothing answered
        {"debt": "7", "scam": "yes"},  # no such debt
        {"debt": "1", "lender": "paid-in-full"},
        {"debt": "1", "visit": "happened", "scam": "perhaps"},
        {"scam": "yes"},  # two debts: which one is it about?
    ],
)
def test_an_outcome_answer_not_offered_counts_nothing(filled: Client, data: dict[str, str]) -> None:
    ticket = ticket_in(filled.get(OUTCOME_URL).content.decode())
    response = filled.post(OUTCOME_URL, {"ticket": ticket, **data})
    assert response.status_code == 200
    assert 'class="error-summary"' in response.content.decode()
    assert outcomes() == {}


def test_an_outcome_sent_again_or_with_a_forged_ticket_counts_once(filled: Client) -> None:
    ticket = ticket_in(filled.get(OUTCOME_URL).content.decode())
    for _ in range(4):
        filled.post(OUTCOME_URL, {"ticket": ticket, "debt": "2", "scam": "no"})
    forged = clear_ticket("check:result", "/")
    assert (
        filled.post(OUTCOME_URL, {"ticket": forged, "debt": "2", "scam": "no"}).status_code == 400
    )
    assert sum(outcomes().values()) == 1


def test_an_outcome_flood_from_one_address_is_slowed_down(filled: Client, settings: Any) -> None:
    settings.RESTORE_LIMIT_PER_CLIENT = 2
    statuses = [
        filled.post(
            OUTCOME_URL, {"ticket": feedback.ticket(OUTCOME), "debt": "1", "scam": "no"}
        ).status_code
        for _ in range(5)
    ]
    assert statuses == [200, 200, 429, 429, 429]
    assert sum(outcomes().values()) == 2


def test_a_borrower_with_a_save_code_can_say_later_and_the_saved_data_is_untouched(
    filled: Client,
) -> None:
    kind, level, version = _level_of_first_debt(filled)
    filled.post("/check/save/")
    code = filled.cookies["bh_save"].value
    saved = list(SavedBundle.objects.values_list("lookup", "ciphertext"))
    later = Client()
    page = later.get(OUTCOME_URL)
    assert 'name="code"' in page.content.decode()  # no answers here: the save code first
    opened = later.post(OUTCOME_URL, {"code": code})
    assert opened.status_code == 302 and opened["Location"] == OUTCOME_URL
    ticket = ticket_in(later.get(OUTCOME_URL).content.decode())
    assert (
        later.post(OUTCOME_URL, {"ticket": ticket, "debt": "1", "lender": "agreed"}).status_code
        == 200
    )
    assert outcomes() == {("lender", "agreed", kind, level, version): 1}
    assert list(SavedBundle.objects.values_list("lookup", "ciphertext")) == saved


def test_every_outcome_question_is_offered_with_its_declared_answers(filled: Client) -> None:
    html = filled.get(OUTCOME_URL).content.decode()
    for name, (_label, choices) in OUTCOME_QUESTIONS.items():
        for code, _words in choices:
            assert f'name="{name}" value="{code}"' in html, (name, code)
    assert "<textarea" not in html and 'type="text"' not in html


def test_a_database_failure_while_counting_an_answer_still_thanks_the_borrower(
    filled: Client,
) -> None:
    from django.db import OperationalError, connection

    def refuse_counts(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        if "advisor_claritycount" in sql:
            raise OperationalError("database is locked")
        return execute(sql, params, many, context)

    ticket = ticket_in(filled.get("/check/result/").content.decode())
    with connection.execute_wrapper(refuse_counts):
        response = filled.post(CLEAR_URL, {"ticket": ticket, "clear": "yes"})
    assert response.status_code == 200
    assert clarity() == {}  # the count is lost, and only the count
