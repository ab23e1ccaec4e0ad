"""Reads of registry rows, for pages, API and export alike: the filtered, searched and sorted list with its totals,
one row, the rows linked to any row (both ways), and a row's values as shown to a user (contacts masked)."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, QuerySet, Sum
from django.http import Http404

from zhaoshang.core.masking import mask_contact
from zhaoshang.core.query_params import QueryError
from zhaoshang.registries.access import contacts_visible
from zhaoshang.registries.filters import filterset_class
from zhaoshang.registries.kit import Registry
from zhaoshang.registries.models import RegistryAttachment
from zhaoshang.search.selectors import SEARCH_LIMIT, search_ids


@dataclass
class EntryList:
    rows: QuerySet
    filterset: object
    query: str = ""
    truncated: bool = False  # the search matched more rows than SEARCH_LIMIT
    sort: str = ""


def live_rows(registry: Registry) -> QuerySet:
    related = [f.name for f in registry.model._meta.fields if f.is_relation and f.many_to_one]
    return registry.model.objects.select_related(*related)


def entries_for(*, user, registry: Registry, params) -> EntryList:
    """The registry's live rows as filtered by `params` (the list's query string or the API's): column filters, `q`
    (served from the search index) and `sort` (a column, "-column" descending)."""
    filterset = filterset_class(registry)(params, queryset=live_rows(registry))
    rows = filterset.qs
    query = (params.get("q") or "").strip()[:100]
    truncated = False
    if query:
        hits = search_ids(registry.key, query, limit=SEARCH_LIMIT)
        rows, truncated = rows.filter(pk__in_ids=hits.ids), hits.truncated
    sort = (params.get("sort") or "").strip()
    if sort:
        name = sort.removeprefix("-")
        if name not in registry.columns or not registry.sortable(name):
            raise QueryError(f"不能按“{name}”排序")
        rows = rows.order_by(sort, "-id")
    else:
        rows = rows.order_by(*registry.ordering)
    return EntryList(rows=rows, filterset=filterset, query=query, truncated=truncated, sort=sort)


def totals_of(registry: Registry, rows: QuerySet) -> dict:
    """The rows' count and the sums of the registry's total columns, at each column's own precision."""
    sums = {f"sum_{name}": Sum(name) for name in registry.totals}
    totals = rows.order_by().aggregate(count=Count("pk"), **sums)
    for name in registry.totals:
        places = getattr(registry.field(name), "decimal_places", None)
        if places is not None and totals[f"sum_{name}"] is not None:  # SQLite sums decimals as floats
            totals[f"sum_{name}"] = Decimal(str(totals[f"sum_{name}"])).quantize(Decimal(1).scaleb(-places))
    return totals


def entry_for(*, registry: Registry, pk: int, deleted: bool = False):
    """One row every signed-in user may read (a deleted one for the recycle bin); 404 when missing."""
    manager = registry.model.all_objects if deleted else registry.model.objects
    rows = manager.filter(pk=pk, deleted_at__isnull=not deleted)
    row = rows.first()
    if row is None:
        raise Http404("记录不存在")
    return row


def shown(registry: Registry, user, row, name: str, visible: bool | None = None):
    """One value as the user sees it: choices by label, contacts masked unless the user may see them."""
    value = getattr(row, name)
    model_field = registry.field(name) if name != "id" else None
    if model_field is not None and model_field.choices:
        value = getattr(row, f"get_{name}_display")()
    if name in registry.contact_fields and value:
        if visible is None:
            visible = contacts_visible(user, row)
        if not visible:
            return mask_contact(value)
    return value


def values_shown(registry: Registry, user, row, names) -> list:
    visible = contacts_visible(user, row)
    return [shown(registry, user, row, name, visible) for name in names]


def attachments_of(registry: Registry, row) -> QuerySet:
    return RegistryAttachment.objects.filter(kind=registry.key, object_id=row.pk).order_by("-uploaded_at")






@dataclass
class Column:
    """A list column: its field, heading, whether it sorts and is a number (right-aligned)."""

    name: str
    label: str
    sortable: bool = False
    numeric: bool = False


def list_columns(registry: Registry) -> list[Column]:
    numeric = ("DecimalField", "IntegerField", "PositiveIntegerField", "FloatField", "BigIntegerField")
    return [Column(name, registry.label(name), registry.sortable(name),
                   registry.field(name).get_internal_type() in numeric) for name in registry.columns]
