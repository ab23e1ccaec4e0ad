"""Declaring a registry: its model and which of its columns the list shows, filters, searches, sums, masks and
imports. The generic pages, API, Excel import and export, search index and counting read only this declaration, so a
new registry is one small module (a model and a `Registry(...)`), never a copy of another one's views."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist
from django.db import models

COMMON_FIELDS = ("owner_unit", "since", "until", "source", "notes")  # RegistryEntry's columns, after the registry's own


@dataclass(frozen=True)
class Registry:
    """One registry. Field names refer to the model's fields; labels come from their verbose names."""

    key: str  # URL and API key: "land"
    name: str  # "土地/地块"
    model: type[models.Model]
    group: str  # the menu group: "资源要素数据库"
    form_fields: tuple[str, ...]  # the registry's own editable columns, in form and Excel order
    columns: tuple[str, ...]  # the list's columns
    filters: tuple[str, ...] = ()
    search_fields: tuple[str, ...] = ("name",)  # short texts the search box finds (names, codes, people)
    contact_fields: tuple[str, ...] = ()  # phones, ID-like data: masked for all but the office and the owner unit
    totals: tuple[str, ...] = ()  # numbers the list sums under its filters
    aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # more Excel headers a column is known by
    parsers: Mapping[str, Callable[[object], object]] = field(default_factory=dict)  # a cell parser replacing the one the
    # column's type picks (importing.py): "5000万人民币" for a registered capital; raises CellError on a bad cell
    match_on: tuple[str, ...] = ("name",)  # an imported row updates the live row with the same value in the first of these
    # columns the row fills (e.g. credit code, else name); the rest are created
    measure_words: tuple[str, ...] = ()  # words of the notice's measure that orders this registry
    since_label: str = "起始日期"  # what `since` means here: 成立日期, 建成日期 …
    until_label: str = "截止日期"
    description: str = ""
    ordering: tuple[str, ...] = ("-id",)

    @property
    def editable_fields(self) -> tuple[str, ...]:
        return (*self.form_fields, *COMMON_FIELDS)

    def field(self, name: str) -> models.Field:
        return self.model._meta.get_field(name)

    def label(self, name: str) -> str:
        if name == "since":
            return self.since_label
        if name == "until":
            return self.until_label
        if name == "id":
            return "编号"
        return str(self.field(name).verbose_name)

    def sortable(self, name: str) -> bool:
        try:
            field = self.field(name)
        except FieldDoesNotExist:  # a column that is not a model field (a property) does not sort
            return False
        return field.concrete and not field.many_to_many


def has_name(model) -> bool:
    """Whether the model has a `name` column (imports and links look rows up by it)."""
    return any(field.name == "name" for field in model._meta.fields)
