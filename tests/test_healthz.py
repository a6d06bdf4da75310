"""/healthz tells a load balancer the truth about writes: 503 when answers cannot be saved.

SQLite writes its write-ahead log only at commit, so an insert that is rolled back succeeds
on a read-only filesystem or a full disk. The failures below are the two a real disk gives:
a commit refused (read-only filesystem, I/O error) and too little free space.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.db import OperationalError, connection
from django.test import Client


def _refuse_commits(monkeypatch: pytest.MonkeyPatch) -> None:
    def commit_fails() -> None:
        raise OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(connection, "_commit", commit_fails)


@pytest.mark.django_db(transaction=True)
def test_healthz_is_503_when_the_database_takes_a_write_but_cannot_commit_it(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert client.get("/healthz").status_code == 200
    _refuse_commits(monkeypatch)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["failed"] == ["database_write"]
    assert response.json()["database_read"] == "ok"


@pytest.mark.database("sqlite")
@pytest.mark.django_db
def test_healthz_is_503_when_the_sqlite_disk_is_nearly_full(
    client: Client, settings: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # The file path decides which disk is measured; the open connection is not touched.
    monkeypatch.setitem(connection.settings_dict, "NAME", str(tmp_path / "db.sqlite3"))
    assert client.get("/healthz").status_code == 200
    settings.DATABASE_MIN_FREE_MB = 1024 * 1024 * 1024  # more than any disk has free
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["failed"] == ["database_write"]


@pytest.mark.django_db(transaction=True)
def test_a_load_balancer_polling_healthz_in_an_outage_adds_no_error_line_per_poll(
    client: Client, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # The failure itself is reported by advisor.faults (once a minute); a 503 here is the
    # expected answer, not a second error for every poll.
    _refuse_commits(monkeypatch)
    with caplog.at_level("ERROR", logger="django.request"):
        assert client.get("/healthz").status_code == 503
    assert not [record for record in caplog.records if record.name == "django.request"]
