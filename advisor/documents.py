"""A limit on documents (PDF, DOCX) being generated at once, across every app process.

A PDF costs up to a second of CPU; a page costs a few milliseconds. Without a limit, a few
clients asking for PDFs keep every worker busy and the home page waits seconds. Documents are
served by their own gunicorn pool (deploy/gunicorn-documents.conf.py, routed by nginx), and
on top of that every process on the machine shares DOCUMENT_CONCURRENCY slots: lock files in
DOCUMENT_SLOT_DIR held with flock while a document is generated (released by the kernel even
when a worker is killed). With every slot taken, the request is refused at once with a calm
503 and Retry-After instead of queueing; so is a request that waited in nginx's queue longer
than DOCUMENT_MAX_WAIT_SECONDS (its client has most likely given up).
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import time
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.http import HttpRequest

from advisor import faults

RETRY_AFTER_SECONDS = 10


class Busy(Exception):
    """Every document slot is in use (or the request waited too long for one)."""


def _waited_too_long(request: HttpRequest | None) -> bool:
    """nginx stamps X-Request-Start: t=<seconds.milliseconds> when it receives the request."""
    if request is None:
        return False
    stamp = request.headers.get("X-Request-Start", "")
    if not stamp.startswith("t="):
        return False
    try:
        received = float(stamp[2:])
    except ValueError:
        return False
    return time.time() - received > settings.DOCUMENT_MAX_WAIT_SECONDS


@contextlib.contextmanager
def slot(request: HttpRequest | None = None) -> Iterator[None]:
    """Hold one of the machine's document slots while generating; raises Busy when none is free."""
    if _waited_too_long(request):
        raise Busy("waited too long in the queue")
    folder = Path(settings.DOCUMENT_SLOT_DIR)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # no writable folder: make the document rather than fail
        faults.report("document_slots", exc, what="mkdir", level=logging.WARNING)
        yield
        return
    for number in range(settings.DOCUMENT_CONCURRENCY):
        try:
            handle = os.open(folder / f"slot-{number}.lock", os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            faults.report("document_slots", exc, what="open", level=logging.WARNING)
            yield
            return
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(handle)
            continue
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
            os.close(handle)
        return
    raise Busy("every document slot is in use")
