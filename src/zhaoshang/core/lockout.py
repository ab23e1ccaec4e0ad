"""django-axes lock-out with two limits: per (username, address) as axes has it, and per address across accounts."""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_ip_address, get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.utils import timezone


def address_failures(ip_address: str, request=None) -> int:
    """Failed log-ins from one address within the cool-off, whatever the usernames."""
    attempts = AccessAttempt.objects.filter(ip_address=ip_address)
    cool_off = get_cool_off(request)
    if cool_off:
        attempts = attempts.filter(attempt_time__gte=timezone.now() - cool_off)
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class AddressLimitHandler(AxesDatabaseHandler):
    """Counts an address past ZHAOSHANG_LOGIN_FAILURE_LIMIT_PER_ADDRESS as locked for every username."""

    def get_failures(self, request, credentials=None) -> int:
        failures = super().get_failures(request, credentials)
        limit = settings.ZHAOSHANG_LOGIN_FAILURE_LIMIT_PER_ADDRESS
        ip_address = getattr(request, "axes_ip_address", None) or get_client_ip_address(request)
        if limit and address_failures(ip_address, request) >= limit:
            return max(failures, get_failure_limit(request, credentials))
        return failures
