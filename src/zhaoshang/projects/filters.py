"""The one filter of the project list, shared by the page, the API and the Excel export."""

import django_filters
from django.db.models import Q

from zhaoshang.core.query_params import MAX_YEAR, MIN_YEAR, QueryFilterSet, query_id
from zhaoshang.projects.choices import Channel, Stage, State
from zhaoshang.projects.flags import flagged_q
from zhaoshang.projects.lookups import CHANNEL_BY_NAME, chain_ids_named
from zhaoshang.projects.models import Project
from zhaoshang.projects.search import project_hits
from zhaoshang.projects.tagging import tag_id_named, tags_q

# 投资额区间 (万元): [min, max); the 1亿元 line is the one the targets count
BANDS = {"lt1000": ("1000万元以下", None, 1000), "1000-5000": ("1000万-5000万元", 1000, 5000),
         "5000-10000": ("5000万-1亿元", 5000, 10000), "10000-100000": ("1亿-10亿元", 10000, 100000),
         "ge100000": ("10亿元及以上", 100000, None), "ge10000": ("1亿元及以上", 10000, None)}


class ProjectFilter(QueryFilterSet):
    search_hits = staticmethod(project_hits)  # the project's name or an investor's
    q = django_filters.CharFilter(method="filter_text", label="关键词")
    chain = django_filters.CharFilter(method="filter_chain", label="产业链")
    chain_link = django_filters.NumberFilter(field_name="chain_link_id", label="产业链环节")
    stage = django_filters.ChoiceFilter(choices=Stage.choices, label="阶段")
    state = django_filters.ChoiceFilter(choices=State.choices, label="状态")
    channel = django_filters.CharFilter(method="filter_channel", label="招引渠道")
    tag = django_filters.CharFilter(method="filter_tag", label="标签")
    unit = django_filters.NumberFilter(field_name="lead_unit_id", label="牵头单位")
    year = django_filters.NumberFilter(method="filter_year", label="签约年度", min_value=MIN_YEAR, max_value=MAX_YEAR)
    min_amount_wan = django_filters.NumberFilter(field_name="amount_wan", lookup_expr="gte", label="最低投资(万元)")
    max_amount_wan = django_filters.NumberFilter(field_name="amount_wan", lookup_expr="lt", label="最高投资(万元)")
    band = django_filters.ChoiceFilter(choices=[(k, v[0]) for k, v in BANDS.items()], method="filter_band", label="投资额")
    flagged = django_filters.BooleanFilter(method="filter_flagged", label="阶段时钟预警")
    enterprise = django_filters.NumberFilter(method="filter_enterprise", label="投资企业")

    class Meta:
        model = Project
        fields = []

    def filter_chain(self, queryset, name, value):
        numeric = value.isascii() and value.isdigit()
        chain_ids = [query_id({"chain": value}, "chain", label="产业链")] if numeric else chain_ids_named(value)
        return queryset.filter(chain_id__in=chain_ids)

    def filter_channel(self, queryset, name, value):
        return queryset.filter(channel=CHANNEL_BY_NAME.get(value, value if value in Channel.values else "-"))

    def filter_tag(self, queryset, name, value):
        return queryset.filter(tagged_q(value))

    def filter_year(self, queryset, name, value):
        return queryset.filter(signed_on__year=int(value))

    def filter_band(self, queryset, name, value):
        _, low, high = BANDS[value]
        queryset = queryset if low is None else queryset.filter(amount_wan__gte=low)
        return queryset if high is None else queryset.filter(amount_wan__lt=high)

    def filter_flagged(self, queryset, name, value):
        return queryset.filter(flagged_q()) if value else queryset.exclude(flagged_q())

    def filter_enterprise(self, queryset, name, value):
        return queryset.filter(pk__in=Project.enterprises.through.objects.filter(enterprise_id=value).values("project_id"))


def tagged_q(name: str) -> Q:
    """Projects with the tag of that name (none for an unknown name)."""
    tag_id = tag_id_named(name)
    return tags_q([tag_id]) if tag_id else Q(pk__in=[])
