"""Writes on registry rows: create or update (checked by the model, audited, indexed for search), delete to the
recycle bin and restore, link rows together, attach files, and bind a registry to its measure and units."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from zhaoshang.core.audit import audit_record, snapshot
from zhaoshang.core.permissions import can
from zhaoshang.core.services import PermissionDenied
from zhaoshang.registries.access import can_add, can_change
from zhaoshang.registries.errors import RegistryError
from zhaoshang.registries.kit import Registry
from zhaoshang.registries.models import RegistryAttachment, RegistryLink, RegistrySetting
from zhaoshang.search.services import search_index_put

MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024


def search_texts(registry: Registry, row) -> list[str]:
    texts = []
    for name in registry.search_fields:
        value = getattr(row, name)
        texts.append("" if value is None else str(value))
    return texts


def index_rows(registry: Registry, rows) -> None:
    """Put rows into the search index (after a write, or when re-indexing)."""
    search_index_put(registry.key, [(row.pk, search_texts(registry, row)) for row in rows])


def _assign(registry: Registry, row, data: dict, actor) -> None:
    for name, value in data.items():
        if name not in registry.editable_fields:
            raise RegistryError(f"“{name}”不是{registry.name}的字段")
        if name == "owner_unit" and not can(actor, "manage"):
            continue  # a unit user's rows stay its unit's
        setattr(row, registry.field(name).name, value)


def new_entry(*, registry: Registry, actor, data: dict):
    """An unsaved row with `data`, owned as entry_create owns it (a unit user's row belongs to its unit)."""
    if not can_add(actor, registry):
        raise PermissionDenied(f"本单位不是{registry.name}的维护单位，不能新增")
    row = registry.model(created_by=actor)
    _assign(registry, row, data, actor)
    if not can(actor, "manage") or row.owner_unit_id is None:
        row.owner_unit_id = actor.unit_id
    return row


def entry_create(*, registry: Registry, actor, data: dict):
    """Add a row; a unit user's row belongs to its unit."""
    with transaction.atomic():
        row = new_entry(registry=registry, actor=actor, data=data)
        row.full_clean()
        row.save()
        audit_record(actor=actor, action="create", obj=row, after=snapshot(row))
        index_rows(registry, [row])
    return row


def entry_update(*, registry: Registry, actor, row, data: dict):
    """Change a row's columns; checked again under lock that the actor may change it."""
    with transaction.atomic():
        row = registry.model.objects.select_for_update().get(pk=row.pk)
        if not can_change(actor, row):
            raise PermissionDenied("只能修改本单位维护的记录")
        before = snapshot(row)
        _assign(registry, row, data, actor)
        row.full_clean()
        row.save()
        after = snapshot(row)
        changed = {k for k in after if after[k] != before[k]}
        audit_record(actor=actor, action="update", obj=row, before={k: before[k] for k in changed},
                     after={k: after[k] for k in changed})
        index_rows(registry, [row])
    return row


def _set_deleted(registry: Registry, actor, row, deleted: bool):
    with transaction.atomic():
        row = registry.model.all_objects.select_for_update().get(pk=row.pk)
        if not can_change(actor, row):
            raise PermissionDenied("只能删除或恢复本单位维护的记录")
        if (row.deleted_at is not None) == deleted:
            return row
        before = snapshot(row)
        row.deleted_at, row.deleted_by = (timezone.now(), actor) if deleted else (None, None)
        if not deleted:  # a live row may have taken its place meanwhile (the same credit code, stock code …)
            try:
                row.validate_constraints()
            except ValidationError as error:
                raise RegistryError(f"不能恢复：{validation_message(error, registry)}") from None
        row.save(update_fields=["deleted_at", "deleted_by"])
        audit_record(actor=actor, action="delete" if deleted else "restore", obj=row, before=before, after=snapshot(row))
    return row


def entry_delete(*, registry: Registry, actor, row):
    """Move a row to the recycle bin (it stays there until restored)."""
    return _set_deleted(registry, actor, row, True)


def entry_restore(*, registry: Registry, actor, row):
    return _set_deleted(registry, actor, row, False)


@transaction.atomic
def link_add(*, actor, from_kind: str, from_id: int, to_kind: str, to_id: int, relation: str, note: str = "") -> RegistryLink:
    """Link two rows (idempotent: the same link twice is one link)."""
    link, created = RegistryLink.objects.get_or_create(
        from_kind=from_kind, from_id=from_id, to_kind=to_kind, to_id=to_id, relation=relation,
        defaults={"note": note[:200], "created_by": actor})
    if created:
        audit_record(actor=actor, action="link", obj=link, after=snapshot(link))
    return link


@transaction.atomic
def link_remove(*, actor, link: RegistryLink) -> None:
    audit_record(actor=actor, action="unlink", obj=link, before=snapshot(link))
    link.delete()


@transaction.atomic
def attachment_add(*, actor, registry: Registry, row, filename: str, data: bytes) -> RegistryAttachment:
    """Keep a file with a row, checked by content (PDF, images, Word, Excel) like every attachment."""
    from django.core.files.base import ContentFile

    from zhaoshang.supervision.evidence import EvidenceError, evidence_type

    if not can_change(actor, row):
        raise PermissionDenied("只能为本单位维护的记录上传附件")
    try:
        evidence_type(filename, data, MAX_ATTACHMENT_BYTES)
    except EvidenceError as error:
        raise RegistryError(str(error)) from None
    attachment = RegistryAttachment(kind=registry.key, object_id=row.pk, filename=filename[:200], uploaded_by=actor)
    attachment.file.save(filename, ContentFile(data), save=False)
    attachment.save()
    audit_record(actor=actor, action="attach", obj=attachment, after=snapshot(attachment))
    return attachment


@transaction.atomic
def registry_setting_update(*, actor, registry: Registry, measure=None, unit_ids=None) -> RegistrySetting:
    """The office binds a registry to the measure that ordered it and sets the units that keep it."""
    if not can(actor, "manage"):
        raise PermissionDenied("只有招商办可以设置数据库的维护单位")
    setting, _ = RegistrySetting.objects.get_or_create(key=registry.key)
    before = {"measure": setting.measure_id, "units": sorted(setting.units.values_list("pk", flat=True))}
    setting.measure = measure
    setting.save()
    if unit_ids is not None:
        setting.units.set(unit_ids)
    after = {"measure": setting.measure_id, "units": sorted(setting.units.values_list("pk", flat=True))}
    audit_record(actor=actor, action="update", obj=setting, before=before, after=after)
    return setting


def validation_message(error: ValidationError, registry: Registry) -> str:
    """A model's ValidationError as one Chinese line: "面积(亩)：应大于0；…"."""
    if hasattr(error, "message_dict"):
        parts = []
        for name, messages in error.message_dict.items():
            label = registry.label(name) if name in {f.name for f in registry.model._meta.fields} else ""
            parts.append(f"{label}：{'；'.join(messages)}" if label else "；".join(messages))
        return "；".join(parts)
    return "；".join(error.messages)



def registries_bind(*, actor, plan) -> dict[str, RegistrySetting]:
    """Bind every registry not yet bound to the measure of `plan` whose text names it (its `measure_words`), and let
    that measure's units keep it. A registry the office has bound already is left as it is."""
    from zhaoshang.plans.models import Assignment, Measure
    from zhaoshang.registries.catalog import all_registries

    measures = list(Measure.objects.filter(task__plan=plan).order_by("task__sort_key", "ordinal").only("id", "text"))
    bound = {}
    for registry in all_registries().values():
        if not registry.measure_words or RegistrySetting.objects.filter(key=registry.key, measure__isnull=False).exists():
            continue
        measure = next((m for m in measures if any(word in m.text for word in registry.measure_words)), None)
        if measure is None:
            continue
        units = Assignment.objects.filter(measure=measure).values_list("unit_id", flat=True)
        bound[registry.key] = registry_setting_update(actor=actor, registry=registry, measure=measure, unit_ids=list(units))
    return bound
