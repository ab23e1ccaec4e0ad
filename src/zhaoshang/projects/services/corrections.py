"""The office corrects a recorded stage change: its date, note or evidence, with a reason. The dates the change set on
the project (signed_on …, stage_since, terminated_on, the retreats it recorded) follow the corrected date, so the
indicators counted as of any day follow it too."""

import datetime

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from zhaoshang.core.audit import audit_record
from zhaoshang.core.permissions import OFFICE, role_of
from zhaoshang.core.services import PermissionDenied
from zhaoshang.projects.choices import REACHED, STAGE_INDEX, Stage, State
from zhaoshang.projects.errors import ProjectError
from zhaoshang.projects.models import Project, StageChange, StageRetreat
from zhaoshang.projects.services.lifecycle import check_evidence

STAGE_LABELS = dict(Stage.choices)


@transaction.atomic
def stage_change_correct(*, actor, change: StageChange, happened_on: datetime.date, note: str, reason: str,
                         evidence: UploadedFile | None = None) -> StageChange:
    """Correct a stage change (the office only, with a reason). The date stays between the project's previous and next
    changes and never in the future, and the project's stage dates stay in order (签约 ≤ 注册 ≤ 开工 ≤ 投产)."""
    if role_of(actor) != OFFICE:
        raise PermissionDenied("只有督办办公室可以更正阶段变更")
    reason = (reason or "").strip()
    if not reason:
        raise ProjectError("请说明更正原因")
    project = Project.objects.select_for_update().get(pk=change.project_id)
    change = StageChange.objects.get(pk=change.pk)
    if happened_on > timezone.localdate():
        raise ProjectError("发生日期不能晚于今天")
    _check_between_neighbours(change, happened_on)
    old = {"happened_on": change.happened_on, "note": change.note, "evidence": change.evidence.name or None}
    if happened_on != change.happened_on:
        _move_dates(project, change, change.happened_on, happened_on)
        _check_stage_dates_in_order(project)
        change.happened_on = happened_on
        project.save()
    change.note = (note or "").strip()[:500]
    if evidence is not None:
        check_evidence(evidence)
        change.evidence.save(evidence.name, evidence, save=False)  # the old file stays in storage, named in the log
    change.save()
    new = {"happened_on": change.happened_on, "note": change.note, "evidence": change.evidence.name or None}
    changed = [key for key in new if new[key] != old[key]]
    if not changed:
        raise ProjectError("没有需要更正的内容")
    audit_record(actor=actor, action="correct", obj=change, before={k: old[k] for k in changed},
                 after={**{k: new[k] for k in changed}, "reason": reason[:300]})
    return change


def _check_between_neighbours(change: StageChange, day: datetime.date) -> None:
    """Changes happen in the order they were entered: the corrected one stays after the one before it (the entry
    record aside, as project_stage_change has it) and before the one after it."""
    others = StageChange.objects.filter(project_id=change.project_id)
    previous = others.filter(pk__lt=change.pk).exclude(from_stage="").order_by("-pk").first()
    following = others.filter(pk__gt=change.pk).order_by("pk").first()
    if previous and day < previous.happened_on:
        raise ProjectError(f"更正后的日期不能早于上一次变更（{previous.happened_on:%Y-%m-%d}，{_label(previous)}）")
    if following and day > following.happened_on:
        raise ProjectError(f"更正后的日期不能晚于下一次变更（{following.happened_on:%Y-%m-%d}，{_label(following)}）")


def _label(change: StageChange) -> str:
    if change.to_state != State.ACTIVE:
        return change.get_to_state_display()
    return change.get_to_stage_display()


def _move_dates(project: Project, change: StageChange, old: datetime.date, new: datetime.date) -> None:
    """Set `new` wherever `change` had written `old`: the stages it reached, the stage it entered, the end it recorded,
    the retreats it caused (and the later retreats of the stages it reached)."""
    reached = _reached_by(change)
    for stage in reached:
        attribute = REACHED[stage]
        if getattr(project, attribute) == old:
            setattr(project, attribute, new)
    if reached:
        StageRetreat.objects.filter(project=project, stage__in=reached, reached_on=old).update(reached_on=new)
    lost = _lost_by(change)
    if lost:
        StageRetreat.objects.filter(project=project, stage__in=lost, retreated_on=old).update(retreated_on=new)
    latest = project.stage_changes.order_by("-pk").first()
    entered = change.to_state == State.ACTIVE and (not change.from_stage or change.to_stage != change.from_stage
                                                   or change.from_state != State.ACTIVE)
    if entered and project.stage_since == old and not _entered_later(change):
        project.stage_since = new
    if change.to_state == State.TERMINATED and latest and latest.pk == change.pk and project.terminated_on == old:
        project.terminated_on = new


def _reached_by(change: StageChange) -> list[str]:
    """The counted stages a change reached: from its from-stage (exclusive; all up to it for the entry record)."""
    if change.to_state != State.ACTIVE:
        return []
    start = STAGE_INDEX[change.from_stage] if change.from_stage else -1
    return [stage for stage in REACHED if start < STAGE_INDEX[stage] <= STAGE_INDEX[change.to_stage]]


def _lost_by(change: StageChange) -> list[str]:
    """The counted stages a move back lost."""
    if not change.from_stage or change.to_state != State.ACTIVE:
        return []
    return [stage for stage in REACHED if STAGE_INDEX[change.to_stage] < STAGE_INDEX[stage] <= STAGE_INDEX[change.from_stage]]


def _entered_later(change: StageChange) -> bool:
    """Whether a later change entered a stage (restarting the stage clock after this one)."""
    later = StageChange.objects.filter(project_id=change.project_id, pk__gt=change.pk, to_state=State.ACTIVE)
    return any(c.to_stage != c.from_stage or c.from_state != State.ACTIVE for c in later)


def _check_stage_dates_in_order(project: Project) -> None:
    dates = [(stage, getattr(project, attribute)) for stage, attribute in REACHED.items() if getattr(project, attribute)]
    for (first, first_on), (second, second_on) in zip(dates, dates[1:]):
        if first_on > second_on:
            raise ProjectError(f"更正后{STAGE_LABELS[first]}日期（{first_on:%Y-%m-%d}）晚于{STAGE_LABELS[second]}日期"
                               f"（{second_on:%Y-%m-%d}），阶段日期须按先后顺序")
