"""The registries and event lists an indicator of kind "registry_count" can count, by key.

Each source names its rows, the date that places a row in a year, and the rows that count. New registries
(funds, 科创中心, training bases …) plug in here when they exist; until then a reported value stands in."""

import datetime
from dataclasses import dataclass
from typing import Callable

from django.db.models import QuerySet
from django.utils import timezone

from zhaoshang.meetings.choices import MeetingKind, MeetingStatus
from zhaoshang.meetings.models import Meeting
from zhaoshang.needs.choices import NeedStatus
from zhaoshang.needs.models import Need


@dataclass(frozen=True)
class Registry:
    label: str  # what one row is, for the rule in words: "已召开的单周会商研判会议"
    rows: Callable[[], QuerySet]
    date_field: str
    is_datetime: bool = False


REGISTRIES: dict[str, Registry] = {
    "meetings_review": Registry("已召开的单周会商研判会议",
                                lambda: Meeting.objects.filter(kind=MeetingKind.REVIEW, status=MeetingStatus.HELD), "date"),
    "meetings_dispatch": Registry("已召开的双周现场调度会议",
                                  lambda: Meeting.objects.filter(kind=MeetingKind.DISPATCH, status=MeetingStatus.HELD), "date"),
    "meetings_held": Registry("已召开的项目会议", lambda: Meeting.objects.filter(status=MeetingStatus.HELD), "date"),
    "needs_raised": Registry("受理的企业诉求", lambda: Need.objects.all(), "raised_at", is_datetime=True),
    "needs_settled": Registry("办结的企业诉求", lambda: Need.objects.filter(status=NeedStatus.SETTLED), "settled_at",
                              is_datetime=True),
}
REGISTRY_CHOICES = [(key, registry.label) for key, registry in REGISTRIES.items()]


def _bound(day: datetime.date, is_datetime: bool, end: bool):
    """A day as the lookup value: the date itself, or local midnight (Asia/Shanghai) starting the next/this day."""
    if not is_datetime:
        return day
    moment = datetime.datetime.combine(day + datetime.timedelta(days=1) if end else day, datetime.time())
    return timezone.make_aware(moment)


def registry_rows(key: str, start: datetime.date, end: datetime.date) -> QuerySet:
    """Rows of registry `key` dated from `start` to `end` inclusive, days in Asia/Shanghai time."""
    registry = REGISTRIES[key]
    field = registry.date_field
    if registry.is_datetime:
        return registry.rows().filter(**{f"{field}__gte": _bound(start, True, False), f"{field}__lt": _bound(end, True, True)})
    return registry.rows().filter(**{f"{field}__gte": start, f"{field}__lte": end})
