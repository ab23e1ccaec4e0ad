"""A unit's own work on its assignments: who is responsible, how to reach them, its notes."""

import re

from django.db import transaction

from zhaoshang.core.audit import audit_record, snapshot
from zhaoshang.core.permissions import can_work_on_unit
from zhaoshang.core.services import PermissionDenied
from zhaoshang.plans.errors import PlanError
from zhaoshang.plans.models import Assignment

_PHONE = re.compile(r"^[0-9+\-() ]{5,30}$")


@transaction.atomic
def assignment_update(*, actor, assignment: Assignment, contact_person: str, contact_phone: str, note: str) -> Assignment:
    """The unit (or the office) records who answers for its part of a measure."""
    assignment = Assignment.objects.select_for_update().select_related("measure__task__plan").get(pk=assignment.pk)
    if not can_work_on_unit(actor, assignment.unit_id):
        raise PermissionDenied("只能编辑本单位的工作")
    if assignment.measure.task.plan.is_archived:
        raise PlanError("该任务清单已归档，不能修改。")
    contact_phone = contact_phone.strip()
    if contact_phone and not _PHONE.match(contact_phone):
        raise PlanError("联系电话格式不正确。")
    before = snapshot(assignment)
    assignment.contact_person = contact_person.strip()[:50]
    assignment.contact_phone = contact_phone
    assignment.note = note.strip()[:2000]
    assignment.save(update_fields=["contact_person", "contact_phone", "note"])
    audit_record(actor=actor, action="update", obj=assignment, before=before, after=snapshot(assignment))
    return assignment
