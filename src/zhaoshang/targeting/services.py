"""Writes of 招商靶向: the office marks a ranked enterprise as a target of a chain's link, drops it, or turns it into
a project lead (线索) of the pipeline in one step. Each write is audited; the enterprise's 链上角色 becomes 目标
through the directory's registry service."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from zhaoshang.accounts.models import Unit
from zhaoshang.core.audit import audit_record, snapshot
from zhaoshang.core.services import require
from zhaoshang.plans.models import Chain, ChainLink
from zhaoshang.projects.choices import ChainRole, Channel, Stage
from zhaoshang.projects.models import Enterprise, Project
from zhaoshang.projects.services.projects import ProjectInput, project_create
from zhaoshang.targeting.candidates import candidate_pool, candidate_score
from zhaoshang.targeting.marks import MarkStatus, TargetMark

ENTERPRISE_REGISTRY = "enterprise"
LEAD_NOTE = "计划总投资为转线索时的预估值，洽谈中请按企业意向更新。"


class TargetingError(ValueError):
    """A targeting write refused for a reason the user can fix; the message is Chinese."""


def lead_name(mark: TargetMark) -> str:
    """The lead project's default name: the enterprise and what it would bring (its link, else the chain)."""
    what = mark.link.name if mark.link_id else mark.chain.name
    return f"{mark.enterprise.name}{what}项目"[:200]


def _role_target(*, actor, enterprise: Enterprise, chain: Chain, link: ChainLink | None) -> None:
    """The directory row says 目标 (and, where it names none, the chain and link it is a target of)."""
    from zhaoshang.registries.catalog import all_registries
    from zhaoshang.registries.services import entry_update, validation_message

    data = {"chain_role": ChainRole.TARGET}
    if not enterprise.chain_id:
        data.update(chain=chain, chain_link=link)
    if all(getattr(enterprise, name) == value for name, value in data.items()):
        return
    registry = all_registries().get(ENTERPRISE_REGISTRY)
    try:
        if registry is not None:
            entry_update(registry=registry, actor=actor, row=enterprise, data=data)
            return
        before = snapshot(enterprise)  # the directory's registry not declared: the same write, audited here
        for name, value in data.items():
            setattr(enterprise, name, value)
        enterprise.full_clean()
        enterprise.save()
        audit_record(actor=actor, action="update", obj=enterprise, before=before, after=snapshot(enterprise))
    except ValidationError as error:
        detail = validation_message(error, registry) if registry is not None else "；".join(error.messages)
        raise TargetingError(f"企业名录中“{enterprise.name}”的信息有误（{detail}），请先修正后再标记") from None


@transaction.atomic
def target_mark(*, actor, enterprise: Enterprise, chain: Chain, link: ChainLink | None, note: str = "") -> TargetMark:
    """Mark an enterprise as a target of the chain at `link`, keeping its score and reasons as they are now.
    Marking it again (another link, or after dropping it) moves or revives the one mark; a lead stays a lead."""
    require(actor, "manage")
    if link is not None and link.chain_id != chain.pk:
        raise TargetingError("产业链环节不属于所选产业链")
    if not candidate_pool().filter(pk=enterprise.pk).exists():
        raise TargetingError(f"“{enterprise.name}”已在本地落户、已注销/吊销/迁出或已有注册以后阶段的项目，不能标记为目标企业")
    candidate = candidate_score(enterprise=enterprise, chain=chain, link=link)
    mark = TargetMark.objects.select_for_update().filter(enterprise=enterprise, chain=chain).first()
    if mark is not None and mark.status == MarkStatus.LEAD:
        raise TargetingError(f"“{enterprise.name}”已转为线索项目，不能重复标记")
    before = snapshot(mark) if mark is not None else None
    if mark is None:
        mark = TargetMark(enterprise=enterprise, chain=chain, marked_by=actor)
    mark.link, mark.score, mark.reasons = link, candidate.score, list(candidate.reasons)
    mark.status, mark.note = MarkStatus.MARKED, note[:200]
    mark.save()
    audit_record(actor=actor, action="create" if before is None else "update", obj=mark, before=before, after=snapshot(mark))
    _role_target(actor=actor, enterprise=enterprise, chain=chain, link=link)
    return mark


@transaction.atomic
def target_drop(*, actor, mark: TargetMark, note: str = "") -> TargetMark:
    """Drop a target (not yet a lead): it no longer counts on the boards; the mark stays as history."""
    require(actor, "manage")
    mark = TargetMark.objects.select_for_update().get(pk=mark.pk)
    if mark.status == MarkStatus.LEAD:
        raise TargetingError("已转为线索的目标企业请在项目中终止，不能直接放弃")
    before = snapshot(mark)
    mark.status, mark.note = MarkStatus.DROPPED, note[:200] or mark.note
    mark.save(update_fields=["status", "note", "updated_at"])
    audit_record(actor=actor, action="update", obj=mark, before=before, after=snapshot(mark))
    return mark


@transaction.atomic
def target_lead(*, actor, mark: TargetMark, amount_wan: Decimal | str | None, lead_unit: Unit | None = None,
                name: str = "", allow_duplicate: bool = False) -> Project:
    """Turn a target into a project lead (线索) of the pipeline on its chain and link, led by `lead_unit` (by default the
    actor's unit). The planned amount is the clerk's estimate: the pipeline requires one, and nothing in the directory
    says it. Raises ProjectError (a bad amount, a similar project of the enterprise) or TargetingError."""
    require(actor, "manage")
    mark = TargetMark.objects.select_for_update(of=("self",)).select_related("enterprise", "chain", "link").get(pk=mark.pk)
    if mark.status == MarkStatus.LEAD:
        raise TargetingError(f"“{mark.enterprise.name}”已转为线索项目（编号{mark.project_id}）")
    if mark.status == MarkStatus.DROPPED:
        raise TargetingError("该目标企业已放弃，请先重新标记")
    lead_unit = lead_unit or actor.unit
    if lead_unit is None:
        raise TargetingError("请选择牵头单位")
    if amount_wan in (None, ""):
        raise TargetingError("请填写预计投资额（万元），线索阶段可填预估值")
    enterprise = mark.enterprise
    project = project_create(actor=actor, allow_duplicate=allow_duplicate, data=ProjectInput(
        name=(name or "").strip() or lead_name(mark), enterprise_name=enterprise.name, credit_code=enterprise.credit_code,
        amount_wan=amount_wan, lead_unit=lead_unit, chain=mark.chain, chain_link=mark.link, stage=Stage.LEAD,
        channel=Channel.DIRECT, source=f"招商靶向：{mark.chain.name}·{mark.link.name if mark.link_id else '全链'}（匹配得分{mark.score}）",
        notes=LEAD_NOTE))
    before = snapshot(mark)
    mark.status, mark.project = MarkStatus.LEAD, project
    mark.save(update_fields=["status", "project", "updated_at"])
    audit_record(actor=actor, action="update", obj=mark, before=before, after=snapshot(mark))
    return project
