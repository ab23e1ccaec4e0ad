"""The phase clock against the database: the rules from settings, a project's clock, and "flagged" as a filter
that agrees with `clock.clock_for` (rules 3-5) row for row."""

import datetime

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from zhaoshang.projects.choices import Stage, State
from zhaoshang.projects.clock import Clock, ClockInput, ClockRules, clock_for, over_budget_before


def clock_rules() -> ClockRules:
    """The rules in force (ZHAOSHANG_STAGE_BUDGETS, ZHAOSHANG_STALE_DAYS); a budget of 0 or null switches a stage's clock off."""
    budgets = {stage: months for stage, months in settings.ZHAOSHANG_STAGE_BUDGETS.items() if months}
    return ClockRules(budgets=budgets, stale_days=settings.ZHAOSHANG_STALE_DAYS)


def project_clock(project, today: datetime.date | None = None, rules: ClockRules | None = None,
                  tz: datetime.tzinfo | None = None) -> Clock:
    """One project's clock (needs only the project's own columns: no query); `tz`: the current time zone, if known."""
    today = today or timezone.localdate()
    tz = tz or timezone.get_current_timezone()
    last_update = project.updated_at.astimezone(tz).date() if project.updated_at else project.stage_since
    return clock_for(ClockInput(stage=project.stage, state=project.state, since=project.stage_since,
                                last_update=last_update, today=today), rules or clock_rules())


def attach_clocks(projects, today: datetime.date | None = None) -> list:
    """The projects as a list, each with `.clock` (the rules and the time zone looked up once, not per project)."""
    today, rules, tz = today or timezone.localdate(), clock_rules(), timezone.get_current_timezone()
    projects = list(projects)
    for project in projects:
        project.clock = project_clock(project, today, rules, tz)
    return projects


def flagged_q(today: datetime.date | None = None, rules: ClockRules | None = None) -> Q:
    """Projects the clock flags: stalled, over their stage's budget, or not updated for `stale_days` days."""
    today, rules = today or timezone.localdate(), rules or clock_rules()
    over = Q(pk__in=[])
    for stage, months in rules.budgets.items():
        if stage != Stage.PRODUCING:
            over |= Q(stage=stage, stage_since__lt=over_budget_before(today, months))
    quiet_since = today - datetime.timedelta(days=rules.stale_days - 1)
    stale = Q(updated_at__lt=timezone.make_aware(datetime.datetime.combine(quiet_since, datetime.time.min)))
    active = Q(state=State.ACTIVE) & ~Q(stage=Stage.PRODUCING)
    return (Q(state=State.STALLED) & ~Q(stage=Stage.PRODUCING)) | (active & (over | stale))
