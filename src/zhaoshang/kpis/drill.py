"""The rows behind a figure of the dashboard or the chain board (kpis:drill), and their Excel export.

A drill-down is described by the query string its figure carries (dashboard.py), always with year and as_of:
- kind=projects (default): stage (default signed), optional month (1-12), chain and link (an id or "none"): the
  projects `reached_projects` counts, the very rows the figure was aggregated from;
- kind=kpis: the plan's top-level indicators (a split target once) as of the date; optional focus (an id or
  "none"), light, met=1;
- kind=lights: the assignments of a unit (unit=id) as of the date, optionally of one light."""

import calendar
import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, QuerySet, Sum

from zhaoshang.accounts.models import Unit
from zhaoshang.core.query_params import query_id, query_int
from zhaoshang.core.xlsx import Progress, list_workbook
from zhaoshang.kpis.choices import CountStage
from zhaoshang.kpis.dashboard import NONE, STAGES, BoardParams, board_params, reached_projects, top_figures
from zhaoshang.kpis.errors import KpiError
from zhaoshang.kpis.rules import Window, rule_text
from zhaoshang.plans.models import Chain, ChainLink, Focus
from zhaoshang.projects.exports import pipeline_workbook
from zhaoshang.supervision.lights import LIGHT_LABELS, Light
from zhaoshang.supervision.selectors.status import statuses_as_of
from zhaoshang.supervision.selectors.work import supervised_assignments

KINDS = ("projects", "kpis", "lights")
LIGHTS = {light.value for light in Light}


@dataclass
class Drill:
    """What a figure is made of: its rows, how many, and (projects) their planned investment in 万元."""

    kind: str
    title: str
    rows: QuerySet | list
    count: int
    amount_wan: Decimal | None = None


def drill_for(params: BoardParams, query) -> Drill:
    """The drill-down a query string describes; KpiError (shown as 400) for values that make no sense."""
    kind = query.get("kind") or "projects"
    if kind not in KINDS:
        raise KpiError("明细类型不正确")
    return {"projects": _projects, "kpis": _kpis, "lights": _lights}[kind](params, query)


def _id(query, name: str, none_allowed: bool = True) -> int | str | None:
    value = query.get(name) or ""
    if not value or (none_allowed and value == NONE):
        return value or None
    return query_id(query, name)


def _light(query) -> str:
    light = query.get("light") or ""
    if light and light not in LIGHTS:
        raise KpiError("灯色不正确")
    return light


def _window(params: BoardParams, query) -> tuple[Window, str]:
    """The year's window as of the date, or one month's (?month=); with its words."""
    month = query_int(query, "month", label="月份", low=1, high=12)
    if month is None:
        return params.window, f"{params.year}年"
    first = datetime.date(params.year, month, 1)
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    return Window(first, min(last, params.as_of)), f"{params.year}年{month}月"


def _projects(params: BoardParams, query) -> Drill:
    stage = query.get("stage") or CountStage.SIGNED
    if stage not in STAGES:
        raise KpiError("阶段不正确")
    window, period = _window(params, query)
    rows = reached_projects(user=params.user, stage=stage, window=window, as_of=params.as_of)
    title = [f"{period}{CountStage(stage).label}的项目"]
    chain, link = _id(query, "chain"), _id(query, "link")
    if chain == NONE:
        rows, title = rows.filter(chain__isnull=True), title + ["未关联产业链"]
    elif chain:
        rows, title = rows.filter(chain_id=chain), title + [f"{_name(Chain.all_objects, chain)}产业链"]
    if link == NONE:
        rows, title = rows.filter(chain_link__isnull=True), title + ["未标注环节"]
    elif link:
        rows, title = rows.filter(chain_link_id=link), title + [f"{_name(ChainLink.objects, link)}环节"]
    totals = rows.aggregate(n=Count("pk"), amount=Sum("amount_wan"))
    rows = rows.select_related("chain", "chain_link", "lead_unit").order_by("-amount_wan", "id")
    return Drill("projects", " · ".join(title), rows, totals["n"], totals["amount"] or Decimal(0))


def _name(manager, pk: int) -> str:
    row = manager.filter(pk=pk).values_list("name", flat=True).first()
    if row is None:
        raise KpiError("参数不正确")
    return row


def _kpis(params: BoardParams, query) -> Drill:
    """Rows are (figure, is split) pairs, as on the dashboard."""
    rows = top_figures(params)
    title = ["目标指标"]
    focus, light = _id(query, "focus"), _light(query)
    if focus == NONE:
        rows, title = [r for r in rows if r[0].kpi.target.focus_id is None], title + ["未分组"]
    elif focus:
        rows = [r for r in rows if r[0].kpi.target.focus_id == focus]
        title.append(f"工作重点“{_name(Focus.objects, focus)}”")
    if light:
        rows, title = [r for r in rows if r[0].light == light], title + [LIGHT_LABELS[Light(light)]]
    if query.get("met") == "1":
        rows, title = [r for r in rows if r[0].met], title + ["已达标"]
    return Drill("kpis", " · ".join(title), rows, len(rows))


def _lights(params: BoardParams, query) -> Drill:
    unit, light = _id(query, "unit", none_allowed=False), _light(query)
    if not unit:
        raise KpiError("请指定责任单位")
    assignments = supervised_assignments(user=params.user, plan=params.plan, unit_id=unit) if params.plan else []
    statuses = [s for s in statuses_as_of(assignments, params.as_of).values() if not light or s.light == light]
    statuses.sort(key=lambda s: (s.assignment.measure.task.sort_key, s.assignment.measure.ordinal, s.assignment.pk))
    unit_name = Unit.objects.filter(pk=unit).first()
    title = [f"{unit_name.display_name if unit_name else '责任单位'}的责任分工"] + ([LIGHT_LABELS[Light(light)]] if light else [])
    return Drill("lights", " · ".join(title), statuses, len(statuses))


# --- Excel ----------------------------------------------------------------------------------------------------

KPI_COLUMNS = [("指标", 50), ("分项", 12), ("计算口径", 50), ("目标值", 10), ("计量单位", 8), ("完成值", 12), ("完成率", 10),
               ("灯色", 8), ("说明", 30)]
LIGHT_COLUMNS = [("任务", 8), ("举措", 60), ("责任单位", 20), ("分工", 8), ("灯色", 8), ("说明", 30), ("最近报送进度", 12)]


def drill_file(*, user, params, progress: Progress | None = None) -> tuple[bytes, str]:
    """The drill-down asked by `params` (the page's query string) as a workbook, and its file name: what its export
    link downloads, or an export job writes (exports.jobs)."""
    board = board_params(user=user, params=params)
    return drill_workbook(drill_for(board, params), board, progress), f"明细-{board.as_of:%Y%m%d}.xlsx"


def drill_workbook(drill: Drill, params: BoardParams, progress: Progress | None = None) -> bytes:
    """The rows of a drill-down as Excel: projects in the project list's columns, indicators and assignments in theirs."""
    title = f"{drill.title}（截至{params.as_of:%Y-%m-%d}，共{drill.count}条）"
    if drill.kind == "projects":
        return pipeline_workbook(drill.rows, params.user, title, progress)
    if drill.kind == "kpis":
        rows = [[f.kpi.text, f.note if is_split else f.kpi.split_label, rule_text(f.kpi), float(f.goal),
                 "项" if is_split else f.kpi.unit, None if f.actual is None else float(f.actual),
                 None if f.percent is None else round(f.percent, 1), LIGHT_LABELS[f.light], f.reason]
                for f, is_split in drill.rows]
        return list_workbook(sheet_title="目标指标", title=title, columns=KPI_COLUMNS, rows=rows, wrap=True)
    rows = [[f"任务{s.assignment.measure.task.number}", f"{s.assignment.measure.ordinal}. {s.assignment.measure.text}",
             s.assignment.unit.display_name, "牵头" if s.assignment.is_lead else "配合", LIGHT_LABELS[s.light], s.result.reason,
             None if s.latest is None or s.latest.percent is None else s.latest.percent] for s in drill.rows]
    return list_workbook(sheet_title="责任分工", title=title, columns=LIGHT_COLUMNS, rows=rows, wrap=True)
