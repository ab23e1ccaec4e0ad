"""Enterprise needs over the API: list (with lights) and counts, register, correct, and what the pages do to a need."""

import datetime

from ninja import Query, Router, Schema, Status

from zhaoshang.api.params import Id, Text, Year
from zhaoshang.core.permissions import get_for, listing_action
from zhaoshang.needs.choices import Satisfaction
from zhaoshang.needs.errors import NeedError
from zhaoshang.needs.filters import TYPE_BY_NAME
from zhaoshang.needs.selectors import light_of, need_counts, need_for, needs_for
from zhaoshang.needs.services.tickets import (NeedInput, need_accept, need_create, need_rate, need_route, need_settle,
                                              need_update, need_urge)
from zhaoshang.projects.lookups import unit_named
from zhaoshang.projects.models import Project

router = Router(tags=["企业诉求"])
SATISFACTION_BY_NAME = {**{label: value for value, label in Satisfaction.choices}, **{v: v for v in Satisfaction.values}}


class NeedOut(Schema):
    id: int
    number: str
    title: str
    type: str
    project_id: int | None
    project: str | None
    enterprise: str | None
    unit: str
    status: str
    raised_at: datetime.datetime
    accept_due: datetime.datetime
    settle_due: datetime.date
    accepted_at: datetime.datetime | None
    settled_at: datetime.datetime | None
    reply: str
    satisfaction: str
    urge_count: int
    light: str
    light_reason: str


def _out(need) -> dict:
    light = light_of(need)
    return {"id": need.pk, "number": need.number, "title": need.title, "type": need.need_type, "project_id": need.project_id,
            "project": need.project.name if need.project else None,
            "enterprise": need.enterprise.name if need.enterprise else None, "unit": need.unit.display_name,
            "status": need.status, "raised_at": need.raised_at, "accept_due": need.accept_due, "settle_due": need.settle_due,
            "accepted_at": need.accepted_at, "settled_at": need.settled_at, "reply": need.reply,
            "satisfaction": need.satisfaction, "urge_count": need.urge_count, "light": light.light.value,
            "light_reason": light.reason}


def _type(name: str) -> str:
    value = TYPE_BY_NAME.get((name or "").strip())
    if value is None:
        raise NeedError(f"诉求类型“{name}”不正确")
    return value


class NeedQuery(Schema):
    q: Text | None = None
    type: str | None = None
    status: str | None = None
    unit: Id | None = None
    project: Id | None = None
    late: bool | None = None
    satisfaction: str | None = None
    year: Year | None = None


def _params(filters: NeedQuery) -> dict:
    return {k: str(v) for k, v in filters.dict().items() if v not in (None, "")}


@router.get("needs", response=list[NeedOut])
def need_list(request, filters: Query[NeedQuery]):
    """Needs the caller may list (a unit user: those routed to its unit), filtered as on the page, with lights."""
    return [_out(n) for n in needs_for(user=request.user, params=_params(filters))[:1000]]


@router.get("needs/counts")
def need_count(request, filters: Query[NeedQuery]):
    """Open, late, settled and satisfaction, overall and per unit (the statistics page)."""
    total, by_unit = need_counts(needs_for(user=request.user, params=_params(filters)))
    return {"total": total.as_dict(), "by_unit": [row.as_dict() for row in by_unit]}


class EnterpriseRef(Schema):
    name: str
    credit_code: str = ""


class NeedIn(Schema):
    title: str
    type: str = "其他"
    unit: str
    project_id: int | None = None
    enterprise: EnterpriseRef | None = None
    description: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    raised_at: datetime.datetime | None = None


@router.post("needs", response={201: NeedOut})
def need_add(request, payload: NeedIn):
    """Register a need (a unit: routed to itself; the office: to any unit); type and unit accept Chinese names."""
    project = None
    if payload.project_id is not None:
        project = get_for(request.user, listing_action(request.user), Project.objects, pk=payload.project_id)
    need = need_create(actor=request.user, data=NeedInput(
        title=payload.title, need_type=_type(payload.type), unit=unit_named(payload.unit), project=project,
        enterprise_name=payload.enterprise.name if payload.enterprise else "",
        credit_code=payload.enterprise.credit_code if payload.enterprise else "", description=payload.description,
        contact_name=payload.contact_name, contact_phone=payload.contact_phone, raised_at=payload.raised_at))
    return Status(201, _out(need_for(user=request.user, pk=need.pk)))


class NeedPatch(Schema):
    title: str | None = None
    type: str | None = None
    description: str | None = None
    contact_name: str | None = None
    contact_phone: str | None = None


@router.patch("needs/{need_id}", response=NeedOut)
def need_patch(request, need_id: int, payload: NeedPatch):
    """Correct a need (its unit or the office, until settled); fields left out stay."""
    need = need_for(user=request.user, pk=need_id, action="work")
    need_update(actor=request.user, need=need, title=payload.title if payload.title is not None else need.title,
                need_type=_type(payload.type) if payload.type else need.need_type,
                description=payload.description if payload.description is not None else need.description,
                contact_name=payload.contact_name if payload.contact_name is not None else need.contact_name,
                contact_phone=payload.contact_phone if payload.contact_phone is not None else need.contact_phone)
    return _out(need_for(user=request.user, pk=need_id))


class RouteIn(Schema):
    unit: str
    reason: str = ""  # required by the service (a Chinese 400 when empty)


@router.post("needs/{need_id}/route", response=NeedOut)
def need_reroute(request, need_id: int, payload: RouteIn):
    """The office sends the need to another unit (转办), with the reason."""
    need = need_for(user=request.user, pk=need_id)
    need_route(actor=request.user, need=need, unit=unit_named(payload.unit), reason=payload.reason)
    return _out(need_for(user=request.user, pk=need_id))


class UrgeIn(Schema):
    message: str = ""


@router.post("needs/{need_id}/urge", response=NeedOut)
def need_push(request, need_id: int, payload: UrgeIn):
    """The office urges the unit."""
    need = need_for(user=request.user, pk=need_id)
    need_urge(actor=request.user, need=need, message=payload.message or "请加快办理，按时答复企业。")
    return _out(need_for(user=request.user, pk=need_id))


@router.post("needs/{need_id}/accept", response=NeedOut)
def need_take(request, need_id: int):
    """Its unit accepts the need (受理)."""
    need = need_for(user=request.user, pk=need_id, action="work")
    need_accept(actor=request.user, need=need)
    return _out(need_for(user=request.user, pk=need_id))


class SettleIn(Schema):
    reply: str


@router.post("needs/{need_id}/settle", response=NeedOut)
def need_close(request, need_id: int, payload: SettleIn):
    """Its unit answers and closes the need (办结)."""
    need = need_for(user=request.user, pk=need_id, action="work")
    need_settle(actor=request.user, need=need, reply=payload.reply)
    return _out(need_for(user=request.user, pk=need_id))


class RatingIn(Schema):
    satisfaction: str
    note: str = ""


@router.post("needs/{need_id}/rating", response=NeedOut)
def need_rating(request, need_id: int, payload: RatingIn):
    """The office records the enterprise's satisfaction (满意/基本满意/不满意) after calling it back."""
    need = need_for(user=request.user, pk=need_id)
    need_rate(actor=request.user, need=need, satisfaction=SATISFACTION_BY_NAME.get(payload.satisfaction.strip(), "-"),
              note=payload.note)
    return _out(need_for(user=request.user, pk=need_id))
