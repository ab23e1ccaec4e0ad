"""A need's life: raised and routed, accepted, settled with a reply, rated by the enterprise; urged when slow."""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from zhaoshang.accounts.models import Unit
from zhaoshang.core.audit import audit_record, snapshot
from zhaoshang.core.permissions import can_work_on_unit
from zhaoshang.core.phones import PHONE_ERROR, normalize_phone
from zhaoshang.core.services import PermissionDenied, require
from zhaoshang.needs.choices import NeedStatus, NeedType, Satisfaction
from zhaoshang.needs.deadlines import accept_deadline, settle_deadline
from zhaoshang.needs.errors import NeedError
from zhaoshang.needs.limits import limit_for
from zhaoshang.needs.models import Need
from zhaoshang.needs.search import index_needs
from zhaoshang.projects.models import Enterprise, Project
from zhaoshang.projects.selectors import listed_projects
from zhaoshang.projects.services.projects import enterprise_for
from zhaoshang.supervision.choices import NotificationKind
from zhaoshang.supervision.cycles import work_calendar
from zhaoshang.supervision.services.notify import notify_office, notify_unit


@dataclass
class NeedInput:
    """What the enterprise asks, and for whom."""

    title: str
    need_type: str
    unit: Unit | None
    project: Project | None = None
    enterprise: Enterprise | None = None
    enterprise_name: str = ""  # an enterprise not yet known: found by credit code or name, else registered
    credit_code: str = ""
    description: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    raised_at: datetime.datetime | None = None


def _url(need: Need) -> str:
    return reverse("needs:detail", args=[need.pk])


def _deadlines(need: Need) -> None:
    limit = limit_for(need.need_type)
    need.accept_due = accept_deadline(need.raised_at, limit.accept_hours)
    need.settle_due = settle_deadline(timezone.localdate(need.raised_at), limit.settle_workdays, work_calendar())


def _locked(need: Need, actor) -> Need:
    """The need, locked, still within the actor's unit (re-checked inside the transaction)."""
    need = Need.objects.select_for_update().get(pk=need.pk)
    if not can_work_on_unit(actor, need.unit_id):
        raise PermissionDenied("只能办理本单位承办的诉求")
    return need


def _check_type(need_type: str) -> None:
    if need_type not in NeedType.values:
        raise NeedError(f"诉求类型“{need_type}”不正确，可选：{'、'.join(NeedType.labels)}")


def _phone(text: str) -> str:
    """The contact's number as stored: empty, or a valid mobile or landline in one written form."""
    if not text.strip():
        return ""
    phone = normalize_phone(text)
    if phone is None:
        raise NeedError(PHONE_ERROR)
    return phone


@transaction.atomic
def need_create(*, actor, data: NeedInput) -> Need:
    """Register a need routed to `data.unit` (a unit: to itself; the office: to any); deadlines from the type."""
    if data.unit is None:
        raise NeedError("请选择承办单位")
    if not can_work_on_unit(actor, data.unit.pk):
        raise PermissionDenied("只能登记由本单位承办的诉求")
    title = data.title.strip()
    if not title:
        raise NeedError("请填写诉求事项")
    _check_type(data.need_type)
    phone = _phone(data.contact_phone)
    if data.project is not None and not listed_projects(actor).select_for_update().filter(pk=data.project.pk).exists():
        raise Http404("对象不存在或无权访问")  # another unit's project (re-checked, locked, in the transaction): 404
    enterprise = data.enterprise
    if enterprise is None and data.enterprise_name.strip():
        enterprise = enterprise_for(data.enterprise_name, data.credit_code)  # indexed there: the next lookup finds it
    if enterprise is None and data.project is not None:
        enterprise = data.project.enterprises.first()
    if data.project is None and enterprise is None:
        raise NeedError("请选择提出诉求的项目或企业")
    now = timezone.now()
    raised_at = data.raised_at or now
    if raised_at > now:
        raise NeedError("提出时间不能晚于当前时间")
    need = Need(title=title[:200], need_type=data.need_type, description=data.description.strip(), project=data.project,
                enterprise=enterprise, contact_name=data.contact_name.strip()[:30],
                contact_phone=phone, unit=data.unit, raised_at=raised_at, created_by=actor)
    _deadlines(need)
    need.save()
    index_needs([need])
    audit_record(actor=actor, action="create", obj=need, after=snapshot(need))
    if getattr(actor, "unit_id", None) != need.unit_id:
        notify_unit(unit_id=need.unit_id, kind=NotificationKind.DUE, url=_url(need),
                    text=f"新的企业诉求：{need.title}，请于{timezone.localtime(need.accept_due):%m月%d日%H时}前受理")
    return need


@transaction.atomic
def need_update(*, actor, need: Need, title: str, description: str, need_type: str, contact_name: str = "",
                contact_phone: str = "") -> Need:
    """Correct what was registered; a new type recomputes the deadlines from when the need was raised."""
    need = _locked(need, actor)
    if need.status == NeedStatus.SETTLED:
        raise NeedError("诉求已办结，不能再修改")
    if not title.strip():
        raise NeedError("请填写诉求事项")
    _check_type(need_type)
    phone = _phone(contact_phone)
    before = snapshot(need)
    retype = need_type != need.need_type
    need.title, need.description, need.need_type = title.strip()[:200], description.strip(), need_type
    need.contact_name, need.contact_phone = contact_name.strip()[:30], phone
    if retype:
        _deadlines(need)
    need.save()
    index_needs([need])
    audit_record(actor=actor, action="update", obj=need, before=before, after=snapshot(need))
    return need


@transaction.atomic
def need_route(*, actor, need: Need, unit: Unit | None, reason: str) -> Need:
    """The office sends a need to another unit (转办), saying why; that unit must accept it anew and the enterprise's
    clock keeps running. The reason stays in the need's 办理记录 (the audit entry)."""
    require(actor, "supervise")
    need = Need.objects.select_for_update().get(pk=need.pk)
    if unit is None:
        raise NeedError("请选择转办的承办单位")
    if need.status == NeedStatus.SETTLED:
        raise NeedError("诉求已办结，不能再转办")
    if unit.pk == need.unit_id:
        raise NeedError(f"诉求已由{unit.display_name}承办，请选择其他单位")
    reason = reason.strip()
    if not reason:
        raise NeedError("请填写转办理由")
    before = snapshot(need)
    need.unit, need.status, need.accepted_at, need.accepted_by = unit, NeedStatus.NEW, None, None
    need.save()
    audit_record(actor=actor, action="route", obj=need, before=before, after={**snapshot(need), "reason": reason[:500]})
    notify_unit(unit_id=unit.pk, kind=NotificationKind.DUE, url=_url(need),
                text=f"督办办公室转办企业诉求：{need.title}（{reason[:100]}）")
    return need


@transaction.atomic
def need_accept(*, actor, need: Need) -> Need:
    """The unit takes the need on (受理); accepting twice changes nothing."""
    need = _locked(need, actor)
    if need.status != NeedStatus.NEW:
        return need
    before = snapshot(need)
    need.status, need.accepted_at, need.accepted_by = NeedStatus.ACCEPTED, timezone.now(), actor
    need.save()
    audit_record(actor=actor, action="accept", obj=need, before=before, after=snapshot(need))
    return need


@transaction.atomic
def need_settle(*, actor, need: Need, reply: str) -> Need:
    """The unit answers and closes the need (办结); settling a need not yet accepted accepts it too."""
    need = _locked(need, actor)
    if need.status == NeedStatus.SETTLED:
        raise NeedError("诉求已办结")
    if not reply.strip():
        raise NeedError("办结时请填写办理答复")
    before = snapshot(need)
    now = timezone.now()
    if need.accepted_at is None:
        need.accepted_at, need.accepted_by = now, actor
    need.status, need.reply, need.settled_at, need.settled_by = NeedStatus.SETTLED, reply.strip(), now, actor
    need.save()
    audit_record(actor=actor, action="settle", obj=need, before=before, after=snapshot(need))
    notify_office(kind=NotificationKind.NEED_SETTLED, by=actor, url=_url(need), text=f"{need.unit.display_name}办结企业诉求：{need.title}")
    return need


@transaction.atomic
def need_rate(*, actor, need: Need, satisfaction: str, note: str = "") -> Need:
    """The office records the enterprise's satisfaction after calling it back (回访); a unit never rates itself."""
    require(actor, "supervise")
    need = Need.objects.select_for_update().get(pk=need.pk)
    if need.status != NeedStatus.SETTLED:
        raise NeedError("诉求办结后才能回访评价")
    if satisfaction not in Satisfaction.values:
        raise NeedError(f"满意度应为：{'、'.join(Satisfaction.labels)}")
    before = snapshot(need)
    need.satisfaction, need.rating_note, need.rated_at = satisfaction, note.strip()[:500], timezone.now()
    need.save()
    audit_record(actor=actor, action="rate", obj=need, before=before, after=snapshot(need))
    return need


@transaction.atomic
def need_urge(*, actor, need: Need, message: str) -> Need:
    """The office urges the unit on an open need (催办)."""
    require(actor, "supervise")
    need = Need.objects.select_for_update().get(pk=need.pk)
    if need.status == NeedStatus.SETTLED:
        raise NeedError("诉求已办结，无需催办")
    if not message.strip():
        raise NeedError("请填写催办内容")
    before = snapshot(need)
    need.urge_count += 1
    need.save(update_fields=["urge_count", "updated_at"])
    audit_record(actor=actor, action="urge", obj=need, before=before, after={**snapshot(need), "message": message.strip()})
    notify_unit(unit_id=need.unit_id, kind=NotificationKind.URGED, url=_url(need), text=f"企业诉求催办：{need.title}：{message.strip()[:150]}")
    return need
