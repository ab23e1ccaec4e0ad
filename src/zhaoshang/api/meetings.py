"""Meetings over the API: list, create and update meetings, add decisions and action items; list and update action
items (the owner unit reports, marks done)."""

import datetime

from ninja import Query, Router, Schema, Status

from zhaoshang.api.params import Id, Month, Text, Year
from zhaoshang.meetings.choices import KIND_BY_NAME, MeetingStatus
from zhaoshang.meetings.errors import MeetingError
from zhaoshang.meetings.selectors.meetings import (action_item_for, action_items_for, action_rows, light_of, meeting_for,
                                                   meetings_for)
from zhaoshang.meetings.services.actions import action_item_create, action_item_update
from zhaoshang.meetings.services.meetings import MeetingInput, decision_add, meeting_create, meeting_update
from zhaoshang.projects.lookups import unit_named

router = Router(tags=["会商调度"])
STATUS_BY_NAME = {**{label: value for value, label in MeetingStatus.choices}, **{v: v for v in MeetingStatus.values}}


class MeetingOut(Schema):
    id: int
    kind: str
    number: int
    title: str
    date: datetime.date
    start_time: datetime.time | None
    place: str
    chair: str
    status: str
    minutes: str


def _meeting(meeting) -> dict:
    return {name: getattr(meeting, name) for name in ("id", "kind", "number", "title", "date", "start_time", "place", "chair",
                                                      "status", "minutes")}


class MeetingQuery(Schema):
    q: Text | None = None
    kind: str | None = None
    status: str | None = None
    year: Year | None = None
    month: Month | None = None
    series: Id | None = None


def _params(filters: Schema) -> dict:
    return {k: str(v) for k, v in filters.dict().items() if v not in (None, "")}


@router.get("meetings", response=list[MeetingOut])
def meeting_list(request, filters: Query[MeetingQuery]):
    """Meetings, filtered as on the page (every role reads them)."""
    return [_meeting(m) for m in meetings_for(user=request.user, params=_params(filters))[:1000]]


class MeetingIn(Schema):
    kind: str
    date: datetime.date
    title: str = ""
    place: str = ""
    chair: str = ""
    start_time: datetime.time | None = None


@router.post("meetings", response={201: MeetingOut})
def meeting_add(request, payload: MeetingIn):
    """The office creates a meeting; kind accepts 单周会商研判 / 双周现场调度 / 专题会议 or their codes."""
    meeting = meeting_create(actor=request.user, data=MeetingInput(
        KIND_BY_NAME.get(payload.kind.strip(), payload.kind), payload.date, payload.title, payload.place, payload.chair,
        payload.start_time))
    return Status(201, _meeting(meeting))


class MeetingPatch(Schema):
    title: str | None = None
    date: datetime.date | None = None
    start_time: datetime.time | None = None
    place: str | None = None
    chair: str | None = None
    status: str | None = None
    minutes: str | None = None


@router.patch("meetings/{meeting_id}", response=MeetingOut)
def meeting_patch(request, meeting_id: int, payload: MeetingPatch):
    """The office changes a meeting (fields left out stay); status accepts 待召开/已召开/已取消."""
    meeting = meeting_for(user=request.user, pk=meeting_id)
    changes = payload.dict(exclude_unset=True)
    if "status" in changes:
        changes["status"] = STATUS_BY_NAME.get((changes["status"] or "").strip(), "-")
    return _meeting(meeting_update(actor=request.user, meeting=meeting, **changes))


class DecisionIn(Schema):
    text: str


class DecisionOut(Schema):
    id: int
    order: int
    text: str


@router.post("meetings/{meeting_id}/decisions", response={201: DecisionOut})
def decision_create(request, meeting_id: int, payload: DecisionIn):
    """The office records a decision of the meeting."""
    decision = decision_add(actor=request.user, meeting=meeting_for(user=request.user, pk=meeting_id), text=payload.text)
    return Status(201, {"id": decision.pk, "order": decision.order, "text": decision.text})


class ActionOut(Schema):
    id: int
    meeting_id: int
    meeting: str
    text: str
    owner_unit: str
    due_date: datetime.date
    status: str
    progress: str
    done_on: datetime.date | None
    urge_count: int
    light: str
    light_reason: str


def _action(item, light=None) -> dict:
    light = light or light_of(item)
    return {"id": item.pk, "meeting_id": item.meeting_id, "meeting": item.meeting.title, "text": item.text,
            "owner_unit": item.owner_unit.display_name, "due_date": item.due_date, "status": item.status,
            "progress": item.progress, "done_on": item.done_on, "urge_count": item.urge_count,
            "light": light.light.value, "light_reason": light.reason}


class ActionIn(Schema):
    text: str
    owner_unit: str
    due_date: datetime.date
    decision_id: int | None = None


@router.post("meetings/{meeting_id}/action-items", response={201: ActionOut})
def action_create(request, meeting_id: int, payload: ActionIn):
    """The office assigns work to a unit (name accepted); it shows in the unit's work list."""
    meeting = meeting_for(user=request.user, pk=meeting_id)
    decision = meeting.decisions.filter(pk=payload.decision_id).first() if payload.decision_id else None
    if payload.decision_id and decision is None:
        raise MeetingError("议定事项不属于本次会议")
    item = action_item_create(actor=request.user, meeting=meeting, text=payload.text, owner_unit=unit_named(payload.owner_unit),
                              due_date=payload.due_date, decision=decision)
    return Status(201, _action(item))


class ActionQuery(Schema):
    q: Text | None = None
    unit: Id | None = None
    status: str | None = None
    meeting: Id | None = None
    kind: str | None = None
    overdue: bool | None = None


@router.get("action-items", response=list[ActionOut])
def action_list(request, filters: Query[ActionQuery]):
    """Action items the caller lists (a unit user: its own unit's), with lights."""
    return [_action(r.item, r.light) for r in action_rows(action_items_for(user=request.user, params=_params(filters))[:1000])]


class ActionPatch(Schema):
    progress: str | None = None
    done: bool | None = None
    done_on: datetime.date | None = None


@router.patch("action-items/{item_id}", response=ActionOut)
def action_patch(request, item_id: int, payload: ActionPatch):
    """The owner unit (or the office) reports progress and marks the item done (done: true) or open again."""
    item = action_item_for(user=request.user, pk=item_id, action="work")
    action_item_update(actor=request.user, item=item, progress=payload.progress, done=payload.done, done_on=payload.done_on)
    return _action(action_item_for(user=request.user, pk=item_id))
