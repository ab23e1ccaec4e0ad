"""Writes of the network app: who referred a project (以商引商), recorded as a RegistryLink "referred" from a 楚商, an
association or an event to the project, by those who may work on the project (its lead unit and the office)."""

from django.db import transaction

from zhaoshang.core.audit import audit_record, snapshot
from zhaoshang.core.permissions import can_work_on_unit
from zhaoshang.core.services import PermissionDenied
from zhaoshang.network.registries import REFERRER_KEYS
from zhaoshang.projects.models import Project
from zhaoshang.registries.catalog import registry_named
from zhaoshang.registries.choices import LinkRelation
from zhaoshang.registries.errors import RegistryError
from zhaoshang.registries.models import RegistryLink
from zhaoshang.registries.services import link_add

REFUSED = "只有项目牵头单位和招商办可以登记或删除引荐来源"


def _lead_unit_id(project_id: int) -> int | None:
    """The project's lead unit, read again under lock: the check holds for the write that follows."""
    return Project.objects.select_for_update().filter(pk=project_id).values_list("lead_unit_id", flat=True).first()


@transaction.atomic
def referral_add(*, actor, project: Project, kind: str, entry_id: int, note: str = "") -> RegistryLink:
    """Record that row `entry_id` of registry `kind` (楚商, 商协会, 招商活动, 外部招商平台) referred `project` (idempotent)."""
    if kind not in REFERRER_KEYS:
        raise RegistryError("引荐来源只能是楚商、商协会、招商活动或外部招商平台")
    if not can_work_on_unit(actor, _lead_unit_id(project.pk)):
        raise PermissionDenied(REFUSED)
    registry = registry_named(kind)
    if not registry.model.objects.filter(pk=entry_id).exists():
        raise RegistryError(f"{registry.name}中没有编号为{entry_id}的记录")
    return link_add(actor=actor, from_kind=kind, from_id=entry_id, to_kind="project", to_id=project.pk,
                    relation=LinkRelation.REFERRED, note=note)


@transaction.atomic
def referral_remove(*, actor, link: RegistryLink) -> None:
    """Remove a project's referral (a wrong 引荐来源); the project's workers may, whoever keeps the referring row."""
    if link.relation != LinkRelation.REFERRED or link.to_kind != "project" or link.from_kind not in REFERRER_KEYS:
        raise RegistryError("这不是项目的引荐来源")
    if not can_work_on_unit(actor, _lead_unit_id(link.to_id)):
        raise PermissionDenied(REFUSED)
    audit_record(actor=actor, action="unlink", obj=link, before=snapshot(link))
    link.delete()
