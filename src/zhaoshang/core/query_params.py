"""Query-string values read by pages: one parser per kind (year, month, date, id), Chinese errors; the list
filters (enums, numbers) share `QueryFilterSet`; page numbers go through `Paginator.get_page`, which clamps.

A value that does not parse raises `QueryError` (a `BadRequest`): Django answers 400 with `templates/400.html`
and the message (`bad_request` below is `handler400`). Empty or missing values give the default. The API does
the same with bounded ninja `Query` schemas (422)."""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

import django_filters
from django.core.exceptions import BadRequest
from django.db.models import QuerySet
from django.http import HttpResponseBadRequest
from django.template import loader

MAX_ID = 2**63 - 1  # PostgreSQL/SQLite bigint: a larger id matches nothing (and would overflow the driver)
MIN_YEAR, MAX_YEAR = 2000, 2100


class QueryError(BadRequest):
    """A query-string value that does not parse; the message is for the user."""


def _raw(params: Mapping, name: str) -> str:
    value = params.get(name)
    return value.strip() if isinstance(value, str) else ""


def query_int(params: Mapping, name: str, *, label: str, low: int, high: int, default: int | None = None) -> int | None:
    """A whole number within [low, high]."""
    raw = _raw(params, name)
    if not raw:
        return default
    if not (raw.isascii() and raw.isdigit() and len(raw) <= 19) or not low <= int(raw) <= high:
        raise QueryError(f"{label}应为{low}至{high}之间的整数")
    return int(raw)


def query_id(params: Mapping, name: str, *, label: str = "编号") -> int | None:
    """A database id (a positive bigint)."""
    return query_int(params, name, label=label, low=1, high=MAX_ID)


def query_year(params: Mapping, name: str = "year", *, label: str = "年度", default: int | None = None) -> int | None:
    return query_int(params, name, label=label, low=MIN_YEAR, high=MAX_YEAR, default=default)


def query_date(params: Mapping, name: str = "as_of", *, label: str = "日期",
               default: datetime.date | None = None) -> datetime.date | None:
    """A day as YYYY-MM-DD within the years the platform knows."""
    raw = _raw(params, name)
    if not raw:
        return default
    try:
        day = datetime.date.fromisoformat(raw) if len(raw) == 10 else None
    except ValueError:
        day = None
    if day is None or not MIN_YEAR <= day.year <= MAX_YEAR:
        raise QueryError(f"{label}格式应为YYYY-MM-DD（如2025-10-15）")
    return day


def query_month(params: Mapping, name: str = "period", *, label: str = "月份", default: str | None = None) -> str | None:
    """A month as YYYY-MM."""
    raw = _raw(params, name)
    if not raw:
        return default
    year, _, month = raw.partition("-")
    if not (len(raw) == 7 and year.isdigit() and month.isdigit() and MIN_YEAR <= int(year) <= MAX_YEAR
            and 1 <= int(month) <= 12):
        raise QueryError(f"{label}格式应为YYYY-MM（如2025-10）")
    return raw


class QueryFilterSet(django_filters.FilterSet):
    """Base of the list filters (page, API, export): numbers are bounded (ids within bigint) and a value that does
    not parse is a `QueryError` naming the filter, not silently ignored nor a database overflow.

    A filter whose keyword (`q = CharFilter(method="filter_text")`) searches the index names its search as
    `search_hits = staticmethod(text → SearchHits)`; `truncated` then says whether the matches were cut."""

    truncated = False
    search_hits = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for number in self.filters.values():  # the instance's own copies, before the form is built from them
            if isinstance(number, django_filters.NumberFilter):
                number.extra.setdefault("min_value", -MAX_ID)
                number.extra.setdefault("max_value", MAX_ID)
                number.__dict__.pop("_field", None)

    def filter_text(self, queryset, name, value):
        hits = self.search_hits(value.strip()[:100])  # the newest SEARCH_LIMIT matches
        self.truncated = hits.truncated
        return queryset.filter(pk__in_ids=hits.ids)

    def filter_queryset(self, queryset):
        if self.form.errors:
            name, errors = next(iter(self.form.errors.items()))
            raise QueryError(f"{self.filters[name].label or name}：{errors[0]}")
        return super().filter_queryset(queryset)


@dataclass(frozen=True)
class Listing:
    """A filtered list (a queryset, or what a page makes of one: the kanban's columns), and whether its keyword search
    was cut to the newest SEARCH_LIMIT matches (the page says so)."""

    rows: QuerySet | list
    truncated: bool

    @classmethod
    def of(cls, filterset: QueryFilterSet) -> "Listing":
        return cls(rows=filterset.qs, truncated=filterset.truncated)


def bad_request(request, exception=None, template_name="400.html"):
    """handler400: the 400 page in Chinese, with the message of a `QueryError` (others stay generic)."""
    message = str(exception) if isinstance(exception, QueryError) else ""
    return HttpResponseBadRequest(loader.render_to_string(template_name, {"message": message}))
