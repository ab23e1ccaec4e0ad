"""The office escalates an assignment to a leader with a numbered supervision notice (督办单)."""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from zhaoshang.accounts.choices import Role
from zhaoshang.core.audit import audit_record, snapshot
from zhaoshang.core.services import require
from zhaoshang.plans.models import Assignment
from zhaoshang.supervision.errors import SupervisionError
from zhaoshang.supervision.models import Escalation, Notification


@transaction.atomic
def assignment_escalate(*, actor, assignment: Assignment, leader, reason: str) -> Escalation:
    """Number a new 督办单 for the year and tell the leader."""
    require(actor, "supervise")
    if leader is None or leader.role != Role.LEADER or not leader.is_active:
        raise SupervisionError("请选择呈报的领导。")
    if not reason.strip():
        raise SupervisionError("请填写督办事由及要求。")
    year = timezone.localdate().year
    serial = (Escalation.objects.select_for_update().filter(year=year).aggregate(n=Max("serial"))["n"] or 0) + 1
    escalation = Escalation.objects.create(assignment=assignment, leader=leader, year=year, serial=serial,
                                           reason=reason.strip()[:2000], created_by=actor)
    audit_record(actor=actor, action="escalate", obj=escalation, after=snapshot(escalation))
    Notification.objects.create(user=leader, kind="urged", url=f"/supervision/escalations/{escalation.pk}/notice.docx",
                                text=f"{escalation.number}：{assignment.measure.task.display_name}（{assignment.unit.display_name}）请阅示")
    return escalation
