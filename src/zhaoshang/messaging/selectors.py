"""Reads of the messaging app, narrowed by the permission gate (the office sees every channel and delivery)."""

from django.db.models import Count, Max, Q, QuerySet

from zhaoshang.messaging.choices import DeliveryStatus
from zhaoshang.messaging.filters import DeliveryFilter
from zhaoshang.messaging.models import Channel, Delivery


def channels_for(*, user) -> QuerySet[Channel]:
    """The channels the user manages, with counts of their deliveries by outcome and the last one's time."""
    return (Channel.objects.restrict(user, "supervise").select_related("unit")
            .annotate(sent=Count("deliveries", filter=Q(deliveries__status=DeliveryStatus.SENT)),
                      failed=Count("deliveries", filter=Q(deliveries__status=DeliveryStatus.FAILED)),
                      last_at=Max("deliveries__created_at")))


def deliveries_for(*, user, params) -> QuerySet[Delivery]:
    """The delivery log as the user may see it, filtered by `params` (a bad value is a Chinese 400)."""
    rows = Delivery.objects.restrict(user, "supervise").select_related("channel__unit")
    return DeliveryFilter(params, queryset=rows).qs
