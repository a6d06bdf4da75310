"""SESSION_ENGINE when a shared cache (REDIS_URL) is configured (see advisor.session_backend).

The class keeps Django's name, ``SessionStore``: the name is part of the signing salt, so
sessions stay readable when Redis is switched on or off.
"""

from __future__ import annotations

import logging
from typing import Any

from django.contrib.sessions.backends import cached_db
from django.core.cache.backends.base import BaseCache

from advisor.sessionstore import SessionStore as LeanStore

logger = logging.getLogger("django.contrib.sessions")


class SessionStore(cached_db.SessionStore, LeanStore):
    """Django's cached_db on the lean read, and never failing a page when the cache is down.

    The database stays the truth: a failed cache write removes the cached copy (so a stale
    one is never served), and a failed cache read falls back to the database.
    """

    _cache: BaseCache  # set by Django's cached_db store (not in its type stubs)

    def load(self) -> dict[str, Any]:
        try:
            data = self._cache.get(self.cache_key)
        except Exception:
            data = None
        if data is not None:
            return data
        row = self._get_session_from_db()
        if row is None:
            return {}
        data = self.decode(row.session_data)
        try:
            self._cache.set(self.cache_key, data, self.get_expiry_age(expiry=row.expire_date))
        except Exception:
            logger.warning("session cache write failed; answers read from the database")
        return data

    def exists(self, session_key: str) -> bool:
        try:
            return super().exists(session_key)
        except Exception:
            return LeanStore.exists(self, session_key)

    def save(self, must_create: bool = False) -> None:
        LeanStore.save(self, must_create)
        try:
            self._cache.set(self.cache_key, dict(self.items()), self.get_expiry_age())
        except Exception:
            logger.warning("session cache write failed; the copy there is dropped")
            self._drop_cached(self.session_key)

    def delete(self, session_key: str | None = None) -> None:
        LeanStore.delete(self, session_key)
        key = session_key or self.session_key
        if key:
            self._drop_cached(key)

    def _drop_cached(self, session_key: str | None) -> None:
        if not session_key:
            return
        try:
            self._cache.delete(self.cache_key_prefix + session_key)
        except Exception:
            logger.error("session cache delete failed; a cached copy may remain until expiry")
