"""Any registry's Excel import, declared from the registry: one column per editable field (its Chinese label, the
registry's aliases, a parser chosen by the field's type), rows matched to live rows by `match_on` (an existing row
is updated, a new one created). New rows are saved a chunk at a time (`save_many`: checked like entry_create, one
INSERT, one audit write, one search-index write), updated ones through entry_update. The engine (core.excel_import)
reads, reports, keeps and saves; the pages and the API call it with kind `zhaoshang.registries.importing.<key>`."""

import datetime
from dataclasses import dataclass
from functools import cached_property

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from zhaoshang.accounts.models import Unit
from zhaoshang.accounts.resolution import UnitIndex
from zhaoshang.core.excel_import import CellError, Column, ImportSpec, Row
from zhaoshang.core.audit import audit_entry, audit_save_many, snapshot
from zhaoshang.core.excel_import.parsers import cell_text, choice, date, number, text
from zhaoshang.core.permissions import can
from zhaoshang.core.services import PermissionDenied
from zhaoshang.registries.access import can_add, can_change
from zhaoshang.registries.catalog import all_registries, registry_named
from zhaoshang.registries.errors import RegistryError
from zhaoshang.registries.kit import Registry, has_name
from zhaoshang.registries.services import entry_create, entry_update, index_rows, new_entry, validation_message

PREFIX = "zhaoshang.registries.importing."
NUMERIC = {"DecimalField", "IntegerField", "PositiveIntegerField", "BigIntegerField", "FloatField", "PositiveSmallIntegerField"}
DASHES = ("-", "--", "—", "——", "－", "/")  # what exports (企查查, 天眼查) write in an empty optional cell
LOOKUP_CHUNK = 500  # values per IN (...) when matching a chunk of rows to live rows
YES, NO = ("是", "有", "Y", "y", "yes", "true", "1", "√"), ("否", "无", "N", "n", "no", "false", "0", "×")


def kind_of(registry: Registry) -> str:
    return PREFIX + registry.key


def boolean(value) -> bool:
    name = cell_text(value)
    if name in YES:
        return True
    if name in NO:
        return False
    raise CellError(f"“{name}”应填“是”或“否”")


class Lookups:
    """Names → rows of the models a registry's link columns point at, each loaded once per import."""

    def __init__(self):
        self._units: UnitIndex | None = None
        self._rows: dict = {}

    def unit(self, value) -> Unit:
        self._units = self._units or UnitIndex()
        unit = self._units.resolve(text()(value)).unit
        if unit is None:
            raise CellError(f"“{cell_text(value)}”不是系统中的单位")
        return unit

    def row(self, model, label: str):
        def parse(value):
            name = cell_text(value)
            if model not in self._rows:
                self._rows[model] = {}
            cache = self._rows[model]
            if name not in cache:
                found = list(model.objects.filter(name=name)[:2]) if has_name(model) else []
                if not found and name.isdigit():
                    found = list(model.objects.filter(pk=int(name))[:1])
                cache[name] = found
            found = cache[name]
            if not found:
                raise CellError(f"系统中没有名为“{name}”的{label}，请先录入或填写其编号")
            if len(found) > 1:
                raise CellError(f"名为“{name}”的{label}不止一个，请填写其编号")
            return found[0]

        return parse


def _blank_dash(parse):
    """An optional column's parser that reads a lone dash as an empty cell."""

    def parsed(value):
        return None if isinstance(value, str) and value.strip() in DASHES else parse(value)

    return parsed


def _parser(registry: Registry, name: str, lookups: Lookups):
    if name in registry.parsers:
        return registry.parsers[name]
    field = registry.field(name)
    kind = field.get_internal_type()
    if field.choices:
        options = {**{str(label): value for value, label in field.choices}, **{str(value): value for value, _ in field.choices}}
        return choice(options, shown=[str(label) for _, label in field.choices])
    if field.is_relation:
        return lookups.unit if field.related_model is Unit else lookups.row(field.related_model, registry.label(name))
    if kind == "BooleanField":
        return boolean
    if kind == "DateField":
        return date()
    if kind in NUMERIC:
        places = getattr(field, "decimal_places", None) or 0
        return number(places=places, positive=False)
    return text(getattr(field, "max_length", None))


def _example(registry: Registry, name: str):
    field = registry.field(name)
    if field.choices:
        return str(field.choices[0][1])
    if field.get_internal_type() == "DateField":
        return datetime.date(2025, 3, 1)
    return ""


def columns_of(registry: Registry, lookups: Lookups, *, with_owner: bool) -> list[Column]:
    columns = []
    for name in registry.editable_fields:
        if name == "owner_unit" and not with_owner:
            continue
        field = registry.field(name)
        required = not field.blank and not field.has_default() and not field.null
        choices = tuple(str(label) for _, label in field.choices) if field.choices else ()
        help_text = "可选：" + "、".join(choices) if choices else str(field.help_text or "")
        parse = _parser(registry, name, lookups)
        columns.append(Column(name, registry.label(name), tuple(registry.aliases.get(name, ())), required,
                              parse if required else _blank_dash(parse), help_text, _example(registry, name), choices,
                              width=30 if field.get_internal_type() == "TextField" else 16))
    return columns


@dataclass
class Tally:
    created: int = 0
    updated: int = 0


class RegistryImport:
    """One import of one registry by one actor: its spec, and the rows created and updated so far."""

    def __init__(self, registry: Registry, actor):
        if not can_add(actor, registry):
            raise PermissionDenied(f"本单位不是{registry.name}的维护单位，不能导入")
        self.registry, self.actor, self.tally = registry, actor, Tally()
        self.lookups = Lookups()
        self.spec = ImportSpec(
            title=f"{registry.name.replace('/', '、')}导入", columns=columns_of(registry, self.lookups, with_owner=can(actor, "manage")),
            save_row=self.save_row, save_many=self.save_many, check_rows=self.check_rows, row_errors=(RegistryError, ValidationError, PermissionDenied),
            instructions=(
                f"1. 在第一张工作表中每行填写一条{registry.name}记录，不要修改列名；红色列名为必填列，不需要的选填列可以删除。",
                "2. 日期写成2025-03-01或2025年3月1日；数字不带单位；“是/否”列填“是”或“否”。",
                (f"3. {'或'.join(registry.label(n) for n in registry.match_on)}与系统中已有记录相同的行会更新该记录，其余为新增。"
                 if registry.match_on else "3. 每行均新增一条记录（不会更新已有记录），请勿重复导入同一文件。"),
                "4. 上传后先校验，有错误时可下载带“错误”列的报告；确认后才会写入。",
            ), min_header_matches=min(2, len(registry.editable_fields)))

    def _match(self, data: dict) -> tuple[str, object] | None:
        """The column and value an imported row is matched on: the first `match_on` column it fills."""
        return next(((name, data[name]) for name in self.registry.match_on if data.get(name) not in (None, "")), None)

    def _existing_many(self, datas: list[dict]) -> list:
        """The live row each imported row updates (None: a new row), found with one query per match column and
        LOOKUP_CHUNK values; the oldest row when several share the value."""
        matches = [self._match(data) for data in datas]
        found: dict[tuple[str, str], object] = {}
        for name in self.registry.match_on:
            values = sorted({str(match[1]) for match in matches if match and match[0] == name})
            for start in range(0, len(values), LOOKUP_CHUNK):
                part = values[start:start + LOOKUP_CHUNK]
                for row in self.registry.model.objects.filter(**{f"{name}__in": part}).order_by("-id"):
                    found[(name, str(getattr(row, name)))] = row  # the oldest (lowest id) is written last
        return [None if match is None else found.get((match[0], str(match[1]))) for match in matches]

    def _existing(self, data: dict):
        return self._existing_many([data])[0]

    def check_rows(self, rows: list[Row]) -> None:
        seen: dict[tuple, int] = {}
        good = [row for row in rows if row.ok]
        for row, existing in zip(good, self._existing_many([row.data for row in good])):
            match = self._match(row.data)
            key = None if match is None else (match[0], str(match[1]))
            if key in seen:
                row.add_error(None, f"与第{seen[key]}行重复（{self.registry.label(key[0])}相同）")
                continue
            if key is not None:
                seen[key] = row.number
            if existing is not None and not can_change(self.actor, existing):
                row.add_error(None, "系统中已有该记录，由其他单位维护，不能修改")

    @staticmethod
    def _values(data: dict) -> dict:
        return {name: value for name, value in data.items() if value is not None and value != ""}

    def save_row(self, data: dict):
        existing = self._existing(data)
        try:
            if existing is None:
                row = entry_create(registry=self.registry, actor=self.actor, data=self._values(data))
                self.tally.created += 1
            else:
                row = entry_update(registry=self.registry, actor=self.actor, row=existing, data=self._values(data))
                self.tally.updated += 1
        except ValidationError as error:
            raise RegistryError(validation_message(error, self.registry)) from None
        return row

    @cached_property
    def _loaded(self) -> list[str]:
        """The link columns: their values are rows loaded from the database (by Lookups, or the actor), so the bulk
        path does not ask the database once per row whether they exist; a missing required one fails the INSERT."""
        return [f.name for f in self.registry.model._meta.fields if f.is_relation and f.many_to_one]

    def save_many(self, datas: list[dict]) -> None:
        """A chunk of rows at once: the rows matching a live row are updated one by one (entry_update), the new ones
        checked as entry_create checks them and inserted together, with their audit entries and search index in one
        write each. Any refusal raises RegistryError: the engine rolls the chunk back and saves it row by row, which
        names the row at fault. The database's constraints (a credit code already live) are checked by the INSERT
        rather than per row: check_rows has matched those rows to the live ones already."""
        created, updated = [], 0
        for data, existing in zip(datas, self._existing_many(datas)):
            values = self._values(data)
            try:
                if existing is None:
                    row = new_entry(registry=self.registry, actor=self.actor, data=values)
                    row.full_clean(exclude=self._loaded, validate_unique=False, validate_constraints=False)
                    created.append(row)
                else:
                    entry_update(registry=self.registry, actor=self.actor, row=existing, data=values)
                    updated += 1
            except ValidationError as error:
                raise RegistryError(validation_message(error, self.registry)) from None
        if created:
            try:
                with transaction.atomic():
                    created = self.registry.model.objects.bulk_create(created)
            except IntegrityError:
                raise RegistryError("与系统中已有记录冲突") from None
            audit_save_many([audit_entry(actor=self.actor, action="create", obj=row, after=snapshot(row)) for row in created])
            index_rows(self.registry, created)
        self.tally.created += len(created)
        self.tally.updated += updated


def registry_import(key: str, *, actor) -> RegistryImport:
    return RegistryImport(registry_named(key), actor)


def __getattr__(key: str):
    """`zhaoshang.registries.importing.<key>` is the import kind of registry `key` (core.excel_import.services.spec_for
    imports it by its dotted path): a factory of its spec for an actor."""
    if key in all_registries():
        return lambda *, actor: registry_import(key, actor=actor).spec
    raise AttributeError(key)
