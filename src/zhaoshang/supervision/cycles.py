"""Which cycle an assignment is reported on, and the working-day calendar with the office's corrections."""

import datetime

from django.utils import timezone

from zhaoshang.plans.models import Plan, Task
from zhaoshang.supervision.calendar import Cycle, Period, WorkCalendar, period_containing
from zhaoshang.supervision.models import CycleSetting, WorkdayOverride

DEFAULT_CYCLE, DEFAULT_DUE_DAY = Cycle.MONTHLY, 25


def work_calendar() -> WorkCalendar:
    return WorkCalendar(dict(WorkdayOverride.objects.values_list("date", "is_workday")))


def plan_start(plan: Plan) -> datetime.date:
    """When the plan's clock starts (序时进度 and the first reporting period)."""
    return plan.issued_on or plan.created_at.date()


class CycleBook:
    """Cycle settings of some plans, loaded once: the task's own, else the plan's, else monthly on the 25th."""

    def __init__(self, plan_ids):
        self.by_plan, self.by_task = {}, {}
        for row in CycleSetting.objects.filter(plan_id__in=set(plan_ids)):
            target = self.by_task if row.task_id else self.by_plan
            target[row.task_id or row.plan_id] = (Cycle(row.cycle), row.due_day)

    def for_task(self, task: Task) -> tuple[Cycle, int]:
        return self.by_task.get(task.pk) or self.by_plan.get(task.plan_id) or (DEFAULT_CYCLE, DEFAULT_DUE_DAY)


def current_period(task: Task, day: datetime.date | None = None, calendar: WorkCalendar | None = None) -> Period:
    """The reporting period containing `day` (today in Asia/Shanghai) for the task's cycle."""
    cycle, due_day = CycleBook([task.plan_id]).for_task(task)
    return period_containing(cycle, due_day, day or timezone.localdate(), calendar or work_calendar(),
                             anchor=plan_start(task.plan))
