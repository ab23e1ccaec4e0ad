"""Meetings and action items, scoped to the caller: minutes go to every unit; a unit lists its own action items."""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone

from zhaoshang.core.permissions import get_for, listing_action
from zhaoshang.core.query_params import Listing
from zhaoshang.meetings.choices import ActionStatus
from zhaoshang.meetings.filters import ActionItemFilter, MeetingFilter
from zhaoshang.meetings.lights import ActionLight, action_light
from zhaoshang.meetings.models import ActionItem, Meeting
from zhaoshang.supervision.lights import Light


def meeting_listing(*, user, params=None) -> Listing:
    """Meetings the caller may read (every role: minutes are circulated to all units), filtered, with counts; and
    whether the keyword search was cut."""
    queryset = Meeting.objects.restrict(user, "view").select_related("series").annotate(
        decision_count=Count("decisions", distinct=True), action_count=Count("action_items", distinct=True)
    ).order_by("-date", "-id")  # Meta.ordering does not survive the GROUP BY
    return Listing.of(MeetingFilter(params or {}, queryset=queryset))


def meetings_for(*, user, params=None):
    """Meetings the caller may read, filtered by `params` (query-string names), with counts."""
    return meeting_listing(user=user, params=params).rows


def meeting_for(*, user, pk: int) -> Meeting:
    return get_for(user, "view", Meeting.objects.select_related("series"), pk=pk)


def meeting_parts(meeting: Meeting) -> dict:
    """A meeting's agenda, attendance, decisions and action items (for its page and its minutes)."""
    return {
        "agenda": list(meeting.agenda.select_related("project", "need")),
        "attendees": list(meeting.attendees.select_related("unit")),
        "decisions": list(meeting.decisions.all()),
        "actions": action_rows(meeting.action_items.select_related("owner_unit", "decision")),
    }


def action_items_for(*, user, params=None):
    """Action items the caller lists (a unit user: its own unit's), filtered."""
    queryset = ActionItem.objects.restrict(user, listing_action(user)).select_related("owner_unit", "meeting", "project")
    return ActionItemFilter(params or {}, queryset=queryset).qs


def action_item_for(*, user, pk: int, action: str = "view") -> ActionItem:
    return get_for(user, action, ActionItem.objects.select_related("owner_unit", "meeting"), pk=pk)


@dataclass
class ActionRow:
    item: ActionItem
    light: ActionLight


def light_of(item: ActionItem, as_of: datetime.date | None = None) -> ActionLight:
    return action_light(due=item.due_date, done_on=item.done_on if item.status == ActionStatus.DONE else None,
                        as_of=as_of or timezone.localdate())


def action_rows(items, as_of: datetime.date | None = None) -> list[ActionRow]:
    as_of = as_of or timezone.localdate()
    return [ActionRow(item, light_of(item, as_of)) for item in items]


def action_light_counts(rows: list[ActionRow]) -> dict[str, int]:
    counts = Counter(row.light.light.value for row in rows)
    return {light.value: counts.get(light.value, 0) for light in Light}


def unit_action_items(*, user, as_of: datetime.date | None = None) -> list[ActionRow]:
    """A unit's open action items for its work list, the earliest due first (empty for other roles)."""
    if getattr(user, "unit_id", None) is None:
        return []
    items = (ActionItem.objects.restrict(user, "work").filter(Q(status=ActionStatus.OPEN))
             .select_related("meeting", "owner_unit").order_by("due_date", "id"))
    return action_rows(items, as_of)
