"""Every indicator's figure as of a date, computed in the database: a constant number of aggregate queries.

Project indicators are grouped by (stage, year), and each group's by how its projects are read:
- an indicator filtering on a chain or a channel, where an index is led by that column and the stage's date (the
  projects' index list says which), reads only the projects of the values it names: one query per column, grouped
  by it, each indicator adding up the groups of its values (the 17 per-chain parts of Qianjiang's list share one);
- the others share one scan of the year's projects from the stage's covering index, one conditional COUNT or SUM
  each (tags read from the project's tag bits).
Each such query is a UNION ALL over the projects holding the stage and the few others that held it on the day and
moved back later (stage retreats, read by id). Registry indicators (kpis/registries.py: rows new in the year or in
place on the day, under a filter) take one query per table their sources count, a conditional COUNT or SUM each, and
one more for the table's recurring indicators (a UNION ALL of each one's rows per day); reported values and
milestones take the latest confirmed value by that date. A per-chain or per-item parent shows how many of its parts
met their goal. Each query's SQL is built once per process for the same indicators and day (_rows): the rows are read
every time. bench/kpi.py times it at 10k-1M projects against the least SQL giving the same figures."""

import datetime
import functools
import operator
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Callable

from django.core.exceptions import EmptyResultSet
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Count, Q, QuerySet, Sum, Value
from django.db.models.sql.compiler import SQLCompiler
from django.utils import timezone

from zhaoshang.core.formatting import format_wan, format_whole
from zhaoshang.kpis.choices import AMOUNT_KINDS, GROWTH_KINDS, PROJECT_KINDS, Kind, ValueStatus
from zhaoshang.kpis.lights import KpiLightInput, goal_met, kpi_light
from zhaoshang.kpis.models import Kpi, KpiValue
from zhaoshang.kpis.errors import KpiError
from zhaoshang.kpis.periods import PeriodFigure, period_figure
from zhaoshang.kpis.registries import counted_parts, is_source, row_day, source_of
from zhaoshang.kpis.rules import SEEK_COLUMNS, Rule, Window, alive_on, reached_q, retreat_q, stage_field
from zhaoshang.plans.choices import Comparator
from zhaoshang.projects.models import LIVE, Project, StageRetreat
from zhaoshang.supervision.cycles import plan_start
from zhaoshang.supervision.lights import Light, expected_progress, worst
from zhaoshang.supervision.settings import light_thresholds

WAN_PER_YI = Decimal(10000)
HUNDRED = Decimal(100)


@dataclass
class Figure:
    """One indicator's figure: goal, actual and expected in the indicator's unit (growth in %), light and why.

    A split parent's goal is its number of parts and its actual the parts that met their goal."""

    kpi: Kpi
    goal: Decimal
    actual: Decimal | None
    expected: Decimal | None
    percent: float | None
    light: Light
    reason: str
    rows: int | None  # how many rows make the figure (projects, registry rows); None for values and parents
    note: str = ""
    met: bool = False


def plan_kpis(plan_id: int):
    """The plan's live indicators with what their rules read, parents before children."""
    return (Kpi.objects.filter(plan_id=plan_id).select_related("plan", "target", "parent", "reporting_unit", "measure")
            .prefetch_related("chains", "tags").order_by("target__order", "order", "id"))


def due_of(kpi: Kpi) -> datetime.date:
    return kpi.due_on or datetime.date(kpi.year, 12, 31)


def figures_for(kpis: list[Kpi], as_of: datetime.date) -> dict[int, Figure]:
    """Figures of `kpis` (with chains and tags prefetched) as of `as_of`, by indicator id."""
    children = defaultdict(list)
    for kpi in kpis:
        if kpi.parent_id:
            children[kpi.parent_id].append(kpi)
    leaves = [kpi for kpi in kpis if kpi.pk not in children]
    raw: dict[int, Decimal | None] = {}
    raw.update(_project_raw([k for k in leaves if k.kind in PROJECT_KINDS], as_of))
    raw.update(_registry_raw([k for k in leaves if k.kind == Kind.REGISTRY_COUNT], as_of))
    values = _latest_values([k for k in leaves if k.kind in (Kind.REPORTED, Kind.MILESTONE)], as_of)
    result = {kpi.pk: _figure(kpi, raw, values, as_of) for kpi in leaves}
    for kpi in kpis:
        if kpi.pk in children:
            result[kpi.pk] = _parent_figure(kpi, [result[child.pk] for child in children[kpi.pk]])
    return result


def _measure(is_sum: bool, rule: Rule):
    """COUNT, or SUM of the amount, over the projects matching `rule`."""
    condition = rule.q()
    if is_sum:
        return Sum("amount_wan", filter=condition) if condition else Sum("amount_wan")
    return Count("pk", filter=condition) if condition else Count("pk")


def _project_raw(kpis: list[Kpi], as_of: datetime.date) -> dict[int, Decimal]:
    groups = defaultdict(list)
    for kpi in kpis:
        groups[(kpi.stage, kpi.year)].append(kpi)
    raw = {}
    for (stage, year), members in groups.items():
        window = Window.of(year, as_of)
        if window.empty:
            raw.update({kpi.pk: Decimal(0) for kpi in members})
            continue
        by_column = defaultdict(list)
        for kpi in members:
            rule = Rule.of(kpi)
            by_column[_seek_column(rule, stage)].append((kpi, rule))
        for column, sharing in by_column.items():
            raw.update(_counted(stage, window, as_of, column, sharing))
    return raw


@functools.cache
def _seek_columns(stage: str) -> tuple[str, ...]:
    """The filter columns with an index (of the live projects) led by them and then the stage's date."""
    field = stage_field(stage)
    led = {index.fields[0] for index in Project._meta.indexes if index.condition == LIVE and index.fields[1:2] == [field]}
    return tuple(column for column in SEEK_COLUMNS if column in led)


def _seek_column(rule: Rule, stage: str) -> str | None:
    """The column the indicator's projects are read by from its own index, if it filters on one that has one."""
    return next((column for column in _seek_columns(stage) if rule.values_of(column)), None)


def _counted(stage: str, window: Window, as_of: datetime.date, column: str | None,
             kpis: list[tuple[Kpi, Rule]]) -> dict[int, Decimal]:
    """The indicators' counts or sums in one query (_projects_counted). With a `column`, each indicator adds up the
    groups of the values it names."""
    # the same rule but for the column (the parts of one split target) is one measure
    measures = tuple(dict.fromkeys(_measure_key(kpi, rule, column) for kpi, rule in kpis))
    values = tuple(sorted({value for _, rule in kpis for value in rule.values_of(column)})) if column else ()
    rows = _rows(_Query(("projects", stage, window, as_of, column, values, measures),
                        lambda: _projects_counted(stage, window, as_of, column, values, measures)))
    result = {}
    for kpi, rule in kpis:
        n, wanted = measures.index(_measure_key(kpi, rule, column)) + 1, set(rule.values_of(column))
        result[kpi.pk] = sum((Decimal(row[n] or 0) for row in rows if not column or row[0] in wanted), Decimal(0))
    return result


def _projects_counted(stage: str, window: Window, as_of: datetime.date, column: str | None, values: tuple,
                      measures: tuple[tuple[bool, Rule], ...]):
    """A UNION ALL over the projects holding the stage now and the others that held it on `as_of` and moved back later
    (few: by id) of one conditional aggregate per measure; with a `column`, over the projects with those `values` of
    it only, grouped by it."""
    reached = reached_q(stage, window)
    retreated = StageRetreat.objects.filter(retreat_q(stage, window, as_of)).values("project_id")
    bases = (Project.objects.filter(reached & alive_on(as_of)),
             Project.objects.filter(Q(pk__in=retreated) & ~reached & alive_on(as_of)))
    annotations = {f"m{n}": _measure(*key) for n, key in enumerate(measures)}
    if column:
        parts = [base.filter(**{f"{column}__in": values}).order_by().values(column) for base in bases]
    else:
        parts = [base.order_by().values(whole=Value(0)) for base in bases]
    parts = [part.annotate(**annotations).values_list(column or "whole", *annotations) for part in parts]
    return parts[0].union(*parts[1:], all=True)


def _measure_key(kpi: Kpi, rule: Rule, column: str | None) -> tuple[bool, Rule]:
    """What the indicator's measure is (a sum or a count, and the rule but for the column the query selects by)."""
    return kpi.kind in AMOUNT_KINDS, rule.without(column) if column else rule


@dataclass(frozen=True)
class _Query:
    """A query of the figures: a key naming everything its SQL depends on, and how to build it."""

    key: tuple
    build: Callable[[], QuerySet] = field(compare=False)


@functools.lru_cache(maxsize=512)
def _compiled(query: _Query, db, zone: str) -> tuple[SQLCompiler, tuple[str, tuple] | None]:
    """The query's compiler and SQL (None when it can match nothing), per connection and time zone."""
    compiler = query.build().query.get_compiler(connection=db)
    try:
        return compiler, compiler.as_sql()
    except EmptyResultSet:
        return compiler, None


def _rows(query: _Query) -> list[tuple]:
    """The query's rows, converted as Django converts them. Its SQL is built once per process for the key: at 10k
    projects Django takes longer to build and compile the plan's queries than SQLite takes to run them (bench/kpi.py),
    and a page asks for the same day's figures again and again."""
    db = connections[DEFAULT_DB_ALIAS]
    compiler, sql = _compiled(query, db, timezone.get_current_timezone_name())
    if sql is None:
        return []
    with db.cursor() as cursor:
        cursor.execute(*sql)
        return list(compiler.results_iter([cursor.fetchall()], tuple_expected=True))


def _registry_raw(kpis: list[Kpi], as_of: datetime.date) -> dict[int, Decimal | dict | None]:
    """Registry indicators, one query per table their sources count (meetings of two kinds share one) and one more for
    its recurring indicators (their rows per day of the year up to the day). None (no figure) for an indicator whose
    source or filter is no longer valid, 0 for one whose year has not begun."""
    raw, tables = {}, defaultdict(list)
    for kpi in kpis:
        window = Window.of(kpi.year, as_of)
        if not is_source(kpi.registry):
            raw[kpi.pk] = None
        elif window.empty:
            raw[kpi.pk] = {} if kpi.period else Decimal(0)
        else:
            try:
                when, which = counted_parts(kpi.registry, kpi.registry_mode, kpi.registry_filter, window.start, window.end)
            except KpiError:  # a filter the registry no longer declares: no figure, rather than a wrong one
                raw[kpi.pk] = None
            else:
                model, rows = source_of(kpi.registry)
                tables[(model, bool(kpi.period))].append((kpi, when, rows & which))
    for (model, recurring), members in tables.items():
        raw.update(_by_day(model, members) if recurring else _table_raw(model, members))
    return raw


def _table_raw(model, members: list[tuple[Kpi, Q, Q]]) -> dict[int, Decimal]:
    """[(indicator, its days, which rows)] over one table in one query: a conditional COUNT (or SUM of a column) each
    over the rows any of them counts, the days they share tested once."""
    shared = members[0][1] if all(when == members[0][1] for _, when, _ in members) else Q()
    measures = tuple((which if shared else when & which, kpi.registry_sum) for kpi, when, which in members)
    rows = _rows(_Query(("registry", model, shared, measures), lambda: _table_counted(model, shared, measures)))
    return {kpi.pk: Decimal(number or 0) for (kpi, _, _), number in zip(members, rows[0])}


def _table_counted(model, shared: Q, measures: tuple[tuple[Q, str], ...]):
    """The query of _table_raw: one row, a COUNT or SUM(column) per (condition, column)."""
    rows = model.objects.filter(shared).order_by()
    if all(q for q, _ in measures):  # else one of them counts every row of the shared days
        rows = rows.filter(functools.reduce(operator.or_, (q for q, _ in measures)))
    aggregates = {f"k{n}": Sum(summed, filter=q or None) if summed else Count("pk", filter=q or None)
                  for n, (q, summed) in enumerate(measures)}
    return rows.values(whole=Value(0)).annotate(**aggregates).values_list(*aggregates)


def _by_day(model, members: list[tuple[Kpi, Q, Q]]) -> dict[int, dict]:
    """Recurring indicators over one table in one query: a UNION ALL of one part per indicator, its rows (or summed
    column) per day (at most 366 rows), so that each reads its own rows from the index that has them (an event's kind
    and day)."""
    parts = tuple((when & which, kpi.registry_sum, row_day(kpi.registry)) for kpi, when, which in members)
    by_day = {kpi.pk: {} for kpi, _, _ in members}
    for part, day, number in _rows(_Query(("by day", model, parts), lambda: _days_counted(model, parts))):
        if number:
            by_day[members[part][0].pk][_local_day(day)] = Decimal(number)
    return by_day


def _days_counted(model, parts: tuple[tuple[Q, str, object], ...]):
    """The query of _by_day: (part, day, rows or sum) for each (condition, column, day expression)."""
    queries = [model.objects.filter(q).order_by().annotate(part=Value(n), day=day).values("part", "day")
               .annotate(number=Sum(summed) if summed else Count("pk")).values_list("part", "day", "number")
               for n, (q, summed, day) in enumerate(parts)]
    return queries[0].union(*queries[1:], all=True)


def _local_day(day) -> datetime.date:
    return day.date() if isinstance(day, datetime.datetime) else day


def _latest_values(kpis: list[Kpi], as_of: datetime.date) -> dict[int, tuple[Decimal, datetime.date]]:
    """The latest confirmed value by `as_of` of each indicator that has one: (value, its day)."""
    if not kpis:
        return {}
    ids = tuple(sorted(kpi.pk for kpi in kpis))
    rows = _rows(_Query(("values", ids, as_of), lambda: KpiValue.objects.filter(
        kpi_id__in=ids, status=ValueStatus.CONFIRMED, as_of__lte=as_of).order_by("kpi", "-as_of", "-id")
        .values_list("kpi_id", "value", "as_of")))
    latest = {}
    for kpi_id, value, day in rows:
        latest.setdefault(kpi_id, (value, day))
    return latest


def _figure(kpi: Kpi, raw: dict, values: dict, as_of: datetime.date) -> Figure:
    expected_pct = expected_progress(plan_start(kpi.plan), due_of(kpi), as_of)
    rows, note, missing = None, "", ""
    if kpi.kind in PROJECT_KINDS or kpi.kind == Kind.REGISTRY_COUNT:
        actual = raw.get(kpi.pk)
        rows = None if actual is None or kpi.kind in AMOUNT_KINDS or kpi.registry_sum or kpi.period else int(actual)
        missing = ("登记来源未设置" if not kpi.registry else "登记来源或筛选条件无效") if actual is None else ""
    else:
        actual, day = values.get(kpi.pk, (None, None))
        missing = "" if actual is not None else ("尚无确认的报送值" if kpi.kind == Kind.REPORTED else "")
        if kpi.kind == Kind.MILESTONE:
            note = f"{day:%Y-%m-%d}完成" if actual is not None and actual >= 1 else "未完成"
            actual = actual or Decimal(0)
    if kpi.period and kpi.kind == Kind.REGISTRY_COUNT and actual is not None:
        return _recurring_figure(kpi, actual, as_of)
    if kpi.kind in GROWTH_KINDS:
        actual, expected, note, missing = _growth(kpi, actual, as_of)
    elif kpi.kind in AMOUNT_KINDS:
        actual = _in_unit(actual, kpi.unit)
        expected = None if expected_pct is None else kpi.goal * Decimal(expected_pct) / HUNDRED
    else:
        expected = None if expected_pct is None or kpi.kind == Kind.MILESTONE else kpi.goal * Decimal(expected_pct) / HUNDRED
    percent = None if actual is None or not kpi.goal else float(actual / kpi.goal * HUNDRED)
    expected_share = 100.0 if kpi.kind in GROWTH_KINDS else expected_pct
    at_most = kpi.comparator == Comparator.AT_MOST
    met = not missing and goal_met(actual, kpi.goal, at_most)
    light, reason = kpi_light(KpiLightInput(as_of=as_of, due=due_of(kpi), met=met, percent=percent, expected=expected_share,
                                            is_milestone=kpi.kind == Kind.MILESTONE, at_most=at_most, missing=missing),
                              light_thresholds())
    return Figure(kpi, kpi.goal, actual, expected, percent, light, reason, rows, note, met)


def _recurring_figure(kpi: Kpi, by_day: dict, as_of: datetime.date) -> Figure:
    """A per-period indicator: the periods' rows, each capped at the per-period goal, against the year's goal; the
    goal of the periods over is its 序时进度, and the periods missed are named."""
    starts = max(plan_start(kpi.plan), datetime.date(kpi.year, 1, 1))
    found: PeriodFigure = period_figure(kpi.period, kpi.goal, kpi.year, by_day, starts=starts, as_of=as_of)
    percent = float(found.actual / found.goal * HUNDRED) if found.goal else None
    expected_share = float(found.expected / found.goal * HUNDRED) if found.goal else None
    met = goal_met(found.actual, found.goal, False)
    light, reason = kpi_light(KpiLightInput(as_of=as_of, due=due_of(kpi), met=met, percent=percent, expected=expected_share,
                                            is_milestone=False, at_most=False, missing=""), light_thresholds())
    if found.missed and light == Light.GREEN:
        light = Light.YELLOW
    if found.missed:
        reason = f"{reason}；{len(found.missed)}期未达到" if reason else f"{len(found.missed)}期未达到"
    return Figure(kpi, found.goal, found.actual, found.expected, percent, light, reason, int(found.total), found.note, met)


def _in_unit(amount_wan: Decimal | None, unit: str) -> Decimal | None:
    if amount_wan is None:
        return None
    return amount_wan / WAN_PER_YI if unit == "亿元" else amount_wan


def _growth(kpi: Kpi, current: Decimal | None, as_of: datetime.date):
    """Growth to date in percent: this year's figure over last year's baseline pro-rated by the days elapsed."""
    window = Window.of(kpi.year, as_of)
    shown = format_wan(current or 0) if kpi.kind in AMOUNT_KINDS else f"{current or 0:.0f}个"
    if kpi.baseline is None:
        return None, kpi.goal, f"本年至今{shown}", "未录入上年基数"
    if not kpi.baseline:
        return None, kpi.goal, f"本年至今{shown}", "上年基数为0，无法计算增长率"
    if window.empty:
        return None, kpi.goal, "", "统计年度尚未开始"
    days = (datetime.date(kpi.year, 12, 31) - window.start).days + 1
    share = Decimal((window.end - window.start).days + 1) / Decimal(days)
    prorated = kpi.baseline * share
    growth = ((current or 0) / prorated - 1) * HUNDRED
    if kpi.kind in AMOUNT_KINDS:
        base, base_prorated = format_wan(kpi.baseline), format_wan(prorated)
    else:
        base, base_prorated = f"{format_whole(kpi.baseline)}个", f"{format_whole(prorated)}个"
    note = f"本年至今{shown}，上年基数{base}按序时折算为{base_prorated}"
    return growth.quantize(Decimal("0.01")), kpi.goal, note, ""


def _parent_figure(kpi: Kpi, children: list[Figure]) -> Figure:
    """A split target: how many parts met their goal; its light is the worst of theirs."""
    met, total = sum(1 for child in children if child.met), len(children)
    light = worst(child.light for child in children)
    reason = f"{met}/{total}项达标"
    if not light == Light.GREEN:
        reason += "，最差：" + next(child.reason for child in children if child.light == light)
    return Figure(kpi, Decimal(total), Decimal(met), None, met / total * 100 if total else None, light, reason, None,
                  f"分项{total}个", met == total)
