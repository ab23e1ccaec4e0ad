"""Template context: the bell's unread count and, for the office, how many reports wait in its inbox (one query, run
only when the page shows either: a partial an HTMX request swaps in does not)."""

from django.db.models import F, Func, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.functional import SimpleLazyObject

from zhaoshang.accounts.models import User
from zhaoshang.core.permissions import can
from zhaoshang.supervision.choices import ReportStatus
from zhaoshang.supervision.models import Notification, ProgressReport
from zhaoshang.supervision.selectors.inbox import ALIVE_REPORT


def _count(queryset) -> Subquery:
    """COUNT(*) of `queryset` as a scalar subquery (no GROUP BY: the whole filtered set)."""
    return Coalesce(Subquery(queryset.order_by().values(n=Func(F("pk"), function="COUNT")), output_field=IntegerField()), Value(0))


def notifications(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    names = ["unread_count", "inbox_count"] if can(user, "supervise") else ["unread_count"]
    counts = SimpleLazyObject(lambda: _counts(user, names))
    return {name: SimpleLazyObject(lambda name=name: counts[name]) for name in names}


def _counts(user, names: list[str]) -> dict:
    counts = {"unread_count": _count(Notification.objects.filter(user=OuterRef("pk"), read_at__isnull=True)),
              "inbox_count": _count(ProgressReport.objects.filter(ALIVE_REPORT, status=ReportStatus.SUBMITTED))}
    return User.objects.filter(pk=user.pk).values(**{name: counts[name] for name in names}).get()
