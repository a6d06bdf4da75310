"""What failed recently, logged once a minute rather than once a request.

When the database or the cache fails, every request would otherwise write a traceback
(thousands in a few seconds). ``report(part, exc)`` logs one line per part per minute with the
exception's class only (never its message: a database error can quote a borrower's data), and
remembers the time so that /healthz can say which part is failing.
"""

from __future__ import annotations

import logging
import threading
import time

log = logging.getLogger("borrower_help.faults")

LOG_EVERY_SECONDS = 60.0
# A part counts as failing in /healthz for this long after its last failure.
RECENT_SECONDS = 30.0

PARTS = ("database_read", "database_write", "cache")

_lock = threading.Lock()
_last_failure: dict[str, float] = {}
_last_logged: dict[str, float] = {}
_suppressed: dict[str, int] = {}


def report(part: str, exc: BaseException, *, what: str = "", level: int = logging.ERROR) -> None:
    """Note a failure of ``part``; log it unless the same part was logged in the last minute."""
    now = time.monotonic()
    with _lock:
        _last_failure[part] = now
        if now - _last_logged.get(part, float("-inf")) < LOG_EVERY_SECONDS:
            _suppressed[part] = _suppressed.get(part, 0) + 1
            return
        skipped = _suppressed.pop(part, 0)
        _last_logged[part] = now
    log.log(
        level,
        "part=%s failed error=%s%s skipped_since_last_line=%d",
        part,
        type(exc).__name__,
        f" during={what}" if what else "",
        skipped,
    )


def recovered(part: str) -> None:
    with _lock:
        _last_failure.pop(part, None)


def failing_recently(part: str) -> bool:
    with _lock:
        at = _last_failure.get(part)
    return at is not None and time.monotonic() - at < RECENT_SECONDS


def reset() -> None:
    """Forget everything (tests)."""
    with _lock:
        _last_failure.clear()
        _last_logged.clear()
        _suppressed.clear()
