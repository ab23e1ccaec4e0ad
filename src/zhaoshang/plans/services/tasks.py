"""The office names a task (简称); its name then survives every revision of the notice."""

from django.db import transaction

from zhaoshang.core.audit import audit_record, snapshot
from zhaoshang.core.services import require
from zhaoshang.plans.errors import PlanError
from zhaoshang.plans.models import Task
from zhaoshang.plans.short_titles import derive_short_title

MAX_TITLE = Task._meta.get_field("short_title").max_length


@transaction.atomic
def task_short_title_set(*, actor, task: Task, short_title: str) -> Task:
    """Set the task's short title as the office wrote it; an empty title goes back to the one derived from the notice."""
    require(actor, "manage")
    task = Task.objects.select_for_update(of=("self",)).select_related("target", "focus", "plan").get(pk=task.pk)
    if task.plan.is_archived:
        raise PlanError("该任务清单已归档，不能修改。")
    short_title = " ".join(short_title.split())
    if len(short_title) > MAX_TITLE:
        raise PlanError(f"任务简称不超过{MAX_TITLE}个字。")
    before = snapshot(task)
    if short_title:
        task.short_title, task.short_title_by_office = short_title, True
    else:
        shared = Task.objects.filter(plan_id=task.plan_id, target_id=task.target_id).count() > 1 if task.target_id else False
        task.short_title = derive_short_title(
            measures=list(task.measures.order_by("ordinal", "id").values_list("text", flat=True)),
            target=task.target.text if task.target else "", focus=task.focus.name if task.focus else "",
            shared_target=shared)
        task.short_title_by_office = False
    if (task.short_title, task.short_title_by_office) != (before["short_title"], before["short_title_by_office"]):
        task.save(update_fields=["short_title", "short_title_by_office"])
        audit_record(actor=actor, action="update", obj=task, before=before, after=snapshot(task))
    return task
