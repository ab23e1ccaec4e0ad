"""The one filter of the needs list, shared by the page, the API and the Excel export."""

import django_filters
from django.db.models import Q
from django.utils import timezone

from zhaoshang.core.query_params import MAX_YEAR, MIN_YEAR, QueryFilterSet
from zhaoshang.needs.choices import NeedStatus, NeedType, Satisfaction
from zhaoshang.needs.models import Need
from zhaoshang.needs.search import need_hits

TYPE_BY_NAME = {**{label: value for value, label in NeedType.choices}, **{value: value for value in NeedType.values},
                "土地": NeedType.LAND, "电力": NeedType.POWER, "金融": NeedType.FINANCE, "人才": NeedType.TALENT,
                "政策": NeedType.POLICY, "审批": NeedType.PERMITS, "手续": NeedType.PERMITS, "用工": NeedType.TALENT}


def late_q(now=None) -> Q:
    """Open needs past a deadline: not settled by the settle day, or not accepted within the accept hours."""
    now = now or timezone.now()
    open_need = ~Q(status=NeedStatus.SETTLED)
    return open_need & (Q(settle_due__lt=timezone.localdate(now)) | Q(status=NeedStatus.NEW, accept_due__lt=now))


class NeedFilter(QueryFilterSet):
    search_hits = staticmethod(need_hits)  # title, text, the project's or the enterprise's name
    q = django_filters.CharFilter(method="filter_text", label="关键词")
    type = django_filters.CharFilter(method="filter_type", label="诉求类型")
    status = django_filters.ChoiceFilter(choices=NeedStatus.choices, label="状态")
    unit = django_filters.NumberFilter(field_name="unit_id", label="承办单位")
    project = django_filters.NumberFilter(field_name="project_id", label="项目")
    late = django_filters.BooleanFilter(method="filter_late", label="超时")
    satisfaction = django_filters.ChoiceFilter(choices=Satisfaction.choices, label="满意度")
    year = django_filters.NumberFilter(field_name="raised_at__year", label="年度", min_value=MIN_YEAR, max_value=MAX_YEAR)

    class Meta:
        model = Need
        fields = []

    def filter_type(self, queryset, name, value):
        return queryset.filter(need_type=TYPE_BY_NAME.get(value.strip(), "-"))

    def filter_late(self, queryset, name, value):
        return queryset.filter(late_q()) if value else queryset.exclude(late_q())
