"""Session engines: the borrower's session row read with one plain SQL query.

Django's ``db`` engine reads the row through the ORM, which costs several times a whole
bare request (``make bench``: the bare view against the bare view reading the session).
``SessionStore`` here reads the same row, with the same rules (key, not expired), with one
parameterised ``SELECT``; writing, expiry, ``clearsessions`` and "erase my data" are
Django's own. ``advisor.session_backend_cached`` adds a copy in
the shared cache (Redis) in front of it; it is used only when ``REDIS_URL`` is set, since a
per-process cache would let one app process serve answers another has changed or erased.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib.sessions.backends import db
from django.db import connections, router
from django.utils import timezone


class _Row:
    __slots__ = ("expire_date", "session_data")

    def __init__(self, session_data: str, expire_date: Any) -> None:
        self.session_data = session_data
        self.expire_date = expire_date


class SessionStore(db.SessionStore):
    def _get_session_from_db(self) -> Any:
        key = self.session_key
        if not key:
            self._session_key = None
            return None
        model = self.model
        connection = connections[router.db_for_read(model)]
        quote = connection.ops.quote_name
        now = timezone.now()
        sql = (
            f"SELECT {quote('session_data')}, {quote('expire_date')}"
            f" FROM {quote(model._meta.db_table)}"
            f" WHERE {quote('session_key')} = %s AND {quote('expire_date')} > %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [key, connection.ops.adapt_datetimefield_value(now)])
            found = cursor.fetchone()
        if found is None:
            self._session_key = None
            return None
        expire = found[1]
        if isinstance(expire, str):
            expire = model._meta.get_field("expire_date").to_python(expire)
        if settings.USE_TZ and timezone.is_naive(expire):  # SQLite: naive, in UTC
            expire = timezone.make_aware(expire, dt.UTC)
        return _Row(found[0], expire)
