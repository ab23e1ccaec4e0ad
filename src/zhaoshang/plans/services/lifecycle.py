"""A plan's life: archived when its year is over (read-only from then on), or deleted into the recycle bin."""

from django.db import transaction

from zhaoshang.core.audit import audit_record, snapshot
from zhaoshang.core.services import object_soft_delete, require
from zhaoshang.plans.models import Plan


@transaction.atomic
def plan_set_archived(*, actor, plan: Plan, archived: bool) -> Plan:
    """Archive a plan (no more edits or revisions) or bring it back into use."""
    require(actor, "manage")
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    if plan.is_archived != archived:
        before = snapshot(plan)
        plan.is_archived = archived
        plan.save(update_fields=["is_archived"])
        audit_record(actor=actor, action="archive" if archived else "unarchive", obj=plan, before=before, after=snapshot(plan))
    return plan


def plan_delete(*, actor, plan: Plan) -> Plan:
    """Move a plan to the recycle bin; everything under it stays and comes back with it."""
    return object_soft_delete(obj=plan, actor=actor)
