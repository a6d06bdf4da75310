"""Pages rendered once per change and served again from the borrower's own session.

advisor.keptpages: a kept page is never shared between borrowers, is erased with the
session, shows no answers in the table, carries a fresh CSRF token each time, and is
rendered again as soon as anything it shows could have changed.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zlib
from unittest import mock

import pytest
from cryptography.exceptions import InvalidTag
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.db import OperationalError, connection
from django.middleware.csrf import _unmask_cipher_token  # type: ignore[attr-defined]
from django.test import Client, RequestFactory
from django.utils import timezone

from advisor import keptpages
from advisor.models import Fact, KeptPage
from tests.test_check_journey import answer_debt, text_of
from tests.test_check_result_fit import HUABEI, WEILIDAI

pytestmark = pytest.mark.django_db

RESULT = "/check/result/"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"')


def checked(client: Client, debts: tuple[list, ...] = (WEILIDAI, HUABEI)) -> Client:
    for number, steps in enumerate(debts, start=1):
        answer_debt(client, number, steps)
    return client


def session_key(client: Client) -> str:
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def the_view_must_not_run():
    """While active, rendering the check's pages fails: a 200 can only be a kept page."""
    return mock.patch(
        "advisor.views.check.check_answers.debts", side_effect=AssertionError("view ran")
    )


def test_a_second_read_of_the_result_is_the_kept_page_without_running_the_view(
    client: Client, content: None
) -> None:
    checked(client)
    first = client.get(RESULT)
    assert first.status_code == 200
    assert KeptPage.objects.filter(session_id=session_key(client), path=RESULT).count() == 1
    with the_view_must_not_run():
        again = client.get(RESULT)
    assert again.status_code == 200
    assert text_of(again) == text_of(first)
    assert "38,000" in text_of(again)


def test_changing_an_answer_renders_the_result_again(client: Client, content: None) -> None:
    checked(client)
    assert "38,000" in text_of(client.get(RESULT))
    response = client.post("/check/debt/1/amount/?return=answers", {"amount": "41000"})
    assert response.status_code == 302
    changed = text_of(client.get(RESULT))
    assert "41,000" in changed
    assert "38,000" not in changed


def test_each_language_gets_its_own_page(client: Client, content: None) -> None:
    checked(client)
    chinese = text_of(client.get(RESULT))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = text_of(client.get(RESULT))
    assert english != chinese
    assert re.search(r"[A-Za-z]{4,} [A-Za-z]{4,} [A-Za-z]{4,}", english)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    assert text_of(client.get(RESULT)) == chinese


def test_an_editors_change_reaches_a_kept_page(client: Client, content: None) -> None:
    checked(client)
    fact = Fact.objects.filter(topic="result", status="published").first()
    assert fact is not None, "the result page should show published facts"
    assert fact.title_zh_hans in text_of(client.get(RESULT))
    fact.title_zh_hans = "编辑刚改过的标题"
    fact.save()
    assert "编辑刚改过的标题" in text_of(client.get(RESULT))


def test_each_kept_page_carries_a_fresh_csrf_token_that_is_accepted(
    client: Client, content: None
) -> None:
    checked(client)
    strict = Client(enforce_csrf_checks=True)
    strict.cookies = client.cookies
    question = "/check/debt/1/amount/"  # a kept page with a form (the result page has none)
    first = strict.get(question).content.decode()
    with the_view_must_not_run():
        kept = strict.get(question).content.decode()
    first_tokens, kept_tokens = set(TOKEN.findall(first)), set(TOKEN.findall(kept))
    assert first_tokens and kept_tokens
    assert not first_tokens & kept_tokens, "a kept page must not repeat a masked token"
    secrets = {_unmask_cipher_token(t) for t in first_tokens | kept_tokens}
    assert len(secrets) == 1
    assert "\x00" not in kept
    erase = strict.post("/erase/", {"csrfmiddlewaretoken": kept_tokens.pop()})
    assert erase.status_code == 302
    assert not Session.objects.filter(session_key=session_key(client)).exists()


def test_a_kept_page_is_never_served_to_another_borrower(content: None) -> None:
    first, second = checked(Client()), checked(Client())
    first.get(RESULT)
    # Make the first borrower's kept page unmistakable, under their own key.
    mine = KeptPage.objects.get(session_id=session_key(first), path=RESULT)
    page = keptpages._open(session_key(first), RESULT, bytes(mine.body))
    marked = page.replace("<main", "<main data-owner=first", 1)
    mine.body = keptpages._seal(session_key(first), RESULT, marked)
    mine.save()
    assert "data-owner=first" in first.get(RESULT).content.decode()
    theirs = second.get(RESULT).content.decode()
    assert "data-owner=first" not in theirs
    assert KeptPage.objects.filter(path=RESULT).count() == 2
    with pytest.raises(InvalidTag):
        keptpages._open(session_key(second), RESULT, bytes(mine.body))


def test_the_kept_pages_table_shows_no_answer(client: Client, content: None) -> None:
    checked(client)
    page = client.get(RESULT).content.decode()
    assert "38,000" in page and "微粒贷" in page
    row = KeptPage.objects.get(session_id=session_key(client), path=RESULT)
    raw = bytes(row.body)
    for readable in ("38,000", "38000", "微粒贷", "<html"):
        assert readable.encode() not in raw
    with pytest.raises(zlib.error):
        zlib.decompress(raw)


def test_erasing_my_data_erases_the_kept_pages(client: Client, content: None) -> None:
    checked(client)
    client.get(RESULT)
    assert KeptPage.objects.filter(path=RESULT).exists()
    assert KeptPage.objects.filter(path="/check/debt/1/amount/").exists()  # questions too
    assert client.post("/erase/").status_code == 302
    assert KeptPage.objects.count() == 0


def test_expired_sessions_take_their_kept_pages_with_them(client: Client, content: None) -> None:
    checked(client)
    client.get(RESULT)
    Session.objects.update(expire_date=timezone.now() - timezone.timedelta(minutes=1))
    call_command("clearsessions")
    assert KeptPage.objects.count() == 0


def test_a_damaged_kept_page_is_rendered_again(client: Client, content: None) -> None:
    checked(client)
    client.get(RESULT)
    KeptPage.objects.update(body=b"\x00" * 40)
    response = client.get(RESULT)
    assert response.status_code == 200
    assert "38,000" in text_of(response)


def test_the_page_is_served_when_it_cannot_be_kept(client: Client, content: None) -> None:
    checked(client)
    with mock.patch.object(keptpages, "_write", side_effect=OperationalError("disk I/O error")):
        response = client.get(RESULT)
    assert response.status_code == 200
    assert "38,000" in text_of(response)
    assert not KeptPage.objects.filter(path=RESULT).exists()


def test_the_plan_keeps_its_htmx_part_apart_from_the_whole_page(
    client: Client, content: None
) -> None:
    checked(client)
    assert client.get("/plan/debts/").status_code == 200
    client.get("/plan/result/")
    whole = client.get("/plan/result/").content.decode()
    part = client.get("/plan/result/", headers={"HX-Request": "true"}).content.decode()
    assert "<html" in whole
    assert "<html" not in part
    assert "<html" in client.get("/plan/result/").content.decode()


def test_nothing_is_kept_when_switched_off(client: Client, content: None, settings) -> None:
    settings.KEPT_PAGES = False
    checked(client)
    client.get(RESULT)
    client.get(RESULT)
    assert KeptPage.objects.count() == 0


def test_the_fingerprint_changes_with_everything_a_page_is_rendered_from(settings) -> None:
    settings.ALLOWED_HOSTS = ["testserver", "example.org"]
    factory = RequestFactory()

    def fingerprint(revision: str = "r1", version: str = "7:2026-12-03", **extra) -> str:
        path = extra.pop("path", "/check/result/")
        cookies = extra.pop("cookies", {})
        request = factory.get(path, **extra)
        request.LANGUAGE_CODE = "zh-hans"  # type: ignore[attr-defined]
        request.COOKIES.update(cookies)
        return keptpages._fingerprint(request, request.get_full_path(), revision, version)

    base = fingerprint()
    assert fingerprint() == base
    different = {
        "answers changed": fingerprint(revision="r2"),
        "content or day changed": fingerprint(version="7:2026-12-04"),
        "query string": fingerprint(path="/check/result/?figure=plan"),
        "save-code cookie": fingerprint(cookies={"bh_save": "ABCD"}),
        "language cookie": fingerprint(cookies={settings.LANGUAGE_COOKIE_NAME: "en"}),
        "htmx request": fingerprint(HTTP_HX_REQUEST="true"),
        "host": fingerprint(HTTP_HOST="example.org"),
    }
    for what, value in different.items():
        assert value != base, what
    same = {
        "session cookie": fingerprint(cookies={settings.SESSION_COOKIE_NAME: "k"}),
        "CSRF cookie": fingerprint(cookies={settings.CSRF_COOKIE_NAME: "x" * 32}),
    }
    for what, value in same.items():
        assert value == base, what
    # Only whether there is a save code counts, never the code (no fast hash of it is kept).
    assert fingerprint(cookies={"bh_save": "WXYZ"}) == different["save-code cookie"]


def test_every_app_process_agrees_on_what_pages_are_rendered_from() -> None:
    """Two processes started alike compute the same render version (or nothing is shared)."""
    script = (
        "import django; django.setup();"
        " from advisor import keptpages; print(keptpages.render_version())"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "borrower_help.settings"}
    versions = {
        subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
        ).stdout.strip()
        for _ in range(2)
    }
    assert len(versions) == 1
    assert re.fullmatch(r"[0-9a-f]{64}", versions.pop())


@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_the_page_is_kept_and_the_durability_setting_restored(
    client: Client, content: None
) -> None:
    checked(client)
    client.get(RESULT)
    assert KeptPage.objects.filter(session_id=session_key(client), path=RESULT).exists()
    if connection.vendor == "sqlite":  # kept pages are written with synchronous=NORMAL
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA synchronous")
            assert cursor.fetchone()[0] == 2, "answers must still be saved with FULL"


@pytest.mark.django_db(transaction=True)
def test_a_page_rendered_while_another_tab_erases_the_session_is_not_kept(
    client: Client, content: None
) -> None:
    checked(client)
    real_seal = keptpages._seal

    def erase_then_seal(*args):
        Session.objects.all().delete()  # "erase my data" in another tab, mid-render
        return real_seal(*args)

    with mock.patch.object(keptpages, "_seal", erase_then_seal):
        response = client.get(RESULT)
    assert response.status_code == 200
    assert KeptPage.objects.count() == 0


def test_the_page_is_rendered_when_its_kept_copy_cannot_be_read(
    client: Client, content: None
) -> None:
    checked(client)
    client.get(RESULT)
    with mock.patch.object(keptpages, "_read", side_effect=OperationalError("disk I/O error")):
        response = client.get(RESULT)
    assert response.status_code == 200
    assert "38,000" in text_of(response)
