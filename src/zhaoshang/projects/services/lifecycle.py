"""Moving a project through its lifecycle: dated, evidenced, attributed; backwards only with the office's reason."""

import datetime

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from zhaoshang.core.audit import audit_record, snapshot
from zhaoshang.core.permissions import OFFICE, can_work_on_unit, role_of
from zhaoshang.core.services import PermissionDenied
from zhaoshang.projects.choices import REACHED, STAGE_INDEX, Stage, State
from zhaoshang.projects.errors import ProjectError, StaleStage
from zhaoshang.projects.models import Project, StageChange, StageRetreat
from zhaoshang.supervision.evidence import EvidenceError, evidence_type

STATES = {State.STALLED.value, State.TERMINATED.value}


@transaction.atomic
def project_stage_change(*, actor, project: Project, stage: str, happened_on: datetime.date, note: str = "",
                         evidence: UploadedFile | None = None, expected_stage: str | None = None,
                         expected_state: str | None = None) -> StageChange:
    """Move `project` to a lifecycle stage, or to 停滞/终止 (stage "stalled"/"terminated", `note` = the reason).

    Forward moves may skip stages (the skipped ones get the same date); going back needs the office and a
    reason; the date may be in the past but not in the future, nor before the project's last change.
    `expected_stage`/`expected_state` are what the user saw: if the project moved meanwhile, `StaleStage` (the
    row is locked first, so of two concurrent changes from the same stage only one passes)."""
    project = Project.objects.select_for_update().get(pk=project.pk)
    if not can_work_on_unit(actor, project.lead_unit_id):
        raise PermissionDenied("只能变更本单位牵头项目的阶段")
    _check_not_stale(project, expected_stage, expected_state)
    if project.state == State.TERMINATED:
        raise ProjectError("项目已终止，不能再变更阶段")
    if stage not in Stage.values and stage not in STATES:
        raise ProjectError(f"阶段“{stage}”不正确")
    if happened_on > timezone.localdate():
        raise ProjectError("发生日期不能晚于今天")
    # the entry record (no from-stage) dates when it was typed in, which may be later than what happened
    last = project.stage_changes.exclude(from_stage="").order_by("-happened_on", "-id").first()
    if last and happened_on < last.happened_on:
        raise ProjectError(f"发生日期不能早于上一次变更（{last.happened_on:%Y-%m-%d}）")
    note = note.strip()
    before = snapshot(project)
    change = StageChange(project=project, from_stage=project.stage, from_state=project.state, happened_on=happened_on,
                         note=note[:500], actor=actor, to_stage=project.stage, to_state=project.state)
    if stage in STATES:
        if not note:
            raise ProjectError("停滞或终止请说明原因")
        change.to_state = project.state = stage
        project.state_reason = note[:300]
        if stage == State.TERMINATED:
            project.terminated_on = happened_on
    else:
        _move(project, stage, happened_on, actor, note)
        change.to_stage, change.to_state = stage, State.ACTIVE
    if evidence is not None:
        check_evidence(evidence)
        change.evidence.save(evidence.name, evidence, save=False)
    change.save()
    project.save()
    audit_record(actor=actor, action="stage", obj=project, before=before, after=snapshot(project))
    return change


def _check_not_stale(project: Project, expected_stage: str | None, expected_state: str | None) -> None:
    if expected_stage and expected_stage != project.stage:
        raise StaleStage(project.get_stage_display())
    if expected_state and expected_state != project.state:
        raise StaleStage(project.get_state_display())


def _move(project: Project, stage: str, happened_on: datetime.date, actor, note: str) -> None:
    going_back = STAGE_INDEX[stage] < STAGE_INDEX[project.stage]
    if going_back and (role_of(actor) != OFFICE or not note):
        raise ProjectError("阶段回退须由督办办公室操作并说明原因")
    for reached, attribute in REACHED.items():
        index = STAGE_INDEX[reached]
        if index <= STAGE_INDEX[stage] and getattr(project, attribute) is None:
            setattr(project, attribute, happened_on)  # skipped stages get the same date
        elif index > STAGE_INDEX[stage] and getattr(project, attribute) is not None:
            # moved back before it: it no longer counts from today, but did until then
            StageRetreat.objects.create(project=project, stage=reached, reached_on=getattr(project, attribute),
                                        retreated_on=happened_on)
            setattr(project, attribute, None)
    if stage != project.stage or project.state != State.ACTIVE:
        project.stage_since = happened_on
    project.stage, project.state, project.state_reason = stage, State.ACTIVE, ""


def check_evidence(evidence: UploadedFile) -> None:
    """A contract, licence or photo, judged by its content (PDF, JPG/PNG, Word, Excel), not too large."""
    data = evidence.read()
    evidence.seek(0)
    try:
        evidence_type(evidence.name, data, settings.MAX_ATTACHMENT_BYTES)
    except EvidenceError as error:
        raise ProjectError(f"佐证材料：{error}") from None
