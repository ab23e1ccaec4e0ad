"""Which cycle an assignment is reported on, and the working-day calendar with the office's corrections."""

import datetime
import re

from django.utils import timezone

from zhaoshang.plans.models import Plan, Task
from zhaoshang.supervision.calendar import Cycle, Period, WorkCalendar, period_containing
from zhaoshang.supervision.models import CycleSetting, WorkdayOverride

DEFAULT_CYCLE, DEFAULT_DUE_DAY = Cycle.MONTHLY, 25


def work_calendar() -> WorkCalendar:
    return WorkCalendar(dict(WorkdayOverride.objects.values_list("date", "is_workday")))


def plan_start(plan: Plan) -> datetime.date:
    """When the plan's clock starts (序时进度 and the first reporting period)."""
    return plan.issued_on or timezone.localtime(plan.created_at).date()


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


# How a period is written in the API and in ?period=, per cycle
KEY_FORMATS = {
    Cycle.MONTHLY: "YYYY-MM（如2025-10）",
    Cycle.QUARTERLY: "YYYY-Qn（如2025-Q3）",
    Cycle.WEEKLY: "YYYY-Www（如2025-W37）",
    Cycle.BIWEEKLY: "YYYY-Bnn（如2025-B03，自计划开始起的第几个两周）",
}
_KEY = re.compile(r"(\d{4})-(?:(\d{2})|Q([1-4])|W(\d{2})|B(\d{2,3}))")


def _first_day_of(cycle: Cycle, key: str, anchor: datetime.date | None) -> datetime.date | None:
    match = _KEY.fullmatch(key)
    if match is None:
        return None
    year, month, quarter, week, fortnight = match.groups()
    try:
        if cycle is Cycle.MONTHLY and month:
            return datetime.date(int(year), int(month), 1)
        if cycle is Cycle.QUARTERLY and quarter:
            return datetime.date(int(year), int(quarter) * 3 - 2, 1)
        if cycle is Cycle.WEEKLY and week:
            return datetime.date.fromisocalendar(int(year), int(week), 1)
        if cycle is Cycle.BIWEEKLY and fortnight and anchor and int(fortnight) >= 1:
            return anchor - datetime.timedelta(days=anchor.weekday() - 14 * (int(fortnight) - 1))
    except ValueError:  # month 13, week 54, a year out of range
        return None
    return None


def period_for_key(cycle: Cycle, due_day: int, key: str, calendar: WorkCalendar,
                   anchor: datetime.date | None = None) -> Period | None:
    """The period of `cycle` written `key` ("2025-09", "2025-Q3", "2025-W37", "2025-B03"); None if it is not one."""
    day = _first_day_of(Cycle(cycle), key, anchor)
    if day is None:
        return None
    period = period_containing(cycle, due_day, day, calendar, anchor=anchor)
    return period if period.key == key else None


def task_period_for_key(task: Task, key: str) -> tuple[Cycle, Period | None]:
    """The task's cycle and its period written `key` (None if `key` is not a period of that cycle)."""
    cycle, due_day = CycleBook([task.plan_id]).for_task(task)
    return cycle, period_for_key(cycle, due_day, key, work_calendar(), anchor=plan_start(task.plan))
