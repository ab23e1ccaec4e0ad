"""The audit log as a reviewer reads it (审计/问责): Chinese action and object-type names, the object's name,
and only the fields that changed, labelled by the model's verbose names, old → new.

The object's name is the one written with the entry (its name when it was changed, which is what an audit
relies on); an entry written without one gets the row's present name. Names are resolved in bulk for a page
of entries: one query per object type and per model that changed foreign keys point to, never one per entry."""

import datetime
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field

import django_filters
from django.apps import apps
from django.db import models
from django.utils import timezone

from zhaoshang.core.audit_labels import ACTION_LABELS, action_label
from zhaoshang.core.models import AuditLog
from zhaoshang.core.query_params import QueryFilterSet

HIDDEN = ("password", "secret", "token", "otp", "hash")  # never shown, not even as old → new
SKIPPED = {"id", "deleted_at", "deleted_by_id", "created_at", "updated_at", "search_text"}
EXTRA_LABELS = {  # keys of hand-written before/after payloads that are not model fields
    "reason": "理由", "message": "内容", "note": "说明", "filename": "文件名", "sha256": "文件摘要", "upload": "通知文件",
    "plan": "任务清单", "created": "新增", "updated": "修改", "deleted": "删除", "rows": "行数", "count": "数量",
    "decision": "决定", "status": "状态", "stage": "阶段", "date": "日期", "text": "内容", "unit": "单位",
}
EMPTY = "（空）"
GENERIC_REPR = re.compile(r" object \(\d+\)$")


@dataclass(frozen=True)
class Change:
    label: str
    old: str
    new: str


@dataclass
class ReadableEntry:
    entry: AuditLog
    type_label: str
    object_name: str
    changes: list[Change] = field(default_factory=list)

    @property
    def action_label(self) -> str:
        return action_label(self.entry.action)

    @property
    def actor_name(self) -> str:
        return self.entry.actor.display_name if self.entry.actor else "系统"

    @property
    def unit_name(self) -> str:
        unit = self.entry.actor.unit if self.entry.actor else None
        return unit.display_name if unit else ""


def model_of(object_type: str) -> type[models.Model] | None:
    try:
        return apps.get_model(object_type)
    except (LookupError, ValueError):
        return None


def type_label(object_type: str) -> str:
    model = model_of(object_type)
    return str(model._meta.verbose_name) if model else object_type


def object_type_choices() -> list[tuple[str, str]]:
    """Every model as (label, Chinese name), by Chinese name: the object-type filter's choices."""
    return sorted(((m._meta.label_lower, str(m._meta.verbose_name)) for m in apps.get_models()), key=lambda c: (c[1], c[0]))


def _fields(model) -> dict[str, models.Field]:
    """Fields by attname ("unit_id", as snapshots write them) and by name ("unit", as hand-written payloads do)."""
    fields = model._meta.concrete_fields if model else []
    return {**{f.name: f for f in fields}, **{f.attname: f for f in fields}}


def _is_hidden(key: str) -> bool:
    return any(word in key for word in HIDDEN)


def _changed(before, after) -> list[tuple[str, object, object]]:
    """(key, old, new) for the keys whose values differ; a create lists what it set, a payload that is not a dict
    is one change."""
    if isinstance(before, dict) or isinstance(after, dict):
        before = before if isinstance(before, dict) else {}
        after = after if isinstance(after, dict) else {}
        keys = list(dict.fromkeys([*before, *after]))
        return [(k, before.get(k), after.get(k)) for k in keys
                if k not in SKIPPED and before.get(k) != after.get(k) and (before or after.get(k) not in (None, "", [], {}))]
    if before is None and after is None:
        return []
    return [("", before, after)]


class _Names:
    """Names of the rows entries point to, fetched per model in one query."""

    def __init__(self):
        self.wanted: dict[type[models.Model], set] = defaultdict(set)
        self.found: dict[tuple[type[models.Model], str], str] = {}

    def want(self, model, pk) -> None:
        if model is not None and pk not in (None, ""):
            self.wanted[model].add(str(pk))

    def fetch(self) -> None:
        for model, ids in self.wanted.items():
            pk_field = model._meta.pk
            try:
                keys = [pk_field.to_python(i) for i in ids]
            except Exception:  # noqa: BLE001 - an id that no longer fits the key type has no name to find
                continue
            # select_related(): a __str__ that walks foreign keys ("任务1 举措2 · 市发改委") costs no query per row
            for pk, obj in model._base_manager.select_related().in_bulk(keys).items():
                self.found[(model, str(pk))] = str(getattr(obj, "display_name", "") or obj)

    def get(self, model, pk) -> str | None:
        return self.found.get((model, str(pk)))


def _value(value, model_field, names: _Names) -> str:
    if value is None or value == "" or value == [] or value == {}:
        return EMPTY
    if isinstance(value, bool):
        return "是" if value else "否"
    if model_field is not None:
        if model_field.many_to_one or model_field.one_to_one:
            return names.get(model_field.related_model, value) or f"#{value}"
        if model_field.choices:
            return str(dict(model_field.flatchoices).get(value, value))
        if isinstance(model_field, models.DateTimeField) and isinstance(value, str):
            try:
                return timezone.localtime(datetime.datetime.fromisoformat(value)).strftime("%Y-%m-%d %H:%M")
            except ValueError:
                return value
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _has_name(entry: AuditLog) -> bool:
    """Whether the name written with the entry reads as a name (not Django's "Need object (354)")."""
    return bool(entry.object_repr) and not GENERIC_REPR.search(entry.object_repr)


def readable(entries) -> list[ReadableEntry]:
    """Entries with names and changes, resolved in bulk (entries should come with `actor__unit` loaded)."""
    entries = list(entries)
    names = _Names()
    plan = []
    for entry in entries:
        model = model_of(entry.object_type)
        fields = _fields(model)
        changes = [(key, old, new, fields.get(key)) for key, old, new in _changed(entry.before, entry.after)]
        if not _has_name(entry):
            names.want(model, entry.object_id)
        for _, old, new, model_field in changes:
            if model_field is not None and (model_field.many_to_one or model_field.one_to_one):
                names.want(model_field.related_model, old)
                names.want(model_field.related_model, new)
        plan.append((entry, model, changes))
    names.fetch()
    result = []
    for entry, model, changes in plan:
        rows = []
        for key, old, new, model_field in changes:
            label = str(model_field.verbose_name) if model_field is not None else EXTRA_LABELS.get(key, key or "内容")
            if _is_hidden(key):
                rows.append(Change(label, "（已隐藏）", "（已隐藏）"))
            else:
                rows.append(Change(label, _value(old, model_field, names), _value(new, model_field, names)))
        name = (entry.object_repr if _has_name(entry) else names.get(model, entry.object_id)) or f"{type_label(entry.object_type)}#{entry.object_id}"
        result.append(ReadableEntry(entry, type_label(entry.object_type), name, rows))
    return result


class AuditFilter(QueryFilterSet):
    """The audit log's filters, shared by the page and its Excel export."""

    actor = django_filters.NumberFilter(field_name="actor_id", label="操作人")
    unit = django_filters.NumberFilter(field_name="actor__unit_id", label="单位")
    type = django_filters.ChoiceFilter(field_name="object_type", choices=object_type_choices, label="对象类型")
    action = django_filters.ChoiceFilter(choices=sorted(ACTION_LABELS.items(), key=lambda c: c[1]), label="操作")
    date_from = django_filters.DateFilter(method="filter_from", label="起始日期")
    date_to = django_filters.DateFilter(method="filter_to", label="截止日期")

    class Meta:
        model = AuditLog
        fields = []

    @staticmethod
    def _start_of(day: datetime.date) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))

    def filter_from(self, queryset, name, value):
        return queryset.filter(created_at__gte=self._start_of(value))

    def filter_to(self, queryset, name, value):
        return queryset.filter(created_at__lt=self._start_of(value + datetime.timedelta(days=1)))


EXPORT_COLUMNS = (("时间", 18), ("操作人", 12), ("单位", 16), ("操作", 10), ("对象类型", 14), ("对象", 36),
                  ("修改内容（原值 → 新值）", 80))


def export_rows(queryset, chunk: int = 1000):
    """Rows of the Excel export, read in chunks so a long log never sits in memory whole."""
    batch = []
    for entry in queryset.iterator(chunk_size=chunk):
        batch.append(entry)
        if len(batch) == chunk:
            yield from _export_batch(batch)
            batch = []
    yield from _export_batch(batch)


def _export_batch(batch):
    for item in readable(batch):
        changes = "\n".join(f"{c.label}：{c.old} → {c.new}" for c in item.changes)
        yield [timezone.localtime(item.entry.created_at).strftime("%Y-%m-%d %H:%M:%S"), item.actor_name, item.unit_name,
               item.action_label, item.type_label, item.object_name, changes]
