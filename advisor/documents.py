"""Documents (PDF, DOCX) are not made for a client that has most likely given up.

A PDF costs up to a second of CPU; a page costs a few milliseconds. Documents are served by
their own gunicorn pool (deploy/gunicorn-documents.conf.py, routed by nginx, which also caps
documents per client and in flight), so they never take a page worker. What the app adds: a
request that waited in nginx's queue longer than DOCUMENT_MAX_WAIT_SECONDS is refused with a
calm 503 and Retry-After instead of being made for nobody.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.http import HttpRequest

RETRY_AFTER_SECONDS = 10


class Busy(Exception):
    """The document request waited too long for a worker."""


def refuse_if_stale(request: HttpRequest | None) -> None:
    """nginx stamps X-Request-Start: t=<seconds.milliseconds> when it receives the request."""
    stamp = request.headers.get("X-Request-Start", "") if request is not None else ""
    if not stamp.startswith("t="):
        return
    try:
        received = float(stamp[2:])
    except ValueError:
        return
    if time.time() - received > settings.DOCUMENT_MAX_WAIT_SECONDS:
        raise Busy("waited too long in the queue")
