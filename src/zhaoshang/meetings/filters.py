"""The filters of the meeting list and the action-item list, shared by pages, API and Excel exports."""

import django_filters
from django.db.models import Q
from django.utils import timezone

from zhaoshang.core.query_params import MAX_YEAR, MIN_YEAR, QueryFilterSet
from zhaoshang.meetings.choices import KIND_BY_NAME, ActionStatus, MeetingStatus
from zhaoshang.meetings.models import ActionItem, Meeting
from zhaoshang.meetings.search import meeting_hits


class MeetingFilter(QueryFilterSet):
    search_hits = staticmethod(meeting_hits)  # title, minutes, place
    q = django_filters.CharFilter(method="filter_text", label="关键词")
    kind = django_filters.CharFilter(method="filter_kind", label="会议类型")
    status = django_filters.ChoiceFilter(choices=MeetingStatus.choices, label="状态")
    year = django_filters.NumberFilter(field_name="date__year", label="年度", min_value=MIN_YEAR, max_value=MAX_YEAR)
    month = django_filters.NumberFilter(field_name="date__month", label="月份", min_value=1, max_value=12)
    series = django_filters.NumberFilter(field_name="series_id", label="例会")

    class Meta:
        model = Meeting
        fields = []

    def filter_kind(self, queryset, name, value):
        return queryset.filter(kind=KIND_BY_NAME.get(value.strip(), "-"))


class ActionItemFilter(QueryFilterSet):
    q = django_filters.CharFilter(field_name="text", lookup_expr="icontains", label="关键词")
    unit = django_filters.NumberFilter(field_name="owner_unit_id", label="责任单位")
    status = django_filters.ChoiceFilter(choices=ActionStatus.choices, label="状态")
    meeting = django_filters.NumberFilter(field_name="meeting_id", label="会议")
    kind = django_filters.CharFilter(method="filter_kind", label="会议类型")
    overdue = django_filters.BooleanFilter(method="filter_overdue", label="逾期")

    class Meta:
        model = ActionItem
        fields = []

    def filter_kind(self, queryset, name, value):
        return queryset.filter(meeting__kind=KIND_BY_NAME.get(value.strip(), "-"))

    def filter_overdue(self, queryset, name, value):
        overdue = Q(status=ActionStatus.OPEN, due_date__lt=timezone.localdate())
        return queryset.filter(overdue) if value else queryset.exclude(overdue)
