"""Shared fixtures. Test-only speed-ups live here, not in a second settings module."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation
from hypothesis import settings as hypothesis_settings

# Property tests check behaviour, never speed: no per-example deadline, so a busy CI machine
# cannot fail them (timings belong to `make bench`).
hypothesis_settings.register_profile("project", deadline=None)
hypothesis_settings.load_profile("project")


@pytest.fixture(autouse=True)
def _fast_and_clean(settings):  # noqa: ANN001, ANN202
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    cache.clear()
    translation.deactivate()  # a request in English earlier must not leak into this test
    yield
    cache.clear()
    translation.deactivate()


@pytest.fixture
def content(db):  # noqa: ANN001, ANN201
    """The initial content, as `make run` loads it."""
    call_command("load_content", verbosity=0)
