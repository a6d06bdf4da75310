"""Stateless app servers: a borrower's journey survives the restart of one app process.

Two real gunicorn processes (sync, one worker each) share a loopback port (SO_REUSEPORT)
and the test database (a copy of the SQLite test database, or the PostgreSQL test database
under `make test-postgres`). Mid-way through the guided check, process A stops; the
borrower carries on through B; A comes back and shows the result with both debts. The same
check runs in `make bench` (scripts/bench.py, restart_test).
"""

from __future__ import annotations

import os
import secrets
import sqlite3
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import bench  # noqa: E402


@pytest.fixture
def shared_database_url(transactional_db: None, tmp_path: Path) -> str:
    """A database URL other processes can open, holding the migrated schema and the content."""
    call_command("load_content", verbosity=0)
    settings_dict = connection.settings_dict
    if connection.vendor == "sqlite":
        copy = tmp_path / "shared.sqlite3"
        connection.ensure_connection()
        target = sqlite3.connect(copy)
        connection.connection.backup(target)
        target.close()
        return f"sqlite:///{copy}"
    if connection.vendor == "postgresql":
        user = settings_dict.get("USER") or "postgres"
        password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
        host = settings_dict.get("HOST") or "127.0.0.1"
        port = settings_dict.get("PORT") or 5432
        return f"postgres://{user}{password}@{host}:{port}/{settings_dict['NAME']}"
    pytest.skip(f"no shared-database recipe for {connection.vendor}")


def test_a_journey_survives_the_restart_of_one_app_process(
    shared_database_url: str, tmp_path: Path
) -> None:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "DEBUG", "SECRET_KEY"}
    }
    env.update(
        DATABASE_URL=shared_database_url,
        DEBUG="0",
        PLAIN_STATIC="1",
        SECRET_KEY=secrets.token_urlsafe(40),
        SECURE_SSL_REDIRECT="0",
        SECURE_COOKIES="0",
        SECURE_HSTS_SECONDS="0",
        LOG_LEVEL="WARNING",
    )
    shared = bench.free_port()
    apps = [
        bench.App(name, env, 1, bench.free_port(), shared, tmp_path / f"gunicorn-{name}.log")
        for name in ("A", "B")
    ]
    try:
        for app in apps:
            app.launch()
        for app in apps:
            app.wait()
        outcome = bench.restart_test(apps, shared)
    finally:
        for app in apps:
            app.stop()
    assert outcome["status"] == "PASS", "\n".join(outcome["steps"])
    assert any("kept" in step for step in outcome["steps"])
