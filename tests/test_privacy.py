"""Borrower privacy, end to end: personal details never reach a database row or a log line.

The journey below types a unique name and ID number into every place that asks for personal
details (letters, the evidence log), walks the rest of the site, then dumps EVERY table —
session rows decoded with ``get_decoded()``, not only grepped as stored — and every log line.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from advisor.models import SavedBundle
from tests.helpers import database_dump, form_data, form_with, form_with_options
from tests.sample_borrower import BUDGET_FORM, DEBTS

pytestmark = pytest.mark.django_db


# --- the journey ------------------------------------------------------------------------------


def unique_details() -> dict[str, str]:
    token = secrets.token_hex(4).upper()
    middle = f"{secrets.randbelow(10**8):08d}"
    return {
        "name": f"隐私测试{token}",
        "token": token,
        "id_number": f"4401{middle}771X",
        "id_fragment": middle,
        "phone": f"139{secrets.randbelow(10**8):08d}",
        "address": f"幸福路{token}号",
    }


def ok(response: Any, *codes: int) -> Any:
    assert response.status_code in (codes or (200,)), (
        response.status_code,
        response.get("Location"),
    )
    return response


def walk_the_site(client: Client, who: dict[str, str], *, letters: bool = True) -> dict[str, bytes]:
    """Every part of the site that exists, with ``who``'s details typed wherever asked.

    Returns the downloads (PDF, Word), which MAY contain the details: they go to the
    borrower's device, not to the server's storage.
    """
    downloads: dict[str, bytes] = {}
    ok(client.get("/"))
    ok(client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/"}), 302)

    # The guided check (two debts) and its result; the lender's "other" name is free text.
    for number, steps in enumerate(DEBTS, start=1):
        for slug, data in steps:
            ok(client.post(f"/check/debt/{number}/{slug}/", data), 302)
    ok(client.get("/check/answers/"))
    ok(client.get("/check/result/"))
    # The plan, built from the check's debts, with its PDF and calendar.
    ok(client.get("/plan/"))
    ok(client.post("/plan/budget/", BUDGET_FORM), 302)
    ok(client.get("/plan/result/"))
    downloads["plan.pdf"] = ok(client.get("/plan/repayment-plan.pdf")).content
    downloads["plan.ics"] = ok(client.get("/plan/repayment-plan.ics")).content

    # At the door: the checklist (session area "door").
    html = ok(client.get("/visitor/")).content.decode()
    ticks = [value for name, value in form_with_options(html, "ticked")][:3]
    ok(client.post("/visitor/check/", {"ticked": ticks}), 302)
    ok(client.get("/visitor/result/"))

    # The evidence log: encrypted under a save code that lives only in a cookie.
    ok(client.post("/evidence/start/"), 302)
    ok(client.get("/evidence/code/"))
    today = timezone.localdate()
    ok(
        client.post(
            "/evidence/",
            {
                "kind": "visit",
                "date": (today - dt.timedelta(days=1)).isoformat(),
                "time": "21:40",
                "who": f"{who['name']} 自称催收员",
                "what": f"在门口大声念出我的身份证号 {who['id_number']} 和住址 {who['address']}",
                "attachments": f"录音_{who['token']}.m4a",
            },
        ),
        302,
    )
    evidence_page = ok(client.get("/evidence/")).content.decode()
    assert who["name"] in evidence_page  # shown back to the borrower (from the vault)
    ok(client.get("/evidence/summary/?to=12378"))
    downloads["evidence.pdf"] = ok(client.get("/evidence/summary.pdf?to=12378")).content

    if not letters:
        return downloads
    # A letter with every personal detail filled in: details → edit → preview, PDF, Word.
    page = ok(client.get("/letters/loan-negotiation/write/")).content.decode()
    details = form_with(page, "step")
    personal = {
        key: who[key]
        for key in ("name", "id_number", "phone", "address")
        if any(n == key for n, _ in details["fields"])
    }
    assert "name" in personal
    hardship = (
        {"hardship": f"{who['name']}今年失业"}
        if any(n == "hardship" for n, _ in details["fields"])
        else {}
    )
    edit = ok(
        client.post("/letters/loan-negotiation/write/", form_data(details, **personal, **hardship))
    ).content.decode()
    assert who["name"] in edit
    edit_form = form_with(edit, "text")
    for action in ("preview", "pdf", "docx"):
        response = ok(
            client.post("/letters/loan-negotiation/write/", form_data(edit_form, action=action))
        )
        if action != "preview":
            downloads[f"letter.{action}"] = response.content

    for url in ("/rights/", "/scam/", "/privacy/", "/erase/"):
        ok(client.get(url))
    return downloads


class _Everything(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.name} {record.getMessage()} {record.args!r} {record.exc_text}")


@pytest.fixture
def all_logs() -> Iterator[_Everything]:
    """Every record any logger emits (ours do not propagate to the root, so attach to each).

    Loggers keep their configured levels (what would reach a log file), except the site's
    own, which run at DEBUG: LOG_LEVEL=DEBUG is an operator's option and must be safe too.
    """
    handler = _Everything()
    loggers = [logging.getLogger()] + [
        logging.getLogger(name) for name in list(logging.Logger.manager.loggerDict)
    ]
    levels = {logger: logger.level for logger in loggers}
    for logger in loggers:
        logger.addHandler(handler)
        if logger.name.startswith(("borrower_help", "advisor")):
            logger.setLevel(logging.DEBUG)
    yield handler
    for logger in loggers:
        logger.removeHandler(handler)
        logger.setLevel(levels[logger])


def secrets_of(who: dict[str, str]) -> list[str]:
    return [
        who["name"],
        who["token"],
        who["id_number"],
        who["id_fragment"],
        who["phone"],
        who["address"],
    ]


def test_personal_details_appear_in_no_database_row_and_no_log_line(
    client: Client, content: None, all_logs: _Everything, capfd: pytest.CaptureFixture[str]
) -> None:
    who = unique_details()
    downloads = walk_the_site(client, who)

    assert Session.objects.exists(), "the journey should have stored answers in a session"
    assert SavedBundle.objects.exists(), "the evidence log should be saved (encrypted)"
    dump = database_dump()
    assert "decoded session" in dump
    for secret in secrets_of(who):
        assert secret not in dump, f"{secret!r} was found in the database"
    out, err = capfd.readouterr()
    logs = "\n".join(all_logs.lines) + out + err
    assert "path=/evidence/" in logs, "the request log should have been captured"
    for secret in secrets_of(who):
        assert secret not in logs, f"{secret!r} was found in the logs"
    # The borrower's own downloads do carry what they typed (control: the journey really
    # typed the details in).
    assert downloads["letter.pdf"].startswith(b"%PDF")
    assert downloads["letter.docx"].startswith(b"PK")


def test_the_dump_would_find_a_detail_hidden_in_a_session(client: Client, content: None) -> None:
    """Negative control: a detail put in the session is found by the decoded dump."""
    who = unique_details()
    client.get("/")
    session = client.session
    session["leak"] = {"name": who["name"]}
    session.save()
    raw = "\n".join(str(v) for v in Session.objects.values_list("session_data", flat=True))
    assert who["name"] not in raw  # stored base64-signed: a plain grep misses it
    assert who["name"] in database_dump()


def test_erase_removes_the_session_row_and_the_saved_evidence(
    client: Client, content: None
) -> None:
    who = unique_details()
    walk_the_site(client, who, letters=False)
    assert Session.objects.count() == 1
    assert SavedBundle.objects.count() == 1
    response = client.post("/erase/")
    assert response.status_code == 302
    assert Session.objects.count() == 0
    assert SavedBundle.objects.count() == 0
    assert response.cookies[settings.SESSION_COOKIE_NAME].value == ""
    assert response.cookies["bh_save"].value == ""
    # Nothing comes back afterwards.
    assert who["name"] not in client.get("/evidence/").content.decode()


def test_sessions_expire_24_hours_after_the_last_use_and_clearsessions_removes_them(
    client: Client, content: None
) -> None:
    assert settings.SESSION_COOKIE_AGE == 24 * 3600
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        ok(client.get("/visitor/"))
        html = client.get("/visitor/").content.decode()
        ticks = [v for _, v in form_with_options(html, "ticked")][:2]
        ok(client.post("/visitor/check/", {"ticked": ticks}), 302)
        row = Session.objects.get()
        assert row.expire_date == pytest.approx(
            start + dt.timedelta(hours=24), abs=dt.timedelta(seconds=5)
        )
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        assert int(cookie["max-age"]) == 24 * 3600
    used = start + dt.timedelta(hours=23)
    with time_machine.travel(used, tick=False):
        assert client.session.get("bh"), "still there before 24 hours"
        # Only reading a page counts as use: expiry moves to 24 hours from now.
        assert " checked" in ok(client.get("/visitor/")).content.decode()
        assert Session.objects.get().expire_date == pytest.approx(
            used + dt.timedelta(hours=24), abs=dt.timedelta(seconds=5)
        )
    with time_machine.travel(start + dt.timedelta(hours=24, minutes=1), tick=False):
        assert client.session.get("bh"), "24 hours after the first visit but not the last use"
    with time_machine.travel(used + dt.timedelta(hours=24, minutes=1), tick=False):
        assert dict(client.session.items()) == {}, "expired sessions are not read"
        assert " checked" not in ok(client.get("/visitor/")).content.decode()
        call_command("clearsessions")
        assert not Session.objects.filter(expire_date__lte=timezone.now()).exists()


def test_saved_bundles_are_purged_after_the_retention_period(client: Client, content: None) -> None:
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        ok(client.post("/evidence/start/"), 302)
        assert SavedBundle.objects.count() == 1
    later = start + dt.timedelta(days=settings.SAVE_CODE_RETENTION_DAYS, hours=1)
    with time_machine.travel(later, tick=False):
        call_command("purge_saved", verbosity=0)
        assert SavedBundle.objects.count() == 0
