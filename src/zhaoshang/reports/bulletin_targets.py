"""The bulletin's 目标指标完成情况: every indicator of the plan as of the bulletin's date, exactly as the indicator pages
show it (kpis.selectors.plan_figures computes, kpis.display words it; nothing is recomputed here), with the
per-chain and per-channel parts and the chains that still lack a project of 1亿元 or more."""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass

from zhaoshang.kpis import display
from zhaoshang.kpis.figures import WAN_PER_YI, Figure
from zhaoshang.kpis.selectors import plan_figures
from zhaoshang.plans.models import Plan, Task
from zhaoshang.supervision.lights import LIGHT_LABELS, Light

LIGHT_ORDER = (Light.RED, Light.YELLOW, Light.BLUE, Light.GREEN, Light.GREY)


def light_counts(lights) -> dict[str, int]:
    counted = Counter(lights)
    return {light.value: counted.get(light, 0) for light in LIGHT_ORDER}


@dataclass(frozen=True)
class TargetRow:
    """One indicator (or one part of a split indicator) as a line of the bulletin."""

    kpi_id: int
    tasks: str  # "任务3、任务4": the tasks whose target it is
    text: str
    is_part: bool
    is_split: bool
    goal: str
    actual: str
    expected: str  # 序时进度 value expected by the date
    completion: str
    light: str
    light_label: str
    reason: str


@dataclass(frozen=True)
class TargetsSection:
    rows: tuple[TargetRow, ...]  # top-level indicators, each split one followed by its parts
    lights: dict[str, int]  # top-level indicators by light
    met: int
    total: int
    chains: tuple[TargetRow, ...]  # the parts counting one chain each
    channels: tuple[TargetRow, ...]  # the indicators and parts counting one channel (国企, 楚商, 基金 …)
    chains_lacking_yi: tuple[str, ...]  # chains whose "≥1亿元 project" part is not met yet


def _row(figure: Figure, tasks: str, *, part: bool, split: bool) -> TargetRow:
    kpi = figure.kpi
    return TargetRow(
        kpi_id=kpi.pk, tasks=tasks, text=(kpi.split_label or kpi.text) if part else kpi.text, is_part=part, is_split=split,
        goal=display.goal_text(figure, split), actual=display.actual_text(figure, split),
        expected="—" if split else display.expected_text(figure), completion=display.percent_text(figure),
        light=figure.light.value, light_label=LIGHT_LABELS[figure.light], reason=figure.reason,
    )


def _task_labels(plan: Plan) -> dict[int, str]:
    numbers = defaultdict(list)
    for target_id, number in Task.objects.filter(plan=plan).order_by("sort_key", "id").values_list("target_id", "number"):
        numbers[target_id].append(f"任务{number}")
    return {target_id: "、".join(names) for target_id, names in numbers.items()}


def targets_collect(plan: Plan, as_of: datetime.date) -> TargetsSection:
    """The plan's indicators as of `as_of` (the bulletin's date), in the overview's order."""
    kpis, figures = plan_figures(plan.pk, as_of)
    tasks = _task_labels(plan)
    parts = defaultdict(list)
    for kpi in kpis:
        if kpi.parent_id:
            parts[kpi.parent_id].append(kpi)
    rows, chains, channels, lacking = [], [], [], []
    for kpi in kpis:
        if kpi.parent_id:
            continue
        label = tasks.get(kpi.target_id, "")
        rows.append(_row(figures[kpi.pk], label, part=False, split=kpi.pk in parts))
        if kpi.channel and kpi.pk not in parts:
            channels.append(rows[-1])
        for child in parts[kpi.pk]:
            row = _row(figures[child.pk], label, part=True, split=False)
            rows.append(row)
            chain_list = list(child.chains.all())
            if len(chain_list) == 1:
                chains.append(row)
                if (child.min_amount_wan or 0) >= WAN_PER_YI and not figures[child.pk].met:
                    lacking.append(chain_list[0].name)
            if child.channel or kpi.channel:
                channels.append(row)
    top = [figures[kpi.pk] for kpi in kpis if not kpi.parent_id]
    return TargetsSection(
        rows=tuple(rows), lights=light_counts(figure.light for figure in top),
        met=sum(1 for figure in top if figure.met), total=len(top), chains=tuple(chains), channels=tuple(channels),
        chains_lacking_yi=tuple(dict.fromkeys(lacking)),
    )
