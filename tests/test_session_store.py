"""advisor.sessionstore writes the answers only when they changed (issue 25, F1).

A page view in flight while the borrower answers in another tab loaded the older answers; if
it wrote its whole copy back, the new answer was lost without a word. Outage behaviour (an
unreadable session is never written, a failed write is a calm 503) is in tests/test_outages.py.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from advisor.sessionstore import TOUCH_SECONDS, SessionStore

pytestmark = pytest.mark.django_db


def _new_session(answer: str) -> str:
    store = SessionStore()
    store["bh"] = {"v": 1, "check": {"answer": answer}}
    store.save()
    assert store.session_key
    return store.session_key


def _age(key: str, seconds: int) -> None:
    """Make the row look last refreshed ``seconds`` ago."""
    store = SessionStore(key)
    expiry = timezone.now() + dt.timedelta(seconds=store.get_session_cookie_age() - seconds)
    Session.objects.filter(pk=key).update(expire_date=expiry)


def _updates(queries: CaptureQueriesContext) -> list[str]:
    return [q["sql"] for q in queries.captured_queries if q["sql"].startswith("UPDATE")]


def test_a_page_view_that_changed_nothing_never_writes_older_answers_back() -> None:
    key = _new_session("A")
    _age(key, TOUCH_SECONDS + 60)  # due for the expiry to be moved forward
    reader = SessionStore(key)
    assert reader["bh"]["check"]["answer"] == "A"  # a page loading in another tab

    answering = SessionStore(key)
    answering["bh"] = {"v": 1, "check": {"answer": "B"}}
    answering.save()

    reader.save()  # the reader's page ends after the answer was saved
    assert SessionStore(key)["bh"]["check"]["answer"] == "B"


def test_an_unchanged_session_only_has_its_expiry_moved_forward() -> None:
    key = _new_session("A")
    _age(key, TOUCH_SECONDS + 60)
    before = Session.objects.get(pk=key)
    store = SessionStore(key)
    store.load()
    with CaptureQueriesContext(connection) as queries:
        store.save()
    (update,) = _updates(queries)
    assert "session_data" not in update
    after = Session.objects.get(pk=key)
    assert after.expire_date > before.expire_date
    assert after.session_data == before.session_data


def test_the_same_answers_stored_again_are_not_written() -> None:
    key = _new_session("A")
    store = SessionStore(key)
    store["bh"] = {"check": {"answer": "A"}, "v": 1}  # marked modified, same answers
    assert store.modified
    with CaptureQueriesContext(connection) as queries:
        store.save()
    assert _updates(queries) == []


def test_reading_pages_writes_nothing_between_touches(client: Client, content: None) -> None:
    client.post("/visitor/check/", {"ticked": []})  # a borrower with a session cookie
    assert Session.objects.count() == 1
    with CaptureQueriesContext(connection) as queries:
        for path in ("/", "/visitor/", "/check/result/", "/plan/"):
            client.get(path)
    assert _updates(queries) == []


def test_a_changed_answer_is_written() -> None:
    key = _new_session("A")
    store = SessionStore(key)
    store["bh"] = {"v": 1, "check": {"answer": "B"}}
    store.save()
    assert SessionStore(key)["bh"]["check"]["answer"] == "B"


def test_the_plain_read_gives_what_the_orm_gives_and_nothing_once_expired() -> None:
    key = _new_session("甲")
    row = Session.objects.get(pk=key)
    store = SessionStore(key)
    assert store.load() == {"bh": {"v": 1, "check": {"answer": "甲"}}}
    assert store._loaded_expiry == row.expire_date  # aware, on SQLite and PostgreSQL alike
    Session.objects.filter(pk=key).update(expire_date=timezone.now() - dt.timedelta(seconds=1))
    expired = SessionStore(key)
    assert expired.load() == {}
    assert expired.session_key is None  # a new key is made when something is stored
    assert SessionStore("no-such-key-0123456789abcdef").load() == {}
