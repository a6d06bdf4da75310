"""Save codes under pressure: no lost updates, restore attempts rate-limited before any key
derivation, a new code shown once; and admin lockouts that never lock everyone out."""

from __future__ import annotations

import datetime as dt
import threading
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from typing import Any

import pytest
import time_machine
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client

from advisor import savecodes, throttle, vault
from advisor.models import SavedBundle

PASSWORD = "a long enough password 1"


@pytest.fixture(autouse=True)
def _fresh_counters() -> None:
    throttle.reset()


@pytest.fixture
def one_minute() -> Any:
    """Freeze the clock so that every attempt falls in the same one-minute window."""
    with time_machine.travel(dt.datetime(2026, 12, 3, 10, 0, 5, tzinfo=dt.UTC), tick=False):
        yield


# --- no lost updates --------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_write_between_read_and_write_is_not_lost() -> None:
    code = savecodes.create({"check": {"debts": []}})
    calls = []

    def add_entry(area: Any) -> dict[str, Any]:
        calls.append(area)
        if len(calls) == 1:  # another tab writes while this edit is in flight
            savecodes.update(code, "plan", {"budget": "1200.00"})
        entries = (area or {}).get("entries", [])
        return {"entries": [*entries, "call at 21:40"]}

    savecodes.change(code, "evidence", add_entry)

    assert len(calls) == 2  # the first write was refused and the edit applied again
    assert savecodes.get(code) == {
        "check": {"debts": []},
        "plan": {"budget": "1200.00"},
        "evidence": {"entries": ["call at 21:40"]},
    }
    assert SavedBundle.objects.get().version == 2


def test_one_key_derivation_serves_the_whole_request(
    client: Client, content: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    client.post("/evidence/start/")
    derivations = []
    real = vault._derive
    monkeypatch.setattr(vault, "_derive", lambda code: derivations.append(1) or real(code))
    response = client.post(
        "/evidence/",
        {"date": "2026-11-23", "time": "21:40", "kind": "call", "who": "x", "what": "y"},
    )
    assert response.status_code == 302
    assert len(derivations) == 1


@pytest.mark.database("postgresql")
@pytest.mark.django_db(transaction=True)
def test_concurrent_evidence_entries_under_one_code_are_all_kept(live_server: Any) -> None:
    """Real concurrent requests: a server database (`make test-postgres` runs it)."""
    call_command("load_content", verbosity=0)
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.open(live_server.url + "/evidence/")
    token = next(c.value for c in jar if c.name == "csrftoken")

    def post(path: str, data: dict[str, str]) -> None:
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}).encode()
        request = urllib.request.Request(live_server.url + path, data=body)
        request.add_header("Referer", live_server.url + path)
        opener.open(request)

    post("/evidence/start/", {})
    rounds, per_round = 5, 4
    for round_number in range(rounds):
        threads = [
            threading.Thread(
                target=post,
                args=(
                    "/evidence/",
                    {
                        "date": "2026-11-23",
                        "time": f"21:{round_number}{n}",
                        "kind": "call",
                        "who": "collector",
                        "what": f"round {round_number} tap {n}",
                    },
                ),
            )
            for n in range(per_round)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    code = next(c.value for c in jar if c.name == "bh_save")
    entries = savecodes.get(code)["evidence"]["entries"]
    assert len(entries) == rounds * per_round


# --- restore rate limits ----------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/check/resume/", "/evidence/open/"])
def test_restore_attempts_are_limited_per_address_before_any_key_derivation(
    client: Client,
    content: None,
    settings: Any,
    monkeypatch: pytest.MonkeyPatch,
    path: str,
    one_minute: None,
) -> None:
    settings.RESTORE_LIMIT_PER_CLIENT = 3
    derivations = []
    real = vault._derive
    monkeypatch.setattr(vault, "_derive", lambda code: derivations.append(1) or real(code))
    guesses = [vault.new_code() for _ in range(5)]
    statuses = [client.post(path, {"code": guess}).status_code for guess in guesses]

    assert statuses == [200, 200, 200, 429, 429]
    assert len(derivations) == 3
    refused = client.post(path, {"code": guesses[0]})
    assert refused["Retry-After"] == "60"
    assert "请等一分钟" in refused.content.decode()

    other = Client(REMOTE_ADDR="192.0.2.44")  # another borrower is not held up
    assert other.post(path, {"code": guesses[0]}).status_code == 200


def test_six_guessing_addresses_do_not_lock_out_a_borrower_from_a_new_address(
    content: None, settings: Any, one_minute: None
) -> None:
    for n in range(6):
        guesser = Client(REMOTE_ADDR=f"198.51.100.{n + 10}")
        for _ in range(settings.RESTORE_LIMIT_PER_CLIENT + 2):
            guesser.post("/check/resume/", {"code": vault.new_code()})
    borrower = Client(REMOTE_ADDR="203.0.113.50")
    response = borrower.post("/check/resume/", {"code": vault.new_code()})
    assert response.status_code == 200
    assert "找不到用这个保存码保存的内容" in response.content.decode()


def test_the_limit_per_address_holds_when_each_process_has_its_own_cache(
    content: None, settings: Any, one_minute: None
) -> None:
    # Without Redis every app process has its own cache and memory: the count must not be there.
    settings.RESTORE_LIMIT_PER_CLIENT = 3
    guesser = Client(REMOTE_ADDR="198.51.100.9")
    statuses = []
    for _ in range(5):
        statuses.append(guesser.post("/check/resume/", {"code": vault.new_code()}).status_code)
        cache.clear()  # the next attempt lands on another process
        throttle.reset()
    assert statuses == [200, 200, 200, 429, 429]


def test_addresses_of_one_ipv6_network_share_one_limit(
    content: None, settings: Any, one_minute: None
) -> None:
    settings.RESTORE_LIMIT_PER_CLIENT = 2
    statuses = [
        Client(REMOTE_ADDR=f"2001:db8:5:7::{n:x}")
        .post("/evidence/open/", {"code": vault.new_code()})
        .status_code
        for n in range(1, 5)
    ]
    assert statuses == [200, 200, 429, 429]
    other_network = Client(REMOTE_ADDR="2001:db8:5:8::1")
    assert other_network.post("/evidence/open/", {"code": vault.new_code()}).status_code == 200


def test_the_english_wait_page_is_translated(
    client: Client, content: None, settings: Any, one_minute: None
) -> None:
    settings.RESTORE_LIMIT_PER_CLIENT = 1
    client.cookies["bh_language"] = "en"
    client.post("/evidence/open/", {"code": vault.new_code()})
    html = client.post("/evidence/open/", {"code": vault.new_code()}).content.decode()
    assert "minute" in html and "请等一分钟" not in html


# --- shown once -------------------------------------------------------------------------------


def test_a_new_check_save_code_is_shown_once(client: Client, content: None) -> None:
    from tests.helpers import text_of
    from tests.sample_borrower import FIRST_DEBT

    client.get("/check/")
    for slug, data in FIRST_DEBT:
        client.post(f"/check/debt/1/{slug}/", data)
    assert client.post("/check/save/").status_code == 302
    code = client.cookies["bh_save"].value
    # Page text, not markup: the code is drawn in groups that may wrap between them.
    assert code in text_of(client.get("/check/save/done/"))
    again = text_of(client.get("/check/save/done/"))
    assert code not in again
    assert "只在生成时显示一次" in again


# --- admin lockout ----------------------------------------------------------------------------


@pytest.fixture
def editors(db: None) -> None:
    for name in ("alice", "bob"):
        get_user_model().objects.create_user(name, password=PASSWORD, is_staff=True)


def proxied(address: str) -> Client:
    """A browser behind the reference nginx: the app sees 127.0.0.1 and X-Forwarded-For."""
    return Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=address)


def test_a_locked_username_and_address_do_not_lock_out_other_editors(
    editors: None, settings: Any
) -> None:
    attacker = proxied("198.51.100.7")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attacker.post("/admin/login/", {"username": "alice", "password": "wrong"})
    assert (
        attacker.post("/admin/login/", {"username": "alice", "password": PASSWORD}).status_code
        == 429
    )

    bob = proxied("203.0.113.20")
    assert bob.post("/admin/login/", {"username": "bob", "password": PASSWORD}).status_code == 302
    alice_elsewhere = proxied("203.0.113.21")
    response = alice_elsewhere.post("/admin/login/", {"username": "alice", "password": PASSWORD})
    assert response.status_code == 302
    assert AccessAttempt.objects.get().ip_address == "198.51.100.7"


def test_forwarded_addresses_are_believed_only_from_the_proxy(editors: None, settings: Any) -> None:
    direct = Client(REMOTE_ADDR="192.0.2.9", HTTP_X_FORWARDED_FOR="203.0.113.99")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        direct.post("/admin/login/", {"username": "alice", "password": "wrong"})
    assert AccessAttempt.objects.get().ip_address == "192.0.2.9"
    # A client adding its own X-Forwarded-For through the proxy: the proxy's last entry counts.
    spoofer = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.1, 198.51.100.5")
    spoofer.post("/admin/login/", {"username": "bob", "password": "wrong"})
    assert AccessAttempt.objects.filter(username="bob").get().ip_address == "198.51.100.5"


def test_sign_in_records_are_purged_after_30_days(editors: None, settings: Any) -> None:
    start = dt.datetime(2026, 11, 1, 9, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False):
        proxied("198.51.100.7").post("/admin/login/", {"username": "x", "password": "wrong"})
    with time_machine.travel(start + dt.timedelta(days=29), tick=False):
        call_command("purge_login_records", verbosity=0)
        assert AccessAttempt.objects.count() == 1
    with time_machine.travel(start + dt.timedelta(days=31), tick=False):
        call_command("purge_login_records", verbosity=0)
        assert AccessAttempt.objects.count() == 0


def test_one_address_cannot_guess_passwords_across_many_usernames(
    editors: None, settings: Any
) -> None:
    # Under the limit for each username (4 of 5), but 24 guesses from one address in all.
    guesser = proxied("198.51.100.77")
    statuses = [
        guesser.post("/admin/login/", {"username": name, "password": "wrong"}).status_code
        for name in ("alice", "bob", "carol", "dave", "erin", "frank")
        for _ in range(settings.AXES_FAILURE_LIMIT - 1)
    ]
    cap = settings.ADMIN_FAILURES_PER_ADDRESS
    assert statuses == [200] * (cap - 1) + [429] * (len(statuses) - cap + 1)
    # bob, from that address, is refused even with his password; from his own, he signs in.
    refused = guesser.post("/admin/login/", {"username": "bob", "password": PASSWORD})
    assert refused.status_code == 429
    bob = proxied("203.0.113.20")
    assert bob.post("/admin/login/", {"username": "bob", "password": PASSWORD}).status_code == 302
