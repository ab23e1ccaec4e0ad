"""The office urges a unit (催办) and works through the problems needing coordination."""

from django.db import transaction
from django.utils import timezone

from zhaoshang.core.audit import audit_record, snapshot
from zhaoshang.core.services import require
from zhaoshang.plans.models import Assignment
from zhaoshang.supervision.choices import NotificationKind, ProblemStatus
from zhaoshang.supervision.errors import SupervisionError
from zhaoshang.supervision.models import Problem, Urge
from zhaoshang.supervision.services.notify import notify_unit


@transaction.atomic
def assignment_urge(*, actor, assignment: Assignment, message: str) -> Urge:
    """Urge the assignment's unit; its users get a notification (and an e-mail when SMTP is set)."""
    require(actor, "supervise")
    message = message.strip()
    if not message:
        raise SupervisionError("请填写催办内容。")
    urge = Urge.objects.create(assignment=assignment, message=message[:2000], created_by=actor)
    audit_record(actor=actor, action="urge", obj=urge, after=snapshot(urge))
    task = assignment.measure.task
    notify_unit(unit_id=assignment.unit_id, kind=NotificationKind.URGED, text=f"{task.display_name}催办：{message[:200]}",
                url=f"/supervision/assignments/{assignment.pk}/report/")
    return urge


@transaction.atomic
def problem_update(*, actor, problem: Problem, owner_unit=None, outcome: str = "", resolved: bool = False) -> Problem:
    """Give a coordination problem an owner unit and an outcome; resolving needs an outcome."""
    require(actor, "supervise")
    if resolved and not outcome.strip():
        raise SupervisionError("标记为已解决时请填写协调结果。")
    before = snapshot(problem)
    problem.owner_unit = owner_unit
    problem.outcome = outcome.strip()
    problem.status = ProblemStatus.RESOLVED if resolved else ProblemStatus.OPEN
    problem.resolved_at = timezone.now() if resolved else None
    problem.save(update_fields=["owner_unit", "outcome", "status", "resolved_at"])
    audit_record(actor=actor, action="update", obj=problem, before=before, after=snapshot(problem))
    return problem
