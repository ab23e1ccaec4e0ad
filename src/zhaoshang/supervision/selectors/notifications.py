"""The bell's page: a user's notifications grouped by kind, newest first."""

from dataclasses import dataclass, field

from django.db.models import Count, Q

from zhaoshang.supervision.choices import NotificationKind
from zhaoshang.supervision.models import Notification

GROUP_PREVIEW = 5  # notifications shown per kind on the grouped page; the kind's own page lists them all


@dataclass
class KindGroup:
    """One kind's notifications: counts, and the newest few."""

    kind: str
    label: str
    total: int
    unread: int
    latest: list[Notification] = field(default_factory=list)


def notifications_for(*, user, kind: str = ""):
    notes = Notification.objects.filter(user=user)
    return notes.filter(kind=kind) if kind else notes


def kind_groups(*, user, preview: bool) -> list[KindGroup]:
    """Every kind the user has notifications of, unread kinds first; with `preview`, each with its newest few."""
    counts = (Notification.objects.filter(user=user).order_by().values("kind")
              .annotate(total=Count("pk"), unread=Count("pk", filter=Q(read_at__isnull=True))))
    labels = dict(NotificationKind.choices)
    groups = [KindGroup(c["kind"], labels.get(c["kind"], c["kind"]), c["total"], c["unread"]) for c in counts]
    groups.sort(key=lambda g: (g.unread == 0, list(labels).index(g.kind) if g.kind in labels else len(labels)))
    if preview:
        for group in groups:
            group.latest = list(notifications_for(user=user, kind=group.kind)[:GROUP_PREVIEW])
    return groups
