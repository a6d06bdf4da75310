"""Delete admin sign-in records older than LOGIN_RECORD_RETENTION_DAYS (default 30). Run daily.

django-axes keeps, for each failed (and, in its access log, successful) admin sign-in, the
address, the browser's user agent and the username typed, which may be a borrower's phone
number if they stumbled onto /admin/. Lockouts only need the last half hour of them.
"""

from __future__ import annotations

import datetime as dt

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone


class Command(BaseCommand):
    help = (
        "Delete admin sign-in records (django-axes) older than LOGIN_RECORD_RETENTION_DAYS "
        "(default 30). Run daily."
    )

    def handle(self, *args: object, **options: object) -> None:
        cutoff = timezone.now() - dt.timedelta(days=settings.LOGIN_RECORD_RETENTION_DAYS)
        removed = sum(
            model.objects.filter(attempt_time__lt=cutoff).delete()[0]
            for model in (AccessAttempt, AccessFailureLog, AccessLog)
        )
        self.stdout.write(f"deleted {removed} admin sign-in record(s) older than {cutoff:%Y-%m-%d}")
