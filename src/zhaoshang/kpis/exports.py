"""指标总览 and one indicator's rows as Excel sheets, exactly as their pages show them (house style: list_workbook)."""

import datetime
from decimal import Decimal

from django.utils import timezone

from zhaoshang.core.xlsx import list_workbook
from zhaoshang.kpis.choices import CountStage, Kind
from zhaoshang.kpis.display import is_whole
from zhaoshang.kpis.figures import Figure, due_of
from zhaoshang.kpis.models import Kpi
from zhaoshang.kpis.rules import rule_text
from zhaoshang.kpis.selectors import TaskBlock
from zhaoshang.supervision.lights import LIGHT_LABELS

OVERVIEW_COLUMNS = (
    ("任务", 6), ("工作重点", 12), ("市目标", 40), ("指标", 40), ("分项", 12), ("类型", 12), ("目标值", 10), ("完成值", 10),
    ("计量单位", 9), ("完成率(%)", 10), ("序时进度目标值", 12), ("灯色", 8), ("灯色说明", 30), ("备注", 30),
    ("完成时限", 12), ("计算规则", 60),
)
REGISTRY_COLUMNS = (("编号", 8), ("名称", 48), ("计入日期", 12))
VALUE_COLUMNS = (("数值", 12), ("数据截至日期", 12), ("说明", 40), ("报送人", 14), ("确认人", 14), ("确认时间", 18))


def rounded(value: Decimal | float | None, places: int = 2) -> float | None:
    """A figure's number for a cell, as the page shows it (at most `places` decimals)."""
    return None if value is None else round(float(value), places)


def figure_cells(block: TaskBlock, figure: Figure, part: bool = False) -> list:
    """One line of 指标总览: the task, its target, then the figure (a part repeats its parent's task and target)."""
    task, kpi = block.task, figure.kpi
    is_parent = not part and figure.kpi.pk in block.parts
    return [
        task.number, task.focus.name if task.focus else "", task.target.text if task.target else "", kpi.text,
        kpi.split_label, kpi.get_kind_display(), rounded(figure.goal), rounded(figure.actual),
        "项达标" if is_parent else kpi.unit, rounded(figure.percent, 1),
        rounded(figure.expected, 0 if is_whole(figure) else 2),
        LIGHT_LABELS[figure.light], figure.reason, figure.note, due_of(kpi).isoformat(), rule_text(kpi),
    ]


def overview_rows(blocks: list[TaskBlock]) -> list[list]:
    """Every line the overview shows, in its order: each task's figures, a split parent followed by its parts."""
    rows = []
    for block in blocks:
        for figure in block.figures:
            rows.append(figure_cells(block, figure))
            rows.extend(figure_cells(block, part, part=True) for part in block.parts.get(figure.kpi.pk, []))
    return rows


def overview_workbook(blocks: list[TaskBlock], title: str) -> bytes:
    return list_workbook(sheet_title="指标总览", title=title, columns=OVERVIEW_COLUMNS, rows=overview_rows(blocks),
                         freeze="E3")


def rows_kind(kpi: Kpi) -> str:
    """What the rows behind a figure are: "value" (reported values), "registry" (registry rows) or "project"."""
    if kpi.kind in (Kind.REPORTED, Kind.MILESTONE):
        return "value"
    return "registry" if kpi.kind == Kind.REGISTRY_COUNT else "project"


def project_columns(kpi: Kpi) -> tuple:
    return (("编号", 8), ("项目名称", 36), ("产业链", 12), ("阶段", 9), ("状态", 8), ("计划总投资(万元)", 14),
            (f"{CountStage(kpi.stage).label}日期", 12), ("招引渠道", 10), ("渠道说明", 14), ("牵头单位", 18))


def _project_cells(project) -> list:
    return [project.pk, project.name, project.chain.name if project.chain else "", project.get_stage_display(),
            project.get_state_display(), float(project.amount_wan), project.counted_on, project.get_channel_display(),
            project.channel_detail, project.lead_unit.display_name]


def _value_cells(row) -> list:
    reviewed_at = timezone.localtime(row.reviewed_at).replace(tzinfo=None) if row.reviewed_at else None
    return [float(row.value), row.as_of, row.note, row.entered_by.display_name,
            row.reviewed_by.display_name if row.reviewed_by else "", reviewed_at]


def rows_workbook(kpi: Kpi, rows, as_of: datetime.date) -> bytes:
    """Every row behind the figure that the caller may list, with the day that places it in the figure."""
    kind = rows_kind(kpi)
    if kind == "project":
        columns, cells = project_columns(kpi), [_project_cells(p) for p in rows]
    elif kind == "registry":
        columns, cells = REGISTRY_COLUMNS, [[row.pk, str(row), row.counted_on] for row in rows]
    else:
        columns, cells = VALUE_COLUMNS, [_value_cells(row) for row in rows]
    title = f"{kpi}（截至{as_of.year}年{as_of.month}月{as_of.day}日，共{len(cells)}条）"
    return list_workbook(sheet_title="指标明细", title=title[:200], columns=columns, rows=cells, freeze="B3")
