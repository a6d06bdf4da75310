"""Shared fixtures. Test-only speed-ups live here, not in a second settings module."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.utils import translation
from hypothesis import settings as hypothesis_settings

from advisor import content as content_reads
from advisor import counts, faults, fragments, vault
from advisor.management.commands.create_editors_group import EDITORS_GROUP
from tests.helpers import CHECK, EDITOR_PASSWORD, Capture, add_debt, fill_budget

# Property tests check behaviour, never speed: no per-example deadline, so a busy CI machine
# cannot fail them (timings belong to `make bench`).
hypothesis_settings.register_profile("project", deadline=None)
hypothesis_settings.load_profile("project")


# The save-code key derivation costs ~40 ms by design (it slows guessing). Tests derive keys
# hundreds of times, so they use a cheap cost, as they use a cheap password hasher; the
# production cost is checked in tests/test_savecodes.py.
PRODUCTION_SCRYPT = dict(vault._SCRYPT)
TEST_SCRYPT = {**PRODUCTION_SCRYPT, "n": 2**8}


@pytest.fixture(autouse=True, scope="session")
def _cheap_save_code_derivation() -> Iterator[None]:
    vault._SCRYPT = TEST_SCRYPT
    yield
    vault._SCRYPT = PRODUCTION_SCRYPT


@pytest.fixture(autouse=True)
def _fast_and_clean(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    cache.clear()
    content_reads.forget_generation()  # an earlier test's rolled-back edit must not linger
    fragments.clear()
    counts.reset()  # counts an earlier test made are not written into this one
    translation.deactivate()  # a request in English earlier must not leak into this test
    yield
    cache.clear()
    translation.deactivate()


def _load_content() -> None:
    call_command("load_content", verbosity=0)


def _content_is_loaded() -> bool:
    from advisor.models import Fact

    return Fact.objects.exists()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database is created once per run with the initial content already in it.

    Tests run inside a transaction that is rolled back, so what one test changes never reaches
    the next. Tests that commit (`transactional_db`, the live server) empty the tables when
    they end; pytest-django runs them after every other database test, and `content` loads
    the seed again for them.
    """
    with django_db_blocker.unblock():
        _load_content()


@pytest.fixture
def content(db):
    """The initial content, as `make run` loads it."""
    if not _content_is_loaded():
        _load_content()


# Borrowers and editors that several test modules use -------------------------------------


@pytest.fixture
def client_with_check(content, client: Client) -> Client:
    """A borrower whose check holds two debts (``CHECK``: a card and Huabei)."""
    session = client.session
    session["bh"] = {"v": 1, "check": CHECK}
    session.save()
    return client


@pytest.fixture
def planned(client: Client, content: None) -> Client:
    """A borrower with a budget and two debts in the repayment plan."""
    fill_budget(client)
    add_debt(client, charges="2000", rate="18")
    add_debt(
        client,
        lender="other",
        lender_name="某某消费金融",
        kind="consumer_finance",
        principal="10000",
    )
    return client


@pytest.fixture
def editor(db):
    """A member of the editors group (content permissions only), with ``EDITOR_PASSWORD``."""
    call_command("create_editors_group", verbosity=0)
    user = get_user_model().objects.create_user("editor", password=EDITOR_PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return user


@pytest.fixture
def editor_client(editor) -> Client:
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def snapshot_dir(settings, tmp_path) -> Iterator[Path]:
    """An empty folder for the last-known-good content copy, nothing of it in memory."""
    settings.CONTENT_SNAPSHOT_DIR = tmp_path / "content"
    content_reads.forget_last_known()
    faults.reset()
    yield settings.CONTENT_SNAPSHOT_DIR
    content_reads.forget_last_known()
    faults.reset()


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call) -> Iterator[None]:
    """In CI a skipped test is a failure: every test must run on a fresh machine.

    On a developer's machine a skip stays a skip, and its reason names the install line.
    """
    outcome = yield
    report = outcome.get_result()
    if _in_ci() and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"skipped in CI (CI=true), which must run every test: {reason}"


def pytest_collection_modifyitems(config, items) -> None:
    """Tests marked `database("postgresql")` run only on PostgreSQL, and so on: on the other
    database they are deselected (each run says how many), never skipped."""
    from django.db import connection

    keep, drop = [], []
    for item in items:
        marker = item.get_closest_marker("database")
        (drop if marker and connection.vendor not in marker.args else keep).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


# Logs ----------------------------------------------------------------------------------


@pytest.fixture
def captured_logs() -> Iterator[Capture]:
    """Everything any logger actually emits at the configured levels (root and non-propagating)."""
    handler = Capture()
    loggers = [logging.getLogger()]
    for name, item in logging.Logger.manager.loggerDict.items():
        if isinstance(item, logging.Logger) and not item.propagate:
            loggers.append(logging.getLogger(name))
    for logger in loggers:
        logger.addHandler(handler)
    yield handler
    for logger in loggers:
        logger.removeHandler(handler)
