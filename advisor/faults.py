"""Failures logged once a minute rather than once a request.

When the database or the cache fails, every request would otherwise write a traceback
(thousands in a few seconds). ``report(part, exc)`` logs one line per part per minute with the
exception's class only (never its message: a database error can quote a borrower's data) and
how many further failures of that part were not logged. /healthz probes each part itself.
"""

from __future__ import annotations

import logging
import threading
import time

log = logging.getLogger("borrower_help.faults")

LOG_EVERY_SECONDS = 60.0

_lock = threading.Lock()
_last_logged: dict[str, float] = {}
_suppressed: dict[str, int] = {}


def report(part: str, exc: BaseException, *, what: str = "", level: int = logging.ERROR) -> None:
    """Note a failure of ``part``; log it unless the same part was logged in the last minute."""
    now = time.monotonic()
    with _lock:
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


def reset() -> None:
    """Forget everything (tests)."""
    with _lock:
        _last_logged.clear()
        _suppressed.clear()
