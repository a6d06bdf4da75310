"""Anonymous counts: a whole journey leaves only counts, and counting never costs a page."""

from __future__ import annotations

from typing import Any

import pytest
from django.apps import apps
from django.core import serializers
from django.db import OperationalError, connection
from django.test import Client

from advisor import check_steps, counts
from advisor.models import (
    ClarityCount,
    OutcomeCount,
    RestoreAttempts,
    SavedBundle,
    StepCount,
    today,
)
from tests.helpers import (
    NAME,
    PHONE,
    WEILIDAI,
    details_then_edit,
    edit_post,
    step_url,
    ticket_in,
    write_url,
)
from tests.journey_pages import EVIDENCE, fill_borrower

COUNT_MODELS = (StepCount, ClarityCount, OutcomeCount)
USER_AGENT = "Mozilla/5.0 TestPhone Zq9UA"
ADDRESS = "203.0.113.77"
PAPERS = "/papers/?kind=payment-order&served=2026-03-10"


def count_dump() -> str:
    return "\n".join(serializers.serialize("json", m.objects.all()) for m in COUNT_MODELS)


def steps(**where: Any) -> int:
    return sum(row.n for row in StepCount.objects.filter(**where))


def rows_per_table() -> dict[str, int]:
    return {model._meta.db_table: model.objects.count() for model in apps.get_models()}


def walk(client: Client) -> dict[str, str]:
    """One borrower through every journey; returns what identifies them or what they typed."""
    fill_borrower(client)
    assert client.get("/check/result/").status_code == 200
    assert client.get("/check/result/").status_code == 200  # every read counts
    assert client.post("/check/save/").status_code == 302
    _page, data, edit = details_then_edit(client, "loan-negotiation")
    text = edit.context["form"].initial["text"]
    made = client.post(write_url("loan-negotiation"), edit_post(data, text, "pdf"))
    assert made["Content-Type"] == "application/pdf"
    assert client.post("/visitor/check/", {}).status_code == 302
    assert client.get("/visitor/result/").status_code == 200
    assert client.get(PAPERS).status_code == 200
    assert client.get("/plan/repayment-plan.pdf").status_code == 200
    result = client.get("/check/result/").content.decode()
    sent = client.post(
        "/feedback/clear/", {"ticket": ticket_in(result), "clear": "no", "reason": "word"}
    )
    assert sent.status_code == 200
    form = client.get("/feedback/what-happened/").content.decode()
    answers = {"ticket": ticket_in(form), "debt": "1", "visit": "happened", "visit_how": "polite"}
    assert client.post("/feedback/what-happened/", answers).status_code == 200
    counts.flush()
    return {
        "session key": client.cookies["bh_session"].value,
        "save code": client.cookies["bh_save"].value,
        "address": ADDRESS,
        "user agent": "Zq9UA",
        "name": NAME,
        "phone": PHONE,
        "evidence": EVIDENCE["who"],
        "evidence text": EVIDENCE["what"],
        "served date": "2026-03-10",
    }


@pytest.fixture
def borrower(content: None) -> Client:
    return Client(REMOTE_ADDR=ADDRESS, HTTP_USER_AGENT=USER_AGENT)


def test_a_whole_journey_leaves_only_counts_with_nothing_that_identifies_the_borrower(
    borrower: Client,
) -> None:
    secrets = walk(borrower)
    dump = count_dump()
    assert StepCount.objects.exists() and ClarityCount.objects.exists()
    assert OutcomeCount.objects.exists()
    for what, value in secrets.items():
        assert value not in dump, what
    # Each count holds what is counted and how many: no other field to fill.
    for model in COUNT_MODELS:
        names = {f.name for f in model._meta.get_fields()} - {"id", "n"}
        assert names <= {
            "day",
            "journey",
            "step",
            "event",
            "page",
            "content_version",
            "answer",
            "reason",
            "question",
            "lender_kind",
            "level",
            "estimate_version",
        }


def test_every_question_of_the_check_is_counted_as_seen_and_answered_for_each_debt(
    borrower: Client,
) -> None:
    walk(borrower)
    for step in check_steps.STEPS:
        asked = 1 if step.per_borrower else 2  # the sample borrower has two debts
        assert steps(journey="check", step=step.slug, event=counts.VIEW) == asked, step.slug
        assert steps(journey="check", step=step.slug, event=counts.DONE) == asked, step.slug
    assert steps(journey="check", step="result", event=counts.VIEW) == 3
    assert steps(journey="letters", step="loan-negotiation:write", event=counts.MADE) == 1
    assert steps(journey="plan", step="plan-pdf", event=counts.MADE) == 1
    assert steps(journey="plan", step="budget", event=counts.DONE) == 1
    assert steps(journey="door", step="verdict") == 1
    assert steps(journey="papers", step="deadline:payment-order", event="calculated") == 1
    assert set(StepCount.objects.values_list("day", flat=True)) == {today()}


def test_erasing_leaves_the_counts_and_nothing_else_to_delete(borrower: Client) -> None:
    tables_before = rows_per_table()
    secrets = walk(borrower)
    counted = count_dump()
    assert SavedBundle.objects.exists()
    assert borrower.post("/erase/").status_code == 302
    assert count_dump() == counted
    changed = {t for t, n in rows_per_table().items() if n != tables_before.get(t)}
    # Besides the counts, only the save-code rate limit's row (a keyed hash of the address and
    # the minute, deleted as the next minutes come) is left by the walk.
    assert changed - {RestoreAttempts._meta.db_table} == {m._meta.db_table for m in COUNT_MODELS}
    everything = "\n".join(
        serializers.serialize("json", model.objects.all()) for model in apps.get_models()
    )
    for what, value in secrets.items():
        assert value not in everything, what


def test_a_page_is_counted_in_memory_and_written_only_when_the_flush_is_due(
    content: None, client: Client, settings: Any
) -> None:
    settings.COUNTS_FLUSH_SECONDS = 3600
    assert client.get("/visitor/").status_code == 200
    assert not StepCount.objects.exists()
    settings.COUNTS_FLUSH_SECONDS = 1
    counts._flushed_at["at"] -= 2
    assert client.get("/visitor/").status_code == 200
    assert steps(journey="door", step="checklist", event=counts.VIEW) == 2


def _refuse_count_writes(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
    if "advisor_stepcount" in sql:
        raise OperationalError("disk I/O error")
    return execute(sql, params, many, context)


def test_a_database_failure_while_counting_loses_the_count_not_the_page(
    content: None, client: Client, settings: Any
) -> None:
    settings.COUNTS_FLUSH_SECONDS = 1
    counts._flushed_at["at"] -= 2
    with connection.execute_wrapper(_refuse_count_writes):
        response = client.get("/visitor/")
    assert response.status_code == 200
    assert not StepCount.objects.exists()
    counts.flush()  # nothing was kept to write twice
    assert not StepCount.objects.exists()


def test_any_failure_inside_counting_still_serves_the_page(
    content: None, client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: Any, **__: Any) -> None:
        raise RuntimeError("bug")

    monkeypatch.setattr(counts, "step", broken)
    assert client.get("/visitor/").status_code == 200


def test_a_made_up_question_or_letter_in_the_address_is_not_counted(
    content: None, client: Client
) -> None:
    for path in ("/check/debt/1/not-a-question/", "/letters/no-such-letter/", "/letters/x/write/"):
        client.get(path)
    counts.flush()
    assert not StepCount.objects.filter(step__contains="not-a").exists()
    assert not StepCount.objects.filter(step__contains="no-such").exists()
    assert not StepCount.objects.filter(journey="letters").exclude(step="index").exists()


@pytest.mark.parametrize(
    ("language", "heading", "not_kept"),
    [
        ("zh-hans", "我们只数次数", "IP地址"),
        ("en", "We only count", "IP address"),
        ("zh-hant", "我們只數次數", "IP地址"),
    ],
)
def test_the_privacy_page_says_what_is_counted_and_what_is_not_in_each_language(
    client: Client, settings: Any, language: str, heading: str, not_kept: str
) -> None:
    from advisor.dashboard import MIN_SHOWN

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    html = client.get("/privacy/").content.decode()
    section = html.split('id="counts"', 1)[1]
    assert heading in html and not_kept in section
    assert str(MIN_SHOWN) in section  # the dashboard's own threshold, not another number


def test_counts_wait_in_memory_while_the_database_is_known_to_be_down(
    content: None, client: Client, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from advisor import content as content_reads

    settings.COUNTS_FLUSH_SECONDS = 1
    counts._flushed_at["at"] -= 2
    monkeypatch.setattr(content_reads, "database_resting", lambda: True)
    assert client.get("/visitor/").status_code == 200
    assert not StepCount.objects.exists()
    monkeypatch.setattr(content_reads, "database_resting", lambda: False)
    assert client.get("/visitor/").status_code == 200
    assert steps(journey="door", step="checklist", event=counts.VIEW) == 2


def _counted() -> dict[tuple[str, str, str], int]:
    counts.flush()
    found: dict[tuple[str, str, str], int] = {}
    for row in StepCount.objects.all():
        key = (row.journey, row.step, row.event)
        found[key] = found.get(key, 0) + row.n
    return found


def test_answers_sent_by_htmx_are_counted_like_answers_sent_by_a_plain_form(
    content: None,
) -> None:
    """With JavaScript an accepted answer is answered with the next page itself (no redirect):
    the answer still counts as done, and the page it showed as seen."""
    plain = Client()
    plain.get("/check/")  # the first question, under the intro
    for slug, data in WEILIDAI:
        answered = plain.post(step_url(1, slug), data)
        assert answered.status_code == 302, slug
        assert plain.get(answered["Location"]).status_code == 200
    assert answered["Location"] == "/check/result/"
    by_plain_forms = _counted()
    StepCount.objects.all().delete()

    boosted = Client(headers={"HX-Request": "true", "HX-Boosted": "true"})
    boosted.get("/check/")
    location = step_url(1, WEILIDAI[0][0])
    for slug, data in WEILIDAI:
        response = boosted.post(step_url(1, slug), data)
        assert response.status_code == 200 and response["HX-Push-Url"] != "false", slug
        location = response["HX-Push-Url"]
    assert location == "/check/result/"
    assert _counted() == by_plain_forms
    assert by_plain_forms[("check", check_steps.SLUGS[0], counts.VIEW)] == 1


def test_a_refused_htmx_answer_is_not_counted_as_done(content: None) -> None:
    boosted = Client(headers={"HX-Request": "true", "HX-Boosted": "true"})
    first = check_steps.SLUGS[0]
    refused = boosted.post(step_url(1, first), {})
    assert refused["HX-Push-Url"] == "false"
    assert ("check", first, counts.DONE) not in _counted()
