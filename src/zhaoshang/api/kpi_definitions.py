"""The office defines indicators over the API: create on a task or one of its measures, change, delete (soft).

`task` is the task's number as printed ("10"), `measure` its measure's number within the task (举措序号, optional).
`kind` is one of the kinds GET /indicators shows; registry counts name their `registry` (a key of
GET /registries) with `mode` (new/stock), `where` ({column: value}, columns and values by name or Chinese label),
`sum` (a numeric column to add up, e.g. headcount) and `period` (week/fortnight/month/quarter/half: the goal is per
period). `parts` splits the indicator into items, each with its own goal and what it counts apart from the parent's
rule. The answer is the indicator as GET /indicators shows it."""

import datetime
from decimal import Decimal

from django.utils import timezone
from ninja import Schema, Status

from zhaoshang.api.kpis import IndicatorOut, indicator_out, router
from zhaoshang.api.params import Id
from zhaoshang.core.permissions import get_for
from zhaoshang.core.services import require
from zhaoshang.kpis.choices import CountStage, RegistryMode
from zhaoshang.kpis.errors import KpiError
from zhaoshang.kpis.models import Kpi
from zhaoshang.kpis.services.defining import PartInput, kpi_create, kpi_delete
from zhaoshang.kpis.services.editing import KpiInput, kpi_update
from zhaoshang.plans.models import Chain, Measure, Task
from zhaoshang.plans.selectors import current_plan_for, plan_for

# the writes share the reads' router: django-ninja resolves one path ("indicators") to one router's operations

class PartIn(Schema):
    label: str
    goal: Decimal
    chain: str | None = None  # a chain of the plan, by name
    channel_detail: str = ""
    registry: str | None = None
    where: dict[str, str] | None = None


class IndicatorIn(Schema):
    task: str | None = None
    measure: int | None = None
    text: str | None = None
    kind: str | None = None
    goal: Decimal | None = None
    unit: str | None = None
    comparator: str | None = None
    year: int | None = None
    due: datetime.date | None = None
    stage: str | None = None
    chains: list[str] | None = None
    channel: str | None = None
    channel_detail: str | None = None
    min_amount_wan: Decimal | None = None
    registry: str | None = None
    mode: str | None = None
    where: dict[str, str] | None = None
    sum: str | None = None
    period: str | None = None
    parts: list[PartIn] | None = None
    plan: Id | None = None


class Detail(Schema):
    detail: str


def _chain_ids(plan_id: int, names: list[str]) -> list[int]:
    found = dict(Chain.objects.filter(plan_id=plan_id, name__in=names).values_list("name", "pk"))
    missing = [name for name in names if name not in found]
    if missing:
        raise KpiError(f"产业链“{'、'.join(missing)}”不在该任务清单中")
    return [found[name] for name in names]


def _input(payload: IndicatorIn, plan_id: int, current: Kpi | None = None) -> KpiInput:
    """The payload over the indicator's current rule (PATCH), or over the defaults (POST)."""
    def given(name, default):
        value = getattr(payload, name)
        return default if value is None else value

    base = current
    chains = (_chain_ids(plan_id, payload.chains) if payload.chains is not None
              else [c.pk for c in base.chains.all()] if base else [])
    tags = [t.pk for t in base.tags.all()] if base else []
    if base is None and (payload.kind is None or payload.goal is None):
        raise KpiError("请填写指标类型（kind）和目标值（goal）")
    year = given("year", base.year if base else timezone.localdate().year)
    return KpiInput(
        kind=given("kind", base.kind if base else ""), goal=given("goal", base.goal if base else Decimal(0)),
        unit=given("unit", base.unit if base else ""), comparator=given("comparator", base.comparator if base else ">="),
        year=year, due_on=given("due", base.due_on if base else None),
        stage=given("stage", base.stage if base else CountStage.SIGNED),
        channel=given("channel", base.channel if base else ""),
        channel_detail=given("channel_detail", base.channel_detail if base else ""),
        min_amount_wan=given("min_amount_wan", base.min_amount_wan if base else None),
        registry=given("registry", base.registry if base else ""),
        registry_mode=given("mode", base.registry_mode if base else RegistryMode.NEW),
        registry_filter=given("where", base.registry_filter if base else {}),
        registry_sum=given("sum", base.registry_sum if base else ""), period=given("period", base.period if base else ""),
        reporting_unit_id=base.reporting_unit_id if base else None, chain_ids=chains, tag_ids=tags)


def _parts(payload: IndicatorIn, plan_id: int) -> list[PartInput]:
    return [PartInput(label=part.label, goal=part.goal, channel_detail=part.channel_detail,
                      chain_id=_chain_ids(plan_id, [part.chain])[0] if part.chain else None,
                      registry=part.registry or "", registry_filter=part.where or {})
            for part in payload.parts or ()]


@router.post("indicators", response={201: IndicatorOut, 400: Detail})
def indicator_create(request, payload: IndicatorIn):
    """A new indicator of the office on task `task` (or its measure `measure`)."""
    require(request.user, "manage")
    plan = plan_for(user=request.user, pk=payload.plan) if payload.plan else current_plan_for(user=request.user)
    if plan is None:
        raise KpiError("没有可用的任务清单")
    task = Task.objects.filter(plan=plan, number=(payload.task or "").strip()).first()
    if task is None:
        raise KpiError(f"任务“{payload.task or ''}”不在该任务清单中")
    measure = None
    if payload.measure is not None:
        measure = Measure.objects.filter(task=task, ordinal=payload.measure).first()
        if measure is None:
            raise KpiError(f"任务{task.number}没有第{payload.measure}项举措")
    kpi = kpi_create(actor=request.user, plan=plan, task=task, measure=measure, text=payload.text or "",
                     data=_input(payload, plan.pk), parts=_parts(payload, plan.pk))
    return Status(201, indicator_out(_fresh(request, kpi.pk), timezone.localdate()))


def _fresh(request, pk: int) -> Kpi:
    return get_for(request.user, "view", Kpi.objects.select_related("plan", "target", "measure")
                   .prefetch_related("chains", "tags"), pk=pk)


@router.patch("indicators/{kpi_id}", response={200: IndicatorOut, 400: Detail})
def indicator_change(request, kpi_id: int, payload: IndicatorIn):
    """Change the indicator's rule: only the fields given (a notice's indicator keeps the office's edits)."""
    require(request.user, "manage")
    kpi = _fresh(request, kpi_id)
    if payload.parts is not None or payload.task is not None or payload.measure is not None:
        raise KpiError("分项、任务和举措不能修改：请删除后重新设立")
    kpi_update(actor=request.user, kpi=kpi, data=_input(payload, kpi.plan_id, kpi))
    return indicator_out(_fresh(request, kpi.pk), timezone.localdate())


@router.delete("indicators/{kpi_id}", response={204: None})
def indicator_remove(request, kpi_id: int):
    """To the recycle bin, with its parts."""
    require(request.user, "manage")
    kpi_delete(actor=request.user, kpi=_fresh(request, kpi_id))
    return Status(204, None)

