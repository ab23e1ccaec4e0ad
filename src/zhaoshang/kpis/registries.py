"""The registries and event lists an indicator of kind "registry_count" can count, by key.

Two kinds of source:
- the platform's own event lists (REGISTRIES below: meetings held, needs raised or settled), counted by the date
  that places a row in the indicator's year, up to the as-of day;
- every registry of the kit (`registries.catalog`: parks, plots, funds, events …), counted either as 新增 (rows whose
  `since` falls in the indicator's year up to the as-of day) or as 存量 (rows in place on the day: begun by then or
  undated, not ended by then; the day is the as-of day, or 31 December once the year is over), under a filter on
  the registry's declared filter columns (`Kpi.registry_filter`, read as the registry's list reads its query string:
  {"level": "national"}, {"area_mu_min": "100"}). Soft-deleted rows never count.
The catalog imports the apps' models, so it is read lazily (choices included)."""

import datetime
import functools
from collections.abc import Mapping
from dataclasses import dataclass

import django_filters
from django.db.models import F, Model, Q, QuerySet
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.choices import CallableChoiceIterator

from zhaoshang.kpis.choices import RegistryMode
from zhaoshang.kpis.errors import KpiError
from zhaoshang.meetings.choices import MeetingKind, MeetingStatus
from zhaoshang.meetings.models import Meeting
from zhaoshang.needs.choices import NeedStatus
from zhaoshang.needs.models import Need

NOT_FILTERABLE = ("as_of", "owner_unit")  # the kit list's own filters that are not the registry's columns


@dataclass(frozen=True)
class Registry:
    label: str  # what one row is, for the rule in words: "已召开的单周会商研判会议"
    model: type[Model]
    where: Q  # the live rows of the model that are the list's: meetings of a kind held, needs settled
    date_field: str
    is_datetime: bool = False


REGISTRIES: dict[str, Registry] = {
    "meetings_review": Registry("已召开的单周会商研判会议", Meeting, Q(kind=MeetingKind.REVIEW, status=MeetingStatus.HELD),
                                "date"),
    "meetings_dispatch": Registry("已召开的双周现场调度会议", Meeting,
                                  Q(kind=MeetingKind.DISPATCH, status=MeetingStatus.HELD), "date"),
    "meetings_held": Registry("已召开的项目会议", Meeting, Q(status=MeetingStatus.HELD), "date"),
    "needs_raised": Registry("受理的企业诉求", Need, Q(), "raised_at", is_datetime=True),
    "needs_settled": Registry("办结的企业诉求", Need, Q(status=NeedStatus.SETTLED), "settled_at", is_datetime=True),
}


def kit_registry(key: str):
    """The kit's registry of `key` (registries.kit.Registry), None for an event list or an unknown key."""
    from zhaoshang.registries.catalog import all_registries

    return None if key in REGISTRIES else all_registries().get(key)


def registry_choices() -> list[tuple[str, str]]:
    """Every countable source: the event lists, then the kit's registries in menu order."""
    from zhaoshang.registries.catalog import all_registries

    kit = [(key, registry.name) for key, registry in all_registries().items() if key not in REGISTRIES]
    return [(key, registry.label) for key, registry in REGISTRIES.items()] + kit


REGISTRY_CHOICES = CallableChoiceIterator(registry_choices)  # lazy: read when a form or a check iterates it


def is_source(key: str) -> bool:
    return key in REGISTRIES or kit_registry(key) is not None


def source_label(key: str) -> str:
    """What one row of the source is, in words: "已召开的单周会商研判会议", "园区"."""
    if key in REGISTRIES:
        return REGISTRIES[key].label
    registry = kit_registry(key)
    return registry.name if registry else ""


def _bound(day: datetime.date, is_datetime: bool, end: bool):
    """A day as the lookup value: the date itself, or local midnight (Asia/Shanghai) starting the next/this day."""
    if not is_datetime:
        return day
    moment = datetime.datetime.combine(day + datetime.timedelta(days=1) if end else day, datetime.time())
    return timezone.make_aware(moment)


def _dated_q(field: str, is_datetime: bool, start: datetime.date, end: datetime.date) -> Q:
    """Rows whose `field` falls from `start` to `end` inclusive, days in Asia/Shanghai time."""
    if is_datetime:
        return Q(**{f"{field}__gte": _bound(start, True, False), f"{field}__lt": _bound(end, True, True)})
    return Q(**{f"{field}__gte": start, f"{field}__lte": end})


def source_of(key: str) -> tuple[type[Model], Q]:
    """The model a source counts and which of its live rows are the source's (an event list's; all for a kit registry)."""
    if key in REGISTRIES:
        return REGISTRIES[key].model, REGISTRIES[key].where
    return kit_registry(key).model, Q()


def source_rows(key: str) -> QuerySet:
    """Every live row a source can count, before the indicator's dates and filter."""
    model, where = source_of(key)
    return model.objects.filter(where)


def row_day(key: str):
    """The expression of the day a listed row shows: an event's date (in Beijing time), a registry row's `since`."""
    registry = REGISTRIES.get(key)
    if registry is None:
        return F("since")
    return TruncDate(registry.date_field) if registry.is_datetime else F(registry.date_field)


# --- the filter on a kit registry's columns ------------------------------------------------------------------

@functools.cache
def _filterset(key: str):
    from zhaoshang.registries.filters import filterset_class

    return filterset_class(kit_registry(key))


def filter_columns(key: str) -> dict:
    """The filters an indicator may set on kit registry `key`, by name (the registry list's own, but the day and the
    unit): a choice, text, yes/no or linked row by the column's name; numbers as name_min/name_max, dates as
    name_from/name_to."""
    return {name: flt for name, flt in _filterset(key).base_filters.items() if name not in NOT_FILTERABLE}


def _choices(flt) -> list[tuple[str, str]]:
    return [(str(value), str(label)) for value, label in flt.extra.get("choices") or ()]


def _columns_words(columns: dict) -> str:
    return "、".join(f"{flt.label}（{name}）" for name, flt in columns.items()) or "无"


def _bound_filterset(key: str, stored: Mapping):
    """The registry list's filter over `stored`, checked: KpiError naming the column for a value that does not parse."""
    filterset = _filterset(key)(dict(stored), queryset=kit_registry(key).model.objects.none())
    if not filterset.form.is_valid():
        name, errors = next(iter(filterset.form.errors.items()))
        raise KpiError(f"筛选条件“{filterset.filters[name].label}”：{errors[0]}")
    return filterset


YES_NO = {"是": "true", "否": "false", "true": "true", "false": "false", "1": "true", "0": "false"}


def _related(registry, name: str):
    """The model a filter column links to (a park, a chain, an enterprise …), None for other columns."""
    if name not in registry.filters or not registry.field(name).is_relation:
        return None
    return registry.field(name).related_model


def _related_id(registry, name: str, text: str) -> str:
    """A linked row named by its name (the one live row of that name), as its id."""
    model = _related(registry, name)
    names = {f.name for f in model._meta.fields}
    found = list(model._default_manager.filter(name=text).values_list("pk", flat=True)[:2]) if "name" in names else []
    if len(found) != 1:
        problem = "有重名，请填写编号" if found else "未找到"
        raise KpiError(f"筛选条件“{registry.label(name)}”：“{text}”{problem}")
    return str(found[0])


def registry_filter_clean(key: str, raw: Mapping) -> dict[str, str]:
    """The filter as stored, {filter name: value as text}, checked against the registry's declared filter columns.
    Names and choices may be given by their Chinese labels ("级别": "国家级" → "level": "national"); a column the
    registry does not filter on, or a value that is not one of its choices or does not parse, is a KpiError in Chinese."""
    if not raw:
        return {}
    registry = kit_registry(key)
    if registry is None:
        raise KpiError(f"“{source_label(key) or key}”不能设置筛选条件")
    columns = filter_columns(key)
    by_label = {str(flt.label): name for name, flt in columns.items()}
    cleaned = {}
    for column, value in raw.items():
        column = str(column).strip()
        name = column if column in columns else by_label.get(column)
        if name is None:
            raise KpiError(f"“{column}”不是{registry.name}可筛选的列，可用：{_columns_words(columns)}")
        text = "" if value is None else str(value).strip()
        if not text:
            raise KpiError(f"筛选条件“{columns[name].label}”未填写值")
        choices, flt = _choices(columns[name]), columns[name]
        if isinstance(flt, django_filters.BooleanFilter):
            text = YES_NO.get(text.lower(), "")
            if not text:
                raise KpiError(f"筛选条件“{flt.label}”的值“{value}”无效，应填“是”或“否”")
        elif _related(registry, name) is not None and not text.isdigit():
            text = _related_id(registry, name, text)
        elif choices:
            by_choice_label = {label: value for value, label in choices}
            text = text if text in dict(choices) else by_choice_label.get(text, "")
            if not text:
                allowed = "、".join(f"{label}（{value}）" for value, label in choices)
                raise KpiError(f"筛选条件“{columns[name].label}”的值“{value}”无效，可选：{allowed}")
        cleaned[name] = text
    _bound_filterset(key, cleaned)
    return cleaned


def registry_rule_clean(key: str, mode: str, raw: Mapping) -> tuple[str, dict[str, str]]:
    """How an indicator counts source `key`, checked: (mode, filter). Event lists count only what is new."""
    if mode not in RegistryMode.values:
        raise KpiError("计数方式不正确")
    if key in REGISTRIES:
        if mode != RegistryMode.NEW:
            raise KpiError(f"“{REGISTRIES[key].label}”只能按新增计数")
        if raw:
            raise KpiError(f"“{REGISTRIES[key].label}”不能设置筛选条件")
        return mode, {}
    if kit_registry(key) is None:
        raise KpiError("请选择登记来源")
    return mode, registry_filter_clean(key, raw)


def filter_q(key: str, stored: Mapping) -> Q:
    """The stored filter as a condition on the registry's rows, built as the list's filters filter (name__lookup).
    Checked again, as the registry's columns may have changed since it was stored: once per process for a filter on
    the registry's own columns (they change with the code only), every time for one naming a linked row (a park),
    which may have gone since."""
    if not stored:
        return Q()
    if kit_registry(key) is None or any(isinstance(filter_columns(key).get(name), django_filters.ModelChoiceFilter)
                                        for name in stored):
        return _built_q(key, stored)
    return _columns_q(key, tuple(sorted(stored.items())))


@functools.lru_cache(maxsize=1024)
def _columns_q(key: str, items: tuple[tuple[str, str], ...]) -> Q:
    return _built_q(key, dict(items))


def _built_q(key: str, stored: Mapping) -> Q:
    stored = registry_filter_clean(key, stored)
    filterset = _bound_filterset(key, stored)
    q = Q()
    for name in stored:
        flt, value = filterset.filters[name], filterset.form.cleaned_data.get(name)
        if value in (None, "", [], ()):
            continue
        q &= Q(**{f"{flt.field_name}__{flt.lookup_expr}": value})
    return q


def filter_words(key: str, stored: Mapping) -> list[str]:
    """The filter in words: "级别：国家级", "规划面积(亩)不低于100"."""
    registry, columns, words = kit_registry(key), filter_columns(key), []
    for name, value in stored.items():
        flt = columns.get(name)
        if flt is None:
            words.append(f"{name}：{value}")
            continue
        shown = dict(_choices(flt)).get(str(value), str(value))
        if name in registry.filters and registry.field(name).is_relation:
            related = registry.field(name).related_model._base_manager.filter(pk=value).first()
            shown = str(related) if related is not None else f"编号{value}"
        elif name in registry.filters and registry.field(name).get_internal_type() == "BooleanField":
            shown = "是" if YES_NO.get(str(value).lower()) == "true" else "否"
        equality = name in registry.filters
        words.append(f"{flt.label}：{shown}" if equality else f"{flt.label}{shown}")
    return words


def filter_lines(key: str, stored: Mapping) -> str:
    """The stored filter as the edit page's text: one "列=值" per line, in Chinese labels where there are some."""
    registry = kit_registry(key)
    columns = filter_columns(key) if registry else {}
    lines = []
    try:
        words = filter_words(key, stored) if registry else []
    except Exception:  # noqa: BLE001 - a filter left behind by a changed registry is shown as stored
        words = []
    for number, (name, value) in enumerate((stored or {}).items()):
        flt = columns.get(name)
        if flt is None or number >= len(words):
            lines.append(f"{name}={value}")
        elif _related(registry, name) is not None:  # by name when the name finds this very row, else by id
            row = _related(registry, name)._base_manager.filter(pk=value).values().first() or {}
            try:
                named = row.get("name") and _related_id(registry, name, row["name"]) == str(value)
            except KpiError:
                named = False
            lines.append(f"{flt.label}={row['name'] if named else value}")
        elif name in registry.filters:  # "级别：国家级" → "级别=国家级"
            lines.append(f"{flt.label}={words[number].removeprefix(f'{flt.label}：')}")
        else:
            lines.append(f"{flt.label}={value}")
    return "\n".join(lines)


def filter_guide() -> list[tuple[str, list[str]]]:
    """For the edit page: each kit registry with the columns an indicator may filter it on (and their choices)."""
    from zhaoshang.registries.catalog import all_registries

    guide = []
    for key, registry in all_registries().items():
        if key in REGISTRIES:
            continue
        columns = []
        for name, flt in filter_columns(key).items():
            choices = "、".join(label for _, label in _choices(flt))
            columns.append(f"{flt.label}（{name}）" + (f"：{choices}" if choices else ""))
        guide.append((registry.name, columns))
    return guide


# --- what an indicator counts --------------------------------------------------------------------------------

def counted_parts(key: str, mode: str, stored: Mapping, start: datetime.date, end: datetime.date) -> tuple[Q, Q]:
    """The rows of source `key` an indicator counts over the days `start`-`end` (its year up to the as-of day), as
    (when, which): event lists by their date; kit registries new in those days (`since`) or in place on `end`, under
    the filter (an event list has none). Indicators of one source sharing their days share the first (kpis/figures.py).
    KpiError when the stored filter no longer fits the registry."""
    if key in REGISTRIES:
        registry = REGISTRIES[key]
        return _dated_q(registry.date_field, registry.is_datetime, start, end), Q()
    from zhaoshang.registries.filters import as_of_q

    return as_of_q(end) if mode == RegistryMode.STOCK else Q(since__gte=start, since__lte=end), filter_q(key, stored)


def counted_q(key: str, mode: str, stored: Mapping, start: datetime.date, end: datetime.date) -> Q:
    """counted_parts as one condition on the source's rows (source_rows)."""
    when, which = counted_parts(key, mode, stored, start, end)
    return when & which


def sum_columns(key: str) -> dict[str, str]:
    """The numeric columns of kit registry `key` an indicator may add up instead of counting rows (its list's totals)."""
    registry = kit_registry(key)
    return {name: registry.label(name) for name in registry.totals} if registry else {}


def sum_column_clean(key: str, column: str) -> str:
    """A column to add up, checked (by name or label): KpiError in Chinese naming the columns that may be added up."""
    column = (column or "").strip()
    if not column:
        return ""
    columns = sum_columns(key)
    by_label = {label: name for name, label in columns.items()}
    if column in columns or column in by_label:
        return column if column in columns else by_label[column]
    allowed = "、".join(columns.values()) or "无"
    raise KpiError(f"“{column}”不是{source_label(key) or key}可合计的数值列，可合计：{allowed}")


def rule_words(key: str, mode: str, stored: Mapping, year: int, summed: str = "") -> str:
    """The rule in words: "2025年新增的园区（级别：国家级）的条数", "统计日（2025年内）在册的园区的条数"."""
    if key in REGISTRIES:
        return f"{year}年{REGISTRIES[key].label}的条数"
    registry = kit_registry(key)
    if registry is None:
        return "登记来源未设置"
    try:
        words = filter_words(key, stored)
    except Exception:  # noqa: BLE001 - a filter left behind by a changed registry still reads as it was stored
        words = [f"{name}：{value}" for name, value in stored.items()]
    condition = f"（{'，'.join(words)}）" if words else ""
    what = f"的{registry.label(summed)}合计" if summed and summed in registry.totals else "的条数"
    if mode == RegistryMode.STOCK:
        return (f"统计日（{year}年内，年度结束后取年底）在册的{registry.name}{condition}{what}"
                f"（{registry.since_label}不晚于统计日或未填，{registry.until_label}为空或晚于统计日）")
    return f"{year}年新增的{registry.name}{condition}{what}（按{registry.since_label}）"
