"""Template context: the bell's unread count and, for the office, how many reports wait in its inbox (one query)."""

from django.db.models import F, Func, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

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
    counts = {"unread_count": _count(Notification.objects.filter(user=OuterRef("pk"), read_at__isnull=True))}
    if can(user, "supervise"):
        counts["inbox_count"] = _count(ProgressReport.objects.filter(ALIVE_REPORT, status=ReportStatus.SUBMITTED))
    return User.objects.filter(pk=user.pk).values(**counts).get()
