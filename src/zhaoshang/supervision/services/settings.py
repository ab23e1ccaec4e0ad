"""The office sets reporting cycles (per plan, per task) and corrects the holiday calendar."""

import datetime

from django.db import transaction

from zhaoshang.core.audit import audit_record, snapshot
from zhaoshang.core.services import require
from zhaoshang.plans.models import Plan, Task
from zhaoshang.supervision.calendar import Cycle, WorkCalendar, period_containing
from zhaoshang.supervision.errors import SupervisionError
from zhaoshang.supervision.models import CycleSetting, WorkdayOverride


def _check(cycle: str, due_day: int) -> None:
    try:
        period_containing(Cycle(cycle), due_day, datetime.date(2025, 1, 1), WorkCalendar(), anchor=datetime.date(2025, 1, 1))
    except ValueError as error:
        raise SupervisionError(str(error) if str(error) else "报送周期或报送日不正确。") from None


@transaction.atomic
def cycle_set(*, actor, plan: Plan, cycle: str, due_day: int, task: Task | None = None) -> CycleSetting | None:
    """Set the plan's cycle, or a task's own (cycle "" removes the task's own, back to the plan's)."""
    require(actor, "supervise")
    existing = CycleSetting.objects.filter(plan=plan, task=task).first()
    before = snapshot(existing) if existing else None
    if task is not None and not cycle:
        if existing:
            existing.delete()
            audit_record(actor=actor, action="delete", obj=existing, before=before)
        return None
    _check(cycle, due_day)
    setting, _ = CycleSetting.objects.update_or_create(plan=plan, task=task, defaults={"cycle": cycle, "due_day": due_day})
    audit_record(actor=actor, action="update" if before else "create", obj=setting, before=before, after=snapshot(setting))
    return setting


@transaction.atomic
def workday_override_set(*, actor, date: datetime.date, is_workday: bool, note: str = "") -> WorkdayOverride:
    """Mark a date as a working day or a holiday, overriding the built-in Chinese calendar."""
    require(actor, "supervise")
    existing = WorkdayOverride.objects.filter(date=date).first()
    before = snapshot(existing) if existing else None
    row, _ = WorkdayOverride.objects.update_or_create(date=date, defaults={"is_workday": is_workday, "note": note.strip()[:100]})
    audit_record(actor=actor, action="update" if before else "create", obj=row, before=before, after=snapshot(row))
    return row


@transaction.atomic
def workday_override_delete(*, actor, override: WorkdayOverride) -> None:
    require(actor, "supervise")
    audit_record(actor=actor, action="delete", obj=override, before=snapshot(override))
    override.delete()
