"""Changing a project after it was entered (every field but its stage, which moves through lifecycle.py), and deleting
it to the recycle bin."""

from django.core.exceptions import ValidationError
from django.db import transaction

from zhaoshang.core.audit import audit_record, snapshot
from zhaoshang.core.permissions import OFFICE, can_work_on_unit, role_of
from zhaoshang.core.services import PermissionDenied, object_soft_delete
from zhaoshang.projects.choices import Channel
from zhaoshang.projects.errors import ProjectError
from zhaoshang.projects.models import Project
from zhaoshang.projects.search import index_projects
from zhaoshang.projects.selectors import main_investor
from zhaoshang.projects.services.projects import enterprise_for, parse_amount
from zhaoshang.projects.tagging import tag_bits

# what project_update changes: the model's columns, then the investor (as typed: name and credit code) and the tags
COLUMNS = {"name": 200, "amount_wan": None, "fixed_asset_wan": None, "chain": None, "chain_link": None, "channel": None,
           "channel_detail": 100, "park": 50, "town": 50, "lead_unit": None, "team": 50, "chief_officer": 30,
           "source": 200, "notes": None}
EDITABLE = {*COLUMNS, "enterprise_name", "credit_code", "tags"}
# fields a change leaves alone or that say nothing to a reader of the log
UNAUDITED = {"updated_at", "tag_bits"}


@transaction.atomic
def project_update(*, actor, project: Project, changes: dict) -> Project:
    """Change the given fields of a project; the office changes any, a unit its own (and cannot hand it to another
    unit). Audited with the changed fields only, old and new."""
    unknown = set(changes) - EDITABLE
    if unknown:
        raise ProjectError(f"不能修改的字段：{'、'.join(sorted(unknown))}")
    project = Project.objects.select_for_update().get(pk=project.pk)
    if not can_work_on_unit(actor, project.lead_unit_id):
        raise PermissionDenied("只能修改本单位牵头的项目")
    lead_unit = changes.get("lead_unit", project.lead_unit)
    if lead_unit is None:
        raise ProjectError("请填写牵头单位")
    if not can_work_on_unit(actor, lead_unit.pk):
        raise PermissionDenied("不能把项目改为其他单位牵头，请联系督办办公室")
    before = _state(project)
    _assign(project, changes)
    try:
        project.full_clean(exclude=["enterprises", "tags"])
    except ValidationError as error:
        raise ProjectError("；".join(error.messages)) from None
    if "tags" in changes:
        project.tag_bits = tag_bits(tag.pk for tag in changes["tags"])
    project.save()
    if "name" in changes:
        index_projects([project])
    if "tags" in changes:
        project.tags.set(changes["tags"])
    if "enterprise_name" in changes or "credit_code" in changes:
        _replace_investor(project, changes)
    after = _state(project)
    changed = [key for key in after if key not in UNAUDITED and after[key] != before.get(key)]
    if changed:
        audit_record(actor=actor, action="update", obj=project, before={k: before.get(k) for k in changed},
                     after={k: after[k] for k in changed})
    return project


def _assign(project: Project, changes: dict) -> None:
    """Parse and set the columns given: texts trimmed and cut to their length, amounts in 万元."""
    for name, length in COLUMNS.items():
        if name not in changes:
            continue
        value = changes[name]
        if name in ("amount_wan", "fixed_asset_wan"):
            value = parse_amount(value, "计划总投资" if name == "amount_wan" else "固定资产投资")
            if value is None and name == "amount_wan":
                raise ProjectError("请填写计划总投资（万元）")
        elif length is not None or name == "notes":
            value = (value or "").strip()[:length] if length else (value or "").strip()
        setattr(project, name, value)
    if not project.name:
        raise ProjectError("请填写项目名称")
    if project.channel not in Channel.values:
        raise ProjectError(f"招引渠道“{project.channel}”不正确")
    if "chain" in changes and "chain_link" not in changes and project.chain_link_id and (
            project.chain is None or project.chain_link.chain_id != project.chain_id):
        project.chain_link = None  # the link belonged to the chain left behind


def _replace_investor(project: Project, changes: dict) -> None:
    """The first (main) investor becomes the enterprise typed; the others stay."""
    current = main_investor(project)
    name = changes.get("enterprise_name", current.name if current else "")
    code = changes.get("credit_code", current.credit_code if current else "")
    if current and current.name == (name or "").strip() and current.credit_code == (code or "").strip().upper():
        return
    enterprise = enterprise_for(name or "", code or "")
    if current:
        project.enterprises.remove(current)
    project.enterprises.add(enterprise)


def _state(project: Project) -> dict:
    """What the log compares: the columns, the investors' and the tags' names."""
    return {**snapshot(project), "enterprises": [e.name for e in project.enterprises.order_by("name")],
            "tags": [t.name for t in project.tags.all()]}


def project_delete(*, actor, project: Project) -> Project:
    """Move a project to the recycle bin (the office only; it comes back from there with its history)."""
    if role_of(actor) != OFFICE:
        raise PermissionDenied("只有督办办公室可以删除项目")
    return object_soft_delete(obj=project, actor=actor)
