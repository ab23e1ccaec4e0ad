"""Reads on units and users, narrowed by the permission gate."""

from django.db.models import Count, Q

from zhaoshang.accounts.constants import SYSTEM_USERNAME
from zhaoshang.accounts.models import Unit, User


def units_for(*, user):
    """Units the user may see, with how many live assignments each leads or co-operates on."""
    live = Q(assignments__deleted_at__isnull=True, assignments__measure__deleted_at__isnull=True,
             assignments__measure__task__deleted_at__isnull=True)
    return (
        Unit.objects.restrict(user, "view")
        .annotate(
            lead_count=Count("assignments", filter=live & Q(assignments__is_lead=True)),
            co_count=Count("assignments", filter=live & Q(assignments__is_lead=False)),
        )
        .prefetch_related("aliases")
    )


def accounts_listing():
    """Every login account (not the system actor), for `zhaoshang users`."""
    return User.objects.exclude(username=SYSTEM_USERNAME).select_related("unit").order_by("role", "username")
