"""Shared fixtures. Test-only speed-ups live here, not in a second settings module."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.core.management import call_command


@pytest.fixture(autouse=True)
def _fast_and_clean(settings):  # noqa: ANN001, ANN202
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def content(db):  # noqa: ANN001, ANN201
    """The initial content, as `make run` loads it."""
    call_command("load_content", verbosity=0)
