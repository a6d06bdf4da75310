"""A Redis cache that degrades to no cache when Redis fails.

Django's RedisCache raises on any connection error, so a dead Redis would turn every page into
a 500, and a Redis that never answers would hold each request for seconds. This backend:

- uses short socket timeouts (set in settings, OPTIONS);
- turns every failure into a cache miss (reads) or a no-op (writes);
- after a failure, leaves Redis alone for ``RETRY_SECONDS`` so that a black-holed server
  costs one timeout per process every few seconds, not one per request;
- reports the failure through advisor.faults (one log line per minute; /healthz shows it).
"""

from __future__ import annotations

import threading
import time
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

from advisor import faults

RETRY_SECONDS = 5.0


class SafeRedisCache(RedisCache):
    _cache: Any  # Django's Redis client wrapper, set by RedisCache (not in its type stubs)

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._down_until = 0.0
        self._state_lock = threading.Lock()

    # --- the breaker ------------------------------------------------------------------------

    def is_down(self) -> bool:
        return time.monotonic() < self._down_until

    def _failed(self, exc: Exception, what: str) -> None:
        with self._state_lock:
            self._down_until = time.monotonic() + RETRY_SECONDS
        faults.report("cache", exc, what=what)

    def _call(self, what: str, default: Any, method: Any, *args: Any, **kwargs: Any) -> Any:
        if self.is_down():
            return default
        try:
            return method(*args, **kwargs)
        except Exception as exc:
            self._failed(exc, what)
            return default

    def ping(self) -> bool:
        """True when Redis answers now (used by /healthz; ignores the breaker)."""
        try:
            client = self._cache.get_client(write=False)
            ok = bool(client.ping())
        except Exception as exc:
            self._failed(exc, "ping")
            return False
        with self._state_lock:
            self._down_until = 0.0
        return ok

    # --- the cache API ----------------------------------------------------------------------

    def add(self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None) -> Any:
        return self._call("add", False, super().add, key, value, timeout, version)

    def get(self, key: Any, default: Any = None, version: Any = None) -> Any:
        return self._call("get", default, super().get, key, default, version)

    def set(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None
    ) -> None:
        self._call("set", None, super().set, key, value, timeout, version)

    def touch(self, key: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None) -> Any:
        return self._call("touch", False, super().touch, key, timeout, version)

    def delete(self, key: Any, version: Any = None) -> Any:
        return self._call("delete", False, super().delete, key, version)

    def get_many(self, keys: Any, version: Any = None) -> Any:
        return self._call("get_many", {}, super().get_many, keys, version)

    def has_key(self, key: Any, version: Any = None) -> Any:
        return self._call("has_key", False, super().has_key, key, version)

    def incr(self, key: Any, delta: int = 1, version: Any = None) -> Any:
        # A missing key must still raise ValueError (Django's contract); only outages are hidden.
        if self.is_down():
            raise ConnectionError("cache is down")
        try:
            return super().incr(key, delta, version)
        except ValueError:
            raise
        except Exception as exc:
            self._failed(exc, "incr")
            raise ConnectionError("cache is down") from exc

    def set_many(self, data: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None) -> Any:
        return self._call("set_many", list(data), super().set_many, data, timeout, version)

    def delete_many(self, keys: Any, version: Any = None) -> None:
        self._call("delete_many", None, super().delete_many, keys, version)

    def clear(self) -> Any:
        return self._call("clear", False, super().clear)
