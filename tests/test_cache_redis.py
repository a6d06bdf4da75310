"""Optional Redis cache: content cached in a real Redis is invalidated when an editor saves.

A real redis-server is started on a free loopback port for these tests (no persistence) and
stopped afterwards. `scripts/system-deps` installs it; without it the tests are skipped
with a reason. The app itself is correct without Redis (locmem cache, the default).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import redis
from django.core.cache import caches
from django.test import Client

from advisor import content as content_reads
from advisor import models
from tests.servers import NO_REDIS, REDIS_SERVER, free_port, redis_server

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        REDIS_SERVER is None,
        reason=NO_REDIS,
    ),
]
PREFIX = "bhtest"


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    with redis_server() as port:
        yield f"redis://127.0.0.1:{port}/0"


@pytest.fixture
def redis_cache(settings, redis_url: str) -> Iterator[redis.Redis]:
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": PREFIX,
        }
    }
    raw = redis.Redis.from_url(redis_url)
    raw.flushdb()
    yield raw
    raw.flushdb()
    raw.close()


def content_keys(raw: redis.Redis) -> list[str]:
    return sorted(key.decode() for key in raw.keys(f"{PREFIX}:*content:*"))


def test_pages_read_content_through_the_redis_cache(
    content: None, redis_cache: redis.Redis, client: Client
) -> None:
    assert "RedisCache" in type(caches["default"]).__name__
    response = client.get("/")
    assert response.status_code == 200
    keys = content_keys(redis_cache)
    assert any(key.endswith(":facts:home") for key in keys), keys

    expected = [fact.slug for fact in models.Fact.objects.published().filter(topic="home")]
    assert "home-no-fee" in expected
    with pytest.MonkeyPatch.context() as patch:
        # A second read must come from Redis, not the database.
        patch.setattr(models.Fact.objects, "published", lambda: pytest.fail("read the database"))
        assert [fact.slug for fact in content_reads.facts("home")] == expected


def test_an_editor_saving_a_row_invalidates_content_cached_in_redis(
    content: None, redis_cache: redis.Redis, client: Client
) -> None:
    assert "协商还款不需要付费找中介" in client.get("/").content.decode()
    before = models.ContentGeneration.objects.get(pk=1).number

    fact = models.Fact.objects.get(slug="home-no-fee")
    fact.title_zh_hans = "编辑刚刚改过的标题"
    fact.save()  # what the admin's change form does

    # The shared generation number moved, so every app server stops using old keys.
    assert models.ContentGeneration.objects.get(pk=1).number == before + 1
    html = client.get("/").content.decode()
    assert "编辑刚刚改过的标题" in html
    assert "协商还款不需要付费找中介" not in html


def test_an_editor_deleting_a_row_invalidates_content_cached_in_redis(
    content: None, redis_cache: redis.Redis, client: Client
) -> None:
    assert "协商还款不需要付费找中介" in client.get("/").content.decode()
    models.Fact.objects.get(slug="home-no-fee").delete()
    assert "协商还款不需要付费找中介" not in client.get("/").content.decode()


# --------------------------------------------------------------------------- sessions


@pytest.fixture
def cached_sessions(settings, redis_cache: redis.Redis) -> redis.Redis:
    """The engine production uses with REDIS_URL: Django's cached_db on the lean read."""
    settings.SESSION_ENGINE = "advisor.session_backend_cached"
    return redis_cache


def session_keys(raw: redis.Redis) -> list[str]:
    return [key.decode() for key in raw.keys(f"{PREFIX}:*sessions.cached_db*")]


def test_with_redis_answers_are_cached_and_erase_removes_both_copies(
    content: None, cached_sessions: redis.Redis, client: Client
) -> None:
    from django.contrib.sessions.models import Session

    from advisor.session_backend import SessionStore
    from tests.sample_borrower import BUDGET_FORM

    assert client.post("/plan/budget/", BUDGET_FORM).status_code == 302
    row = Session.objects.get()
    assert len(session_keys(cached_sessions)) == 1
    # Another app process (no cache) reads the same answers from the database.
    assert SessionStore(row.session_key).load()["bh"]["plan"]["budget"]
    assert BUDGET_FORM["salary"] in client.get("/plan/budget/").content.decode()

    assert client.post("/erase/").status_code == 302
    assert not Session.objects.exists()
    assert session_keys(cached_sessions) == []


def test_with_redis_down_sessions_still_work_from_the_database(
    settings, content: None, client: Client
) -> None:
    from django.contrib.sessions.models import Session

    from tests.sample_borrower import BUDGET_FORM

    settings.SESSION_ENGINE = "advisor.session_backend_cached"
    settings.CACHES = {
        **settings.CACHES,
        "sessions": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",  # nothing listens there
        },
    }
    settings.SESSION_CACHE_ALIAS = "sessions"
    assert client.post("/plan/budget/", BUDGET_FORM).status_code == 302
    assert Session.objects.count() == 1
    assert BUDGET_FORM["salary"] in client.get("/plan/budget/").content.decode()
    assert client.post("/erase/").status_code == 302
    assert not Session.objects.exists()
