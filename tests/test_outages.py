"""Outages: the door pages keep working and nothing typed is lost when a part fails.

- Redis: a real redis-server is started, then stopped (and a port that accepts but never
  answers stands in for a black-holed server). Pages work without the cache; /healthz says
  "degraded" with "cache".
- Database: a real gunicorn process is started with its database on a PostgreSQL port where
  nothing listens; the door pages come from the last-known-good copy written before. In
  process, the database is made to refuse every query, and SQLite is switched to read-only
  (PRAGMA query_only) for the "nothing typed is lost" checks.
"""

from __future__ import annotations

import logging
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import OperationalError, connection
from django.test import Client

from advisor import content as content_reads
from tests.helpers import redis_settings
from tests.sample_borrower import FIRST_DEBT
from tests.servers import NO_REDIS, REDIS_SERVER, free_port, redis_server

ROOT = Path(__file__).resolve().parent.parent
# The door pages, and "this is too much" (offered on every page, for the worst moment).
DOOR_PAGES = ["/", "/visitor/", "/rights/", "/scam/", "/visitor/card/", "/too-much/"]
# A word each door page shows only when its content was read (from the database or the copy).
CONTENT_MARKERS = {
    "/visitor/": "110",
    "/rights/": "12378",
    "/visitor/card/": "110",
    "/too-much/": "12356",
}


def assert_door_pages_work(client: Client) -> None:
    for path in DOOR_PAGES:
        response = client.get(path)
        assert response.status_code == 200, path
        marker = CONTENT_MARKERS.get(path)
        if marker:
            assert marker in response.content.decode(), path


# --- Redis ------------------------------------------------------------------------------------


@pytest.mark.skipif(REDIS_SERVER is None, reason=NO_REDIS)
def test_door_pages_keep_working_when_redis_stops_and_healthz_says_cache(
    client: Client, content: None, settings: Any, snapshot_dir: Path, caplog: Any
) -> None:
    with redis_server() as port:
        settings.CACHES = redis_settings(port)
        assert_door_pages_work(client)
        healthy = client.get("/healthz")
        assert healthy.status_code == 200
        assert healthy.json()["cache"] == "ok"

    caplog.set_level(logging.ERROR, logger="borrower_help.faults")
    assert_door_pages_work(client)
    assert client.get("/check/").status_code == 200
    health = client.get("/healthz")
    assert health.status_code == 200  # pages still work: keep sending borrowers here
    assert health.json()["status"] == "degraded"
    assert health.json()["failed"] == ["cache"]
    cache_lines = [r for r in caplog.records if "part=cache" in r.getMessage()]
    assert len(cache_lines) == 1  # once a minute, not once a request


def test_door_pages_work_when_redis_accepts_connections_but_never_answers(
    client: Client, content: None, settings: Any, snapshot_dir: Path
) -> None:
    with socket.socket() as black_hole:
        black_hole.bind(("127.0.0.1", 0))
        black_hole.listen(64)  # connections complete in the kernel; nothing ever reads them
        settings.CACHES = redis_settings(black_hole.getsockname()[1])
        assert_door_pages_work(client)
        assert client.get("/healthz").json()["failed"] == ["cache"]


# --- Database ---------------------------------------------------------------------------------


def refuse_every_query(*_: Any) -> None:
    raise OperationalError("could not connect to server: Connection refused")


def test_door_pages_come_from_the_last_known_copy_when_the_database_refuses_queries(
    client: Client, content: None, snapshot_dir: Path
) -> None:
    assert_door_pages_work(client)  # read once while the database works
    client.post("/visitor/check/", {"ticked": []})  # a borrower with a session cookie
    with connection.execute_wrapper(refuse_every_query):
        time.sleep(content_reads.GENERATION_SECONDS)
        assert_door_pages_work(client)
        content_reads.forget_last_known()  # as a process started during the outage
        assert_door_pages_work(client)
        error = client.get("/sources/")  # never read before: no copy
        assert error.status_code == 503
        assert 'href="/visitor/"' in error.content.decode()
        health = client.get("/healthz")
        assert health.status_code == 503
        assert health.json()["failed"] == ["database_read", "database_write"]


@pytest.fixture
def read_only_database(db: None) -> Iterator[None]:
    """Make SQLite refuse writes, as a full disk or a read-only volume does.

    PRAGMA query_only is SQLite's; on PostgreSQL `make faults` covers it."""
    assert connection.vendor == "sqlite", "mark the test @pytest.mark.database('sqlite')"

    def switch(on: bool) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA query_only = {'ON' if on else 'OFF'}")

    yield switch  # type: ignore[misc]
    switch(False)


@pytest.mark.database("sqlite")
def test_an_answer_sent_to_a_read_only_database_comes_back_typed_with_a_calm_503(
    client: Client, content: None, read_only_database: Any, snapshot_dir: Path, caplog: Any
) -> None:
    client.get("/check/")
    for slug, data in FIRST_DEBT[:2]:
        assert client.post(f"/check/debt/1/{slug}/", data).status_code == 302
    caplog.set_level(logging.INFO)
    read_only_database(True)
    typed = "¥52,317"
    response = client.post("/check/debt/1/amount/", {"amount": typed})
    read_only_database(False)

    assert response.status_code == 503
    assert response["Retry-After"]
    page = response.content.decode()
    assert typed in page
    assert 'name="amount"' in page and 'action="/check/debt/1/amount/"' in page
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1
    assert "answer not saved" in errors[0].getMessage()
    assert all("52,317" not in r.getMessage() for r in caplog.records)

    # Sent again once the database is back: the answer is kept.
    again = client.post("/check/debt/1/amount/", {"amount": typed})
    assert again.status_code == 302
    shown = client.get("/check/debt/1/amount/").content.decode().replace(",", "")
    assert 'value="52317' in shown


@pytest.mark.database("sqlite")
def test_healthz_names_database_write_when_the_database_is_read_only(
    client: Client, read_only_database: Any, snapshot_dir: Path
) -> None:
    read_only_database(True)
    response = client.get("/healthz")
    read_only_database(False)
    assert response.status_code == 503
    assert response.json() == {
        "status": "degraded",
        "failed": ["database_write"],
        "database_read": "ok",
        "database_write": "failed",
        "cache": "local",
    }


# --- a real app process whose PostgreSQL is not there ----------------------------------------


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_a_process_started_while_postgresql_is_down_serves_the_door_pages(
    client: Client, content: None, snapshot_dir: Path, tmp_path: Path
) -> None:
    assert_door_pages_work(client)  # writes the last-known-good copy to snapshot_dir
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "DEBUG", "SECRET_KEY"}
    }
    env.update(
        DATABASE_URL=f"postgres://postgres@127.0.0.1:{free_port()}/nothing",
        CONTENT_SNAPSHOT_DIR=str(snapshot_dir),
        DEBUG="0",
        PLAIN_STATIC="1",
        SECRET_KEY=secrets.token_urlsafe(40),
        SECURE_SSL_REDIRECT="0",
        SECURE_COOKIES="0",
        SECURE_HSTS_SECONDS="0",
        LOG_LEVEL="WARNING",
    )
    port = free_port()
    log = tmp_path / "gunicorn.log"
    with log.open("wb") as out:
        app = subprocess.Popen(
            [
                str(Path(sys.executable).with_name("gunicorn")),
                "-c",
                str(ROOT / "deploy" / "gunicorn.conf.py"),
                "-w",
                "1",
                "--bind",
                f"127.0.0.1:{port}",
            ],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=out,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            assert app.poll() is None, log.read_text()[-2000:]
            time.sleep(0.2)
        for path in DOOR_PAGES:
            status, body = _get(base + path)
            assert status == 200, (path, log.read_text()[-2000:])
            marker = CONTENT_MARKERS.get(path)
            if marker:
                assert marker in body
        status, body = _get(base + "/healthz")
        assert status == 503
        assert "database_read" in body
        tracebacks = log.read_text().count("Traceback")
        assert tracebacks == 0, log.read_text()[-2000:]
    finally:
        app.terminate()
        app.wait(timeout=20)


def test_the_500_page_needs_no_database_and_links_to_the_door_page(
    rf: Any, snapshot_dir: Path
) -> None:
    from advisor.views.core import server_error

    request = rf.get("/check/result/")
    with connection.execute_wrapper(refuse_every_query):
        response = server_error(request)
    assert response.status_code == 500
    assert 'href="/visitor/"' in response.content.decode()
