"""The one filter of the delivery log."""

import django_filters
from django.db.models import Q

from zhaoshang.core.query_params import QueryFilterSet
from zhaoshang.messaging.choices import ChannelKind, DeliverySource, DeliveryStatus
from zhaoshang.messaging.models import Delivery


class DeliveryFilter(QueryFilterSet):
    channel = django_filters.NumberFilter(field_name="channel_id", label="渠道")
    kind = django_filters.ChoiceFilter(field_name="channel__kind", choices=ChannelKind.choices, label="渠道类型")
    status = django_filters.ChoiceFilter(choices=DeliveryStatus.choices, label="状态")
    source = django_filters.ChoiceFilter(choices=DeliverySource.choices, label="来源")
    since = django_filters.DateFilter(field_name="created_at__date", lookup_expr="gte", label="起始日期")
    until = django_filters.DateFilter(field_name="created_at__date", lookup_expr="lte", label="截止日期")
    q = django_filters.CharFilter(method="filter_text", label="关键词")

    class Meta:
        model = Delivery
        fields = []

    def filter_text(self, queryset, name, value):
        return queryset.filter(Q(text__icontains=value) | Q(message__icontains=value))
