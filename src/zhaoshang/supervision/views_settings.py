"""The office's supervision settings: reporting cycles and the holiday calendar."""

import datetime

from django.contrib import messages
from django.shortcuts import redirect, render

from zhaoshang.core.decorators import page
from zhaoshang.core.permissions import get_for
from zhaoshang.plans.models import Task
from zhaoshang.plans.selectors import current_plan_for
from zhaoshang.supervision.calendar import CYCLE_LABELS
from zhaoshang.supervision.cycles import CycleBook
from zhaoshang.supervision.errors import SupervisionError
from zhaoshang.supervision.models import WorkdayOverride
from zhaoshang.supervision.services.settings import cycle_set, workday_override_delete, workday_override_set


def _int(value, default=0) -> int:
    return int(value) if str(value).isdigit() else default


@page("supervise")
def settings_page(request):
    plan = current_plan_for(user=request.user)
    if request.method == "POST" and plan is not None:
        try:
            _apply(request, plan)
        except (SupervisionError, ValueError) as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "已保存。")
        return redirect("supervision:settings")
    tasks = list(plan.tasks.all()) if plan else []
    book = CycleBook([plan.pk]) if plan else None
    return render(request, "supervision/settings.html", {
        "plan": plan, "cycles": [(c.value, label) for c, label in CYCLE_LABELS.items()],
        "plan_cycle": book.by_plan.get(plan.pk) if book else None,
        "tasks": [(t, book.by_task.get(t.pk)) for t in tasks],
        "overrides": WorkdayOverride.objects.all(),
    })


def _apply(request, plan) -> None:
    form = request.POST
    if form.get("what") == "plan":
        cycle_set(actor=request.user, plan=plan, cycle=form["cycle"], due_day=_int(form.get("due_day")))
    elif form.get("what") == "task":
        task = get_for(request.user, "view", Task.objects.filter(plan=plan), pk=_int(form.get("task")))
        cycle_set(actor=request.user, plan=plan, task=task, cycle=form.get("cycle", ""), due_day=_int(form.get("due_day"), 25))
    elif form.get("what") == "holiday":
        day = datetime.date.fromisoformat(form.get("date", ""))
        workday_override_set(actor=request.user, date=day, is_workday=form.get("is_workday") == "1", note=form.get("note", ""))
    elif form.get("what") == "holiday_delete":
        override = WorkdayOverride.objects.filter(pk=_int(form.get("id"))).first()
        if override:
            workday_override_delete(actor=request.user, override=override)
