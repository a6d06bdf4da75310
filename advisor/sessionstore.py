"""The borrower's session: Django's database store, made safe for outages and for other tabs.

- A session that cannot be read (database down) is treated as empty for this request, so the
  pages that need no answers (home, door pages) still work. Such a session is never written
  back: writing an empty copy over the borrower's real answers would lose them.
- A session that cannot be written raises ``StoreUnavailable`` (not Django's UpdateError, which
  would become a 400 "bad request" and drop the answer silently); the session middleware turns
  it into a calm 503 page that gives the borrower back what they typed.
- The answers are written only when they changed. A page view that changed nothing never
  writes its copy back, so a page still loading in another tab cannot put older answers over
  one just given.
- Expiry counts from the last use (SESSION_SAVE_EVERY_REQUEST): an unchanged session has only
  its expiry moved forward, at most every ``TOUCH_SECONDS``.

The row is the only copy: there is no session cache, in Redis or in a process (README,
"Sessions"). The class keeps Django's name, ``SessionStore``: the name is part of the signing
salt, so sessions written by Django's own store stay readable.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass
from typing import Any

from django.contrib.sessions.backends import db
from django.contrib.sessions.backends.base import CreateError, UpdateError
from django.db import DatabaseError, IntegrityError, connections, router, transaction
from django.utils import timezone

from advisor import faults

TOUCH_SECONDS = 300


class StoreUnavailable(Exception):
    """The session could not be written because the database failed."""


def _same(data: dict[str, Any]) -> str:
    """What the answers are, whatever the order of their keys."""
    return json.dumps(data, sort_keys=True, default=str)


@dataclass(frozen=True)
class _Row:
    session_data: str
    expire_date: dt.datetime


def _select(connection: Any, table: str) -> str:
    quote = connection.ops.quote_name
    return (
        f"SELECT {quote('session_data')}, {quote('expire_date')} FROM {quote(table)}"
        f" WHERE {quote('session_key')} = %s AND {quote('expire_date')} > %s"
    )


def _aware(connection: Any, value: Any) -> dt.datetime:
    """The expiry as the ORM would give it (SQLite hands back text, PostgreSQL a datetime)."""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if timezone.is_naive(value):
        value = timezone.make_aware(value, dt.UTC)
    return value


class SessionStore(db.SessionStore):
    def __init__(self, session_key: str | None = None) -> None:
        super().__init__(session_key)
        self.unreadable = False
        self._loaded_expiry: dt.datetime | None = None
        self._loaded: str | None = None  # the answers as read or last written

    def _get_session_from_db(self) -> Any:
        """The stored row (its data and expiry) while unexpired, else None.

        One plain SELECT of the two columns rather than the ORM's ``objects.get``: every page
        that reads answers does this first, and the query-building was most of its cost
        (README, "Sessions": 253 → 55 µs a read on SQLite)."""
        if self.session_key is None:
            return None
        using = router.db_for_read(self.model)
        connection = connections[using]
        try:
            with connection.cursor() as cursor:
                cursor.execute(
                    _select(connection, self.model._meta.db_table),
                    [self.session_key, connection.ops.adapt_datetimefield_value(timezone.now())],
                )
                row = cursor.fetchone()
        except DatabaseError as exc:
            faults.report("database_read", exc, what="session")
            self.unreadable = True
            return None
        if row is None:
            self._session_key = None  # unknown or expired: a new key when one is needed
            return None
        found = _Row(row[0], _aware(connection, row[1]))
        self._loaded_expiry = found.expire_date
        return found

    def load(self) -> dict[str, Any]:
        data: dict[str, Any] = super().load()
        if not self.unreadable:
            self._loaded = _same(data)
        return data

    def create(self) -> None:
        try:
            super().create()
        except DatabaseError as exc:  # the check for a free key failed
            faults.report("database_write", exc, what="session", level=logging.WARNING)
            raise StoreUnavailable("no new session: the database failed") from exc

    def _recently_touched(self) -> bool:
        if self._loaded_expiry is None:
            return False
        refreshed_at = self._loaded_expiry - dt.timedelta(seconds=self.get_session_cookie_age())
        return (timezone.now() - refreshed_at).total_seconds() < TOUCH_SECONDS

    def save(self, must_create: bool = False) -> None:
        if self.unreadable:
            raise StoreUnavailable("the session could not be read, so it is not written")
        if self.session_key is None:
            return self.create()
        data = self._get_session(no_load=must_create)  # type: ignore[attr-defined]  # not in the stubs
        changed = must_create or _same(data) != self._loaded
        if not changed and self._recently_touched():
            return None
        obj = self.create_model_instance(data)
        using = router.db_for_write(self.model, instance=obj)
        rows = self.model.objects.using(using).filter(pk=obj.pk)
        try:
            with transaction.atomic(using=using):
                if must_create:
                    obj.save(force_insert=True, using=using)
                elif not changed:  # the expiry alone: never the answers this request read
                    rows.update(expire_date=obj.expire_date)
                elif not rows.update(session_data=obj.session_data, expire_date=obj.expire_date):
                    raise UpdateError  # deleted meanwhile (erase in another tab)
        except IntegrityError:
            if must_create:
                raise CreateError from None
            raise
        except DatabaseError as exc:
            # WARNING: the middleware logs the lost answer itself, once, at ERROR.
            faults.report("database_write", exc, what="session", level=logging.WARNING)
            raise StoreUnavailable("the session could not be written") from exc
        self._loaded_expiry, self._loaded = obj.expire_date, _same(data)
        return None
