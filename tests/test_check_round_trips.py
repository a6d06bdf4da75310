"""One round trip per answer (issue 24 item 7): with JavaScript, an answer's response is the
next question itself, its address pushed by htmx; without it, post/redirect/get as before.
And htmx is sent only to the pages that use it."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from advisor import check_steps
from tests.helpers import answer_debt, step_url, text_of
from tests.sample_borrower import FIRST_DEBT, SECOND_DEBT

pytestmark = pytest.mark.django_db

BOOSTED = {"HTTP_HX_REQUEST": "true", "HTTP_HX_BOOSTED": "true"}


def boosted_walk(client: Client, number: int, steps: list) -> list[str]:
    """Answer like htmx does; returns each answer's pushed address."""
    pushed = []
    location = step_url(number, steps[0][0])
    for slug, data in steps:
        if location != step_url(number, slug) and check_steps.step(slug).per_borrower:
            continue
        response = client.post(location, data, **BOOSTED)
        assert response.status_code == 200, (slug, response.status_code)
        location = response["HX-Push-Url"]
        pushed.append(location)
        # The response is the page at that address, whole (htmx swaps the body).
        assert "<html" in response.content.decode()
    return pushed


def plain_walk(client: Client, number: int, steps: list) -> list[str]:
    places = []
    location = step_url(number, steps[0][0])
    for slug, data in steps:
        if location != step_url(number, slug) and check_steps.step(slug).per_borrower:
            continue
        location = client.post(location, data)["Location"]
        places.append(location)
    return places


def test_an_answer_sent_by_htmx_gets_the_next_question_in_one_response(
    client: Client, content: None
) -> None:
    first = check_steps.SLUGS[0]
    response = client.post(step_url(1, first), dict(FIRST_DEBT[0][1]), **BOOSTED)
    assert response.status_code == 200
    following = check_steps.SLUGS[1]
    assert response["HX-Push-Url"] == step_url(1, following)
    asked = str(check_steps.step(following).form.base_fields[following].label)
    assert asked in text_of(response)


def test_htmx_and_plain_forms_walk_the_same_addresses_and_keep_the_same_answers(
    content: None,
) -> None:
    with_htmx, without = Client(), Client()
    assert boosted_walk(with_htmx, 1, FIRST_DEBT) == plain_walk(without, 1, FIRST_DEBT)
    assert boosted_walk(with_htmx, 2, SECOND_DEBT) == plain_walk(without, 2, SECOND_DEBT)
    assert text_of(with_htmx.get("/check/result/")) == text_of(without.get("/check/result/"))


def test_a_refused_answer_sent_by_htmx_shows_its_errors_and_pushes_no_address(
    client: Client, content: None
) -> None:
    answer_debt(client, 1, FIRST_DEBT[:2])
    response = client.post(step_url(1, "amount"), {"amount": "abc"}, **BOOSTED)
    assert response.status_code == 200
    assert response["HX-Push-Url"] == "false"  # no new history entry for the same question
    assert 'class="error-summary"' in response.content.decode()


def test_an_htmx_request_that_is_not_boosted_still_gets_the_redirect(
    client: Client, content: None
) -> None:
    first = check_steps.SLUGS[0]
    response = client.post(step_url(1, first), dict(FIRST_DEBT[0][1]), HTTP_HX_REQUEST="true")
    assert response.status_code == 302


def test_a_question_page_posts_with_htmx_and_still_works_as_a_plain_form(
    client: Client, content: None
) -> None:
    page = client.get(step_url(1, check_steps.SLUGS[0])).content.decode()
    assert 'data-hx-boost="true"' in page and 'method="post"' in page
    assert "htmx" in page


@pytest.mark.parametrize(
    ("path", "uses_htmx"),
    [
        ("/", False),
        ("/rights/", False),
        ("/check/", True),  # the first question, under its intro
        ("/papers/", False),
        ("/visitor/", True),
        ("/scam/", True),
        ("/check/debt/1/kind/", True),
    ],
)
def test_htmx_is_sent_only_to_pages_that_use_it(
    client: Client, content: None, path: str, uses_htmx: bool
) -> None:
    page = client.get(path).content.decode()
    assert bool(re.search(r"<script[^>]+htmx[^>]*\.js", page)) is uses_htmx


def test_static_files_are_sent_compressed_to_a_browser_that_accepts_it(client: Client) -> None:
    # make run serves them from the source folders, where no compressed copy is prepared.
    response = client.get("/static/js/site.js", HTTP_ACCEPT_ENCODING="gzip, br")
    try:
        assert response.status_code == 200
        assert response["Content-Encoding"] in {"gzip", "br"}
    finally:
        response.close()
