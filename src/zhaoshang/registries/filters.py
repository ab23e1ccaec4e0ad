"""The one filter of a registry's list, built from its declaration and shared by the page, the API and the export:
each declared filter column gets the filter its type calls for, and every registry can be read "as of" a day."""

import django_filters
from django import forms
from django.db.models import Q

from zhaoshang.accounts.models import Unit
from zhaoshang.core.query_params import QueryFilterSet
from zhaoshang.registries.forms import LINKED_CHOICES_SHOWN
from zhaoshang.registries.kit import Registry

LABEL_AS_OF = "在册日期"
ALL = "全部"
DAY = forms.DateInput(attrs={"type": "date"})


def _filter_for(registry: Registry, name: str) -> dict:
    field = registry.field(name)
    label = registry.label(name)
    kind = field.get_internal_type()
    if field.choices:
        return {name: django_filters.ChoiceFilter(field_name=name, choices=field.choices, label=label, empty_label=ALL)}
    if field.is_relation and field.many_to_one:
        rows = field.related_model.objects.all()
        if rows.count() <= LINKED_CHOICES_SHOWN:  # a park, a chain, a unit: chosen from a list
            return {name: django_filters.ModelChoiceFilter(field_name=name, queryset=rows, label=label, empty_label=ALL)}
        return {name: django_filters.NumberFilter(field_name=f"{name}_id", label=f"{label}编号")}
    if kind == "BooleanField":
        return {name: django_filters.BooleanFilter(field_name=name, label=label)}
    if kind in ("DecimalField", "IntegerField", "PositiveIntegerField", "FloatField", "BigIntegerField"):
        return {f"{name}_min": django_filters.NumberFilter(field_name=name, lookup_expr="gte", label=f"{label}不低于"),
                f"{name}_max": django_filters.NumberFilter(field_name=name, lookup_expr="lte", label=f"{label}不高于")}
    if kind == "DateField":
        return {f"{name}_from": django_filters.DateFilter(field_name=name, lookup_expr="gte", label=f"{label}起", widget=DAY),
                f"{name}_to": django_filters.DateFilter(field_name=name, lookup_expr="lte", label=f"{label}止", widget=DAY)}
    return {name: django_filters.CharFilter(field_name=name, lookup_expr="icontains", label=label)}


def as_of_q(day) -> Q:
    """Rows true on `day`: begun by then (or undated) and not yet ended."""
    return (Q(since__isnull=True) | Q(since__lte=day)) & (Q(until__isnull=True) | Q(until__gt=day))


def filterset_class(registry: Registry) -> type[QueryFilterSet]:
    declared = {}
    for name in registry.filters:
        declared.update(_filter_for(registry, name))
    declared["owner_unit"] = django_filters.ModelChoiceFilter(field_name="owner_unit", queryset=Unit.objects.all(), label="维护单位",
                                                            empty_label=ALL)
    declared["as_of"] = django_filters.DateFilter(method="filter_as_of", label=LABEL_AS_OF, widget=DAY)

    def filter_as_of(self, queryset, name, value):
        return queryset.filter(as_of_q(value))

    meta = type("Meta", (), {"model": registry.model, "fields": []})
    return type(f"{registry.model.__name__}Filter", (QueryFilterSet,), {**declared, "Meta": meta, "filter_as_of": filter_as_of})
