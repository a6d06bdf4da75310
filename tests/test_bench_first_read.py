"""`make bench` times the question, result and plan pages as first reads: before each read the
borrower's session is copied to a new key, so no read can profit from an earlier one."""

from __future__ import annotations

import sys
from importlib import import_module
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client

from tests.helpers import answer_debt
from tests.sample_borrower import FIRST_DEBT

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import bench_cpu

pytestmark = pytest.mark.django_db


def test_each_first_read_gets_the_answers_under_a_session_key_never_read_before(
    client: Client, content: None
) -> None:
    answer_debt(client, 1, FIRST_DEBT)
    name = settings.SESSION_COOKIE_NAME
    key = client.cookies[name].value
    store = import_module(settings.SESSION_ENGINE).SessionStore

    cookie, copied = bench_cpu.fresh_session(f"{name}={key}; csrftoken=kept")

    assert copied != key
    assert cookie == f"{name}={copied}; csrftoken=kept"
    assert store(copied).load() == store(key).load() != {}
    bench_cpu.forget_sessions([copied])
    assert not Session.objects.filter(pk=copied).exists()
    assert Session.objects.filter(pk=key).exists()


def test_the_timed_reads_of_a_personal_page_each_use_a_new_copy_of_the_session(
    client: Client, content: None
) -> None:
    answer_debt(client, 1, FIRST_DEBT)
    name = settings.SESSION_COOKIE_NAME
    cookie = f"{name}={client.cookies[name].value}"
    seen: list[tuple[str, str]] = []

    def app(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        seen.append((environ["PATH_INFO"], environ.get("HTTP_COOKIE", "")))
        start_response("200 OK", [])
        return [b"page"]

    first_read = sorted(bench_cpu.FIRST_READS)[0]
    targets = {
        "a": {"label": "bare", "path": "/bare/"},
        "b": {"label": "home", "path": "/home/", "cookie": cookie},
        first_read: {"label": "personal", "path": "/personal/", "cookie": cookie},
    }
    result = bench_cpu.measure(app, targets, rounds=4, pdf_rounds=0, gzip=False)

    timed = [sent for path, sent in seen if path == "/personal/"][-4:]
    assert len(set(timed)) == 4 and cookie not in timed
    assert {sent for path, sent in seen if path == "/home/"} == {cookie}  # not a personal page
    assert result["pages"][first_read]["first_read"] is True
    copies = [sent.split("=", 1)[1] for sent in timed]
    assert not Session.objects.filter(pk__in=copies).exists()  # removed after measuring
