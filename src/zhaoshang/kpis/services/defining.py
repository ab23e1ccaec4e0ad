"""The office defines indicators of its own: on a target or on one measure, with a rule and optional per-item parts;
and deletes them (soft). Such indicators have no parsed source, so a revised notice keeps them (kpis_sync drops
only indicators whose parsed number disappeared), and they follow their measure to its task's target."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from zhaoshang.core.audit import audit_record, snapshot
from zhaoshang.core.services import require
from zhaoshang.kpis.choices import Kind, RegistryMode
from zhaoshang.kpis.errors import KpiError
from zhaoshang.kpis.models import Kpi
from zhaoshang.kpis.services.editing import KpiInput, apply_input, check_input
from zhaoshang.kpis.services.values import parse_value
from zhaoshang.plans.models import Chain, Measure, Plan, Target, Task


@dataclass
class PartInput:
    """One part of a per-item indicator: its name and goal, and what it counts apart from its parent's rule — a
    chain, a channel detail (市城发集团), or its own registry and filter (楚商信息库, 楚才名录 …)."""

    label: str
    goal: Decimal
    chain_id: int | None = None
    channel_detail: str = ""
    registry: str = ""
    registry_filter: dict = field(default_factory=dict)


def target_for(*, actor, plan: Plan, task: Task | None, measure: Measure | None) -> Target:
    """Where an indicator of a task or measure hangs: the task's target; for a task the notice gave none, a target of
    the office's own (kept across revisions) named after the task."""
    task = measure.task if measure is not None else task
    if task is None:
        raise KpiError("请选择任务或举措")
    if task.plan_id != plan.pk or (measure is not None and measure.deleted_at is not None):
        raise KpiError("任务或举措不属于该任务清单")
    if task.target_id and task.target.deleted_at is None:
        return task.target
    order = (plan.targets.aggregate(Max("order"))["order__max"] or 0) + 1
    target = Target.objects.create(plan=plan, focus=task.focus, text=f"任务{task.number}举措指标", order=order,
                                   by_office=True)
    audit_record(actor=actor, action="create", obj=target, after=snapshot(target))
    before = snapshot(task)
    task.target = target
    task.save(update_fields=["target"])
    audit_record(actor=actor, action="update", obj=task, before=before, after=snapshot(task))
    return target


def _parts_check(parts: list[PartInput], data: KpiInput) -> None:
    labels = [part.label.strip() for part in parts]
    if any(not label for label in labels):
        raise KpiError("分项名称不能为空")
    if len(set(labels)) != len(labels):
        raise KpiError("分项名称不能重复")
    for part in parts:
        parse_value(part.goal)
        if (part.registry or part.registry_filter) and data.kind != Kind.REGISTRY_COUNT:
            raise KpiError(f"分项“{part.label}”：只有登记/活动条数类指标的分项可以指定登记来源")


@transaction.atomic
def kpi_create(*, actor, plan: Plan, text: str, data: KpiInput, task: Task | None = None,
               measure: Measure | None = None, parts: list[PartInput] = ()) -> Kpi:
    """A new indicator of the office on the task's (or measure's) target; with parts, a parent whose goal is its
    number of parts and one child per part."""
    require(actor, "manage")
    text = (text or "").strip()
    if not text:
        raise KpiError("请填写指标名称（通知原文或概括）")
    check_input(data)
    parts = list(parts)
    _parts_check(parts, data)
    target = target_for(actor=actor, plan=plan, task=task, measure=measure)
    order = (target.kpis.aggregate(Max("order"))["order__max"] or 0) + 1
    kpi = Kpi(plan=plan, target=target, measure=measure, text=text[:300], order=order)
    apply_input(kpi, data)
    if parts:
        kpi.goal = Decimal(len(parts))
    kpi.save()
    kpi.chains.set(data.chain_ids)
    kpi.tags.set(data.tag_ids)
    audit_record(actor=actor, action="create", obj=kpi,
                 after={**snapshot(kpi), "chains": sorted(data.chain_ids), "tags": sorted(data.tag_ids)})
    for position, part in enumerate(parts):
        _part_create(actor, kpi, data, part, position)
    return kpi


def _part_create(actor, parent: Kpi, data: KpiInput, part: PartInput, position: int) -> Kpi:
    own = KpiInput(**{**vars(data), "goal": part.goal,
                      "registry": part.registry or data.registry,
                      "registry_filter": part.registry_filter if part.registry else
                      {**data.registry_filter, **part.registry_filter},
                      "registry_mode": data.registry_mode or RegistryMode.NEW,
                      "channel_detail": part.channel_detail or data.channel_detail})
    check_input(own)
    if part.chain_id and not Chain.objects.filter(pk=part.chain_id, plan=parent.plan).exists():
        raise KpiError(f"分项“{part.label}”的产业链不属于该任务清单")
    child = Kpi(plan=parent.plan, target=parent.target, measure=parent.measure, parent=parent, text=parent.text,
                split_label=part.label.strip()[:50], order=position)
    apply_input(child, own)
    child.save()
    chain_ids = [part.chain_id] if part.chain_id else list(data.chain_ids)
    child.chains.set(chain_ids)
    child.tags.set(data.tag_ids)
    audit_record(actor=actor, action="create", obj=child, after={**snapshot(child), "chains": chain_ids,
                                                                "tags": sorted(data.tag_ids)})
    return child


@transaction.atomic
def kpi_delete(*, actor, kpi: Kpi) -> None:
    """Soft-delete an indicator and its parts (the recycle bin keeps them); its values stay with it."""
    require(actor, "manage")
    kpi = Kpi.objects.select_for_update().get(pk=kpi.pk)
    if kpi.parent_id:
        raise KpiError("分项随所属指标删除，请删除所属指标")
    now = timezone.now()
    for row in [kpi, *kpi.children.all()]:
        before = snapshot(row)
        row.deleted_at, row.deleted_by = now, actor
        row.save(update_fields=["deleted_at", "deleted_by", "updated_at"])
        audit_record(actor=actor, action="delete", obj=row, before=before, after=snapshot(row))
