"""A project's 修改记录 as a reader wants it: each audit entry of the project and its stage changes with the fields that
changed, by their Chinese names, old → new (ids shown as names, choices as labels)."""

from dataclasses import dataclass, field

from zhaoshang.core.audit_labels import action_label
from zhaoshang.projects.models import Project, StageChange

EXTRA_LABELS = {"enterprises": "投资企业", "tags": "标签", "reason": "更正原因", "deleted_at": "删除时间",
                "deleted_by_id": "删除人"}
HIDDEN = {"reason", "updated_at", "tag_bits", "deleted_by_id", "created_by_id", "created_at", "id"}


@dataclass
class TrailChange:
    label: str
    old: str
    new: str


@dataclass
class TrailEntry:
    when: object
    who: str
    action: str
    subject: str
    changes: list[TrailChange] = field(default_factory=list)
    reason: str = ""


def _fields(model) -> dict:
    return {f.attname: f for f in model._meta.concrete_fields}


def _shown(model_field, value) -> str:
    """A stored value as a reader says it: a related row by its name, a choice by its label, empty as —."""
    if value in (None, "", []):
        return "—"
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    if model_field is not None and model_field.is_relation:
        related = model_field.related_model._base_manager.filter(pk=value).first()
        return str(getattr(related, "display_name", None) or related) if related else f"（已删除 {value}）"
    if model_field is not None and model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    return str(value)


def trail_rows(entries) -> list[TrailEntry]:
    """The entries (newest first) as rows; a creation or a stage move shows no field list, its page shows the rest."""
    rows = []
    for entry in entries:
        model = StageChange if entry.object_type == "projects.stagechange" else Project
        fields = _fields(model)
        before, after = entry.before or {}, entry.after or {}
        row = TrailEntry(when=entry.created_at, who=getattr(entry.actor, "display_name", "") or "系统",
                         action=action_label(entry.action),
                         subject="阶段变更记录" if model is StageChange else "项目",
                         reason=str(after.get("reason", "")))
        if entry.action in ("update", "correct"):
            for key, new in after.items():
                if key in HIDDEN:
                    continue
                model_field = fields.get(key)
                label = EXTRA_LABELS.get(key) or (str(model_field.verbose_name) if model_field else key)
                row.changes.append(TrailChange(label, _shown(model_field, before.get(key)), _shown(model_field, new)))
        rows.append(row)
    return rows
