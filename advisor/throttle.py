"""Rate limits for the save-code restore forms, checked before any slow key derivation.

Each restore attempt costs one scrypt derivation (~40 ms of CPU). Without a limit, one client
guessing codes starves every other borrower. Two limits apply per minute: one per client
address (advisor.http.client_address) and one for all clients together. Counters live in the
cache (shared by every process when Redis is configured; per process with the default local
memory cache); when the cache fails, each process counts on its own.
"""

from __future__ import annotations

import threading
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from advisor.http import client_address

WINDOW_SECONDS = 60
_local: dict[str, int] = {}
_local_lock = threading.Lock()


def _count(key: str) -> int:
    """Add one to the counter ``key`` for this window; returns the new count."""
    try:
        if cache.add(key, 1, timeout=WINDOW_SECONDS + 5):
            return 1
        return int(cache.incr(key))
    except (ConnectionError, ValueError):  # cache down, or the key expired in between
        with _local_lock:
            for old in [k for k in _local if not k.endswith(key.rsplit(":", 1)[-1])]:
                del _local[old]
            _local[key] = _local.get(key, 0) + 1
            return _local[key]


def allow(request: HttpRequest, scope: str) -> bool:
    """Count this attempt; False when the client or everyone together is over the limit.

    Attempts refused by the per-client limit do not count towards the overall one, so a
    single guesser cannot use up everyone else's allowance.
    """
    window = int(time.time() // WINDOW_SECONDS)
    if _count(f"throttle:{scope}:client:{client_address(request)}:{window}") > (
        settings.RESTORE_LIMIT_PER_CLIENT
    ):
        return False
    return _count(f"throttle:{scope}:all:{window}") <= settings.RESTORE_LIMIT_TOTAL


def reset() -> None:
    """Forget the in-process counters (tests)."""
    with _local_lock:
        _local.clear()
