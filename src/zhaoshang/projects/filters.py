"""The one filter of the project list, shared by the page, the API and the Excel export."""

import django_filters
from django.db.models import Q

from zhaoshang.projects.choices import Channel, Stage, State
from zhaoshang.projects.lookups import CHANNEL_BY_NAME
from zhaoshang.projects.models import Project


class ProjectFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_text", label="关键词")
    chain = django_filters.CharFilter(method="filter_chain", label="产业链")
    stage = django_filters.ChoiceFilter(choices=Stage.choices, label="阶段")
    state = django_filters.ChoiceFilter(choices=State.choices, label="状态")
    channel = django_filters.CharFilter(method="filter_channel", label="招引渠道")
    tag = django_filters.CharFilter(method="filter_tag", label="标签")
    unit = django_filters.NumberFilter(field_name="lead_unit_id", label="牵头单位")
    year = django_filters.NumberFilter(method="filter_year", label="签约年度")
    min_amount_wan = django_filters.NumberFilter(field_name="amount_wan", lookup_expr="gte", label="最低投资(万元)")
    max_amount_wan = django_filters.NumberFilter(field_name="amount_wan", lookup_expr="lt", label="最高投资(万元)")

    class Meta:
        model = Project
        fields = []

    def filter_text(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(enterprises__name__icontains=value)).distinct()

    def filter_chain(self, queryset, name, value):
        return queryset.filter(chain_id=int(value)) if value.isdigit() else queryset.filter(chain__name=value)

    def filter_channel(self, queryset, name, value):
        return queryset.filter(channel=CHANNEL_BY_NAME.get(value, value if value in Channel.values else "-"))

    def filter_tag(self, queryset, name, value):
        return queryset.filter(tags__name=value).distinct()

    def filter_year(self, queryset, name, value):
        return queryset.filter(signed_on__year=int(value))
