"""Admin sign-in lockout: django-axes per username and address, plus a cap per address.

axes locks a username only together with the address it was tried from (settings,
AXES_LOCKOUT_PARAMETERS), so nobody elsewhere can lock an editor out. On its own that lets one
address try AXES_FAILURE_LIMIT passwords on every username it can think of. This handler also
locks an address once its failures over all usernames, within the same cool-off period, reach
ADMIN_FAILURES_PER_ADDRESS. It counts axes' own records: nothing more is stored.
"""

from __future__ import annotations

from typing import Any

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest


class AddressCappedHandler(AxesDatabaseHandler):
    def get_failures(self, request: HttpRequest, credentials: dict[str, Any] | None = None) -> int:
        """axes' count, raised to its limit (a lockout) when the address is over its cap."""
        failures = int(super().get_failures(request, credentials))
        if failures_from_address(request) >= settings.ADMIN_FAILURES_PER_ADDRESS:
            return max(failures, get_failure_limit(request, credentials))
        return failures


def failures_from_address(request: HttpRequest) -> int:
    address = getattr(request, "axes_ip_address", None)
    if not address:
        return 0
    total = AccessAttempt.objects.filter(
        ip_address=address, attempt_time__gte=get_cool_off_threshold(request)
    ).aggregate(total=Sum("failures_since_start"))["total"]
    return int(total or 0)
