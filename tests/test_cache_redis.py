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
from tests.servers import NO_REDIS, REDIS_SERVER, redis_server

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


def test_with_redis_answers_live_only_in_the_session_row(
    content: None, redis_cache: redis.Redis, client: Client
) -> None:
    """A copy in Redis could come back stale after a pause (issue 25, F1): there is none."""
    from django.contrib.sessions.models import Session

    from advisor.sessionstore import SessionStore
    from tests.sample_borrower import BUDGET_FORM

    assert client.post("/plan/budget/", BUDGET_FORM).status_code == 302
    row = Session.objects.get()
    assert SessionStore(row.session_key).load()["bh"]["plan"]["budget"]
    assert BUDGET_FORM["salary"] in client.get("/plan/budget/").content.decode()
    cached = [redis_cache.get(key) or b"" for key in redis_cache.keys("*")]
    assert not [key for key in redis_cache.keys("*") if b"session" in key]
    assert row.session_key.encode() not in b"".join(cached)

    assert client.post("/erase/").status_code == 302
    assert not Session.objects.exists()
