"""The office corrects an indicator: its kind, goal, filter, due date, reporting unit and growth baseline."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction

from zhaoshang.core.audit import audit_record, snapshot
from zhaoshang.core.services import require
from zhaoshang.kpis.choices import GROWTH_KINDS, PROJECT_KINDS, Kind, Period, RegistryMode
from zhaoshang.kpis.errors import KpiError
from zhaoshang.kpis.models import Kpi
from zhaoshang.kpis.registries import is_source, registry_rule_clean, sum_column_clean
from zhaoshang.kpis.services.values import parse_value


SHARED_WITH_PARTS = ("kind", "goal", "unit", "comparator", "year", "due_on", "stage", "channel_detail", "min_amount_wan",
                     "period")


@dataclass
class KpiInput:
    kind: str
    goal: Decimal
    unit: str
    comparator: str
    year: int
    due_on: datetime.date | None
    stage: str
    channel: str = ""
    channel_detail: str = ""
    min_amount_wan: Decimal | None = None
    registry: str = ""
    registry_mode: str = RegistryMode.NEW
    registry_filter: dict = field(default_factory=dict)  # column → value; labels accepted (kpis/registries.py)
    registry_sum: str = ""  # a numeric column to add up instead of counting rows (by name or label)
    period: str = ""  # a recurring registry count: the goal is per period (Period)
    reporting_unit_id: int | None = None
    chain_ids: list[int] = field(default_factory=list)
    tag_ids: list[int] = field(default_factory=list)


def check_input(data: KpiInput) -> None:
    if data.kind not in Kind.values:
        raise KpiError("指标类型不正确")
    parse_value(data.goal)
    if data.kind == Kind.REGISTRY_COUNT and not is_source(data.registry):
        raise KpiError("请选择登记来源")
    if data.min_amount_wan is not None and data.min_amount_wan < 0:
        raise KpiError("投资额下限不能为负数")
    if not 2000 <= data.year <= 2100:
        raise KpiError("统计年度不正确")
    if data.due_on and data.due_on.year < data.year:
        raise KpiError("完成时限不能早于统计年度")
    if data.period and data.period not in Period.values:
        raise KpiError("周期不正确")
    if data.period and (data.kind != Kind.REGISTRY_COUNT or data.registry_mode != RegistryMode.NEW):
        raise KpiError("只有按新增计数的登记/活动条数类指标可以按周期计（如“每月举办1次”）")
    if data.registry_sum and data.kind != Kind.REGISTRY_COUNT:
        raise KpiError("只有登记/活动条数类指标可以合计数值列")


def counting_clean(data: KpiInput) -> tuple[str, dict, str]:
    """How a registry-count indicator counts, checked: (mode, filter, column added up); the defaults otherwise."""
    if data.kind != Kind.REGISTRY_COUNT:
        return RegistryMode.NEW, {}, ""
    mode, where = registry_rule_clean(data.registry, data.registry_mode, data.registry_filter)
    return mode, where, sum_column_clean(data.registry, data.registry_sum)


RULE_FIELDS = ("kind", "goal", "unit", "comparator", "year", "due_on", "stage", "channel", "channel_detail",
               "min_amount_wan", "registry", "reporting_unit_id", "period")


def apply_input(kpi: Kpi, data: KpiInput) -> None:
    """Set the indicator's rule from checked input (not saved)."""
    mode, where, summed = counting_clean(data)
    for name in RULE_FIELDS:
        setattr(kpi, name, getattr(data, name))
    kpi.registry = data.registry if data.kind == Kind.REGISTRY_COUNT else ""
    kpi.registry_mode, kpi.registry_filter, kpi.registry_sum = mode, where, summed


@transaction.atomic
def kpi_update(*, actor, kpi: Kpi, data: KpiInput) -> Kpi:
    """Save the office's correction of one indicator (its parts keep their own chain or tag)."""
    require(actor, "manage")
    check_input(data)
    kpi = Kpi.objects.select_for_update().get(pk=kpi.pk)
    before = {**snapshot(kpi), "chains": sorted(kpi.chains.values_list("pk", flat=True)),
              "tags": sorted(kpi.tags.values_list("pk", flat=True))}
    # the parts of a split follow their parent's rule; each keeps its own chain, tags, channel and source, and its
    # own goal when the parts' goals differ (引入项目 3、3、2 个)
    shared = [name for name in SHARED_WITH_PARTS
              if name != "goal" or not kpi.children.exclude(goal=kpi.goal).exists()]
    apply_input(kpi, data)
    kpi.save()
    kpi.children.update(**{name: getattr(kpi, name) for name in shared})
    if data.kind in PROJECT_KINDS:
        kpi.chains.set(data.chain_ids)
        kpi.tags.set(data.tag_ids)
    audit_record(actor=actor, action="update", obj=kpi, before=before,
                 after={**snapshot(kpi), "chains": sorted(data.chain_ids), "tags": sorted(data.tag_ids)})
    return kpi


@transaction.atomic
def baseline_set(*, actor, kpi: Kpi, value, source: str) -> Kpi:
    """Last year's figure for a growth indicator (count, or 万元 for an amount), with where it comes from."""
    require(actor, "manage")
    if kpi.kind not in GROWTH_KINDS:
        raise KpiError("只有同比增长类指标需要上年基数")
    if not source.strip():
        raise KpiError("请注明基数来源（如：2024年统计年报）")
    kpi = Kpi.objects.select_for_update().get(pk=kpi.pk)
    before = snapshot(kpi)
    kpi.baseline, kpi.baseline_source = parse_value(value), source.strip()[:200]
    kpi.save(update_fields=["baseline", "baseline_source", "updated_at"])
    audit_record(actor=actor, action="baseline", obj=kpi, before=before, after=snapshot(kpi))
    return kpi
