"""The per-address limit on save-code attempts, checked before any slow key derivation.

Each restore attempt costs one scrypt derivation (~40 ms of CPU). One address may try
RESTORE_LIMIT_PER_CLIENT codes a minute; an IPv6 address counts with its whole /64 (one
phone's network), so rotating addresses inside it gains nothing. The count is kept in the
database (advisor.models.RestoreAttempts), so every app process counts together, with or
without Redis, and no address is stored: only a keyed hash of it and the minute.

There is no limit for everyone together here: a cap on the total would let six guessing
addresses lock every borrower out. The proxy paces attempts for everyone together instead
(deploy/nginx.conf, zone "restore_all"): past its rate they wait in its queue, holding no app
worker, rather than being refused.

When the database cannot count (it is down or read-only), each process counts on its own
(the restore cannot open a code then anyway).
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import threading
import time

from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import F
from django.http import HttpRequest

from advisor.http import client_address
from advisor.models import RestoreAttempts

WINDOW_SECONDS = 60
_local: dict[str, int] = {}
_local_lock = threading.Lock()


def client_group(address: str) -> str:
    """The address that is counted: IPv4 as it is, IPv6 by its /64."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def _key(scope: str, group: str, window: int) -> str:
    message = f"{scope}|{group}|{window}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def _count_in_database(key: str, window: int) -> int:
    with transaction.atomic():
        RestoreAttempts.objects.filter(window__lt=window).delete()
        row, created = RestoreAttempts.objects.get_or_create(
            client=key, defaults={"window": window, "count": 1}
        )
        if created:
            return 1
        RestoreAttempts.objects.filter(pk=row.pk).update(count=F("count") + 1)
        return RestoreAttempts.objects.values_list("count", flat=True).get(pk=row.pk)


def _count_here(key: str) -> int:
    with _local_lock:
        if len(_local) > 10_000:  # past minutes; a flood must not grow the process
            _local.clear()
        _local[key] = _local.get(key, 0) + 1
        return _local[key]


def allow(request: HttpRequest, scope: str) -> bool:
    """Count this attempt; False when its address is over the limit for this minute."""
    window = int(time.time() // WINDOW_SECONDS)
    key = _key(scope, client_group(client_address(request)), window)
    try:
        count = _count_in_database(key, window)
    except DatabaseError:
        count = _count_here(key)
    return count <= settings.RESTORE_LIMIT_PER_CLIENT


def reset() -> None:
    """Forget the in-process counters (tests)."""
    with _local_lock:
        _local.clear()
