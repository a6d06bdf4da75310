"""Settings come from the environment and fail loudly on malformed values."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def start_with(**env: str) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "DATABASE_URL"}
    }
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('started')"],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "borrower_help.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DEBUG": "maybe"}, "DEBUG must be one of"),
        ({"DEBUG": "0"}, "SECRET_KEY must be set"),
        ({"SESSION_HOURS": "a day"}, "SESSION_HOURS must be a whole number"),
        ({"ALLOWED_HOSTS": "example.org,,"}, "ALLOWED_HOSTS must be a comma-separated list"),
        ({"DATABASE_URL": "nosuchdb://x"}, "DATABASE_URL is not a valid database URL"),
        ({"REDIS_URL": "localhost:6379"}, "REDIS_URL must start with"),
    ],
)
def test_a_malformed_setting_stops_start_up_with_a_clear_message(env: dict, message: str) -> None:
    result = start_with(**env)
    assert result.returncode != 0
    assert message in result.stderr


def test_defaults_start_in_development_mode_with_sqlite() -> None:
    result = start_with()
    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout
