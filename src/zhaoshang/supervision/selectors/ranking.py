"""The unit ranking (责任单位排名): on-time reporting, completion, urges and returns, as of a date.

Per unit, over the assignments the user follows (`supervised_assignments`):

- due periods: the reporting periods due by `as_of` (until the period the assignment was reported done);
- on time: a due period whose report was first submitted on or before its due date (Beijing time);
  late: submitted after it but by `as_of`; missing: nothing submitted by `as_of`;
- on-time rate: on time / due periods, in percent (None when nothing was due yet);
- completion: the mean progress of the unit's assignments, in percent. An assignment reported done counts 100,
  otherwise the percent of its newest report (submitted by `as_of`) that gives one, otherwise 0. The mean
  percent is used rather than the share of assignments done, which is zero for most units until the deadlines;
- times urged: urges (催办) created by the end of `as_of`;
- times returned: "return" audit entries on the unit's reports by the end of `as_of` (a report returned and
  resubmitted still counts); a report in status returned with no such entry counts once;
- light: the worst light of its assignments.

Order: on-time rate desc (nothing due last), completion desc, urged asc, returned asc, then name and id, so the
order is total. Units with equal figures share a rank (1, 2, 2, 4). A fixed number of queries whatever the data size.
"""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, replace

from django.utils import timezone

from zhaoshang.core.models import AuditLog
from zhaoshang.supervision.choices import ReportStatus, WorkStatus
from zhaoshang.supervision.lights import LIGHT_LABELS, Light, worst
from zhaoshang.supervision.models import ProgressReport, Urge
from zhaoshang.supervision.selectors.status import AssignmentStatus, statuses_as_of
from zhaoshang.supervision.selectors.work import supervised_assignments

REPORT_TYPE = ProgressReport._meta.label_lower


@dataclass(frozen=True)
class UnitRank:
    """One unit's line in the ranking: plain values only, so two rankings compare equal field by field."""

    rank: int
    unit_id: int
    unit_name: str
    assignments: int
    lead_assignments: int
    due_periods: int
    on_time: int
    late: int
    missing: int
    on_time_rate: float | None
    completion: float
    done: int
    urged: int
    returned: int
    light: Light

    @property
    def light_label(self) -> str:
        return LIGHT_LABELS[self.light]

    @property
    def metrics(self) -> tuple:
        """What the rank is decided on (the name only orders equal units)."""
        rate = -1.0 if self.on_time_rate is None else self.on_time_rate
        return (-rate, -self.completion, self.urged, self.returned)


def end_of(day: datetime.date) -> datetime.datetime:
    """The last instant of `day` in Beijing time."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.max))


def is_done(status: AssignmentStatus) -> bool:
    """Whether the newest report submitted by the status date says done."""
    return status.latest is not None and status.latest.work_status == WorkStatus.DONE


def assignment_progress(status: AssignmentStatus) -> int:
    """An assignment's progress as of the status date: 100 when done, else the newest reported percent, else 0."""
    if is_done(status):
        return 100
    reports = sorted(status.reported.values(), key=lambda r: (r.due_date, r.pk), reverse=True)
    return next((r.percent for r in reports if r.percent is not None), 0)


def _periods(status: AssignmentStatus) -> tuple[int, int]:
    """(on time, late) among the due periods that were reported."""
    on_time = late = 0
    for period in status.due:
        report = status.reported.get(period.key)
        if report is None:
            continue
        if timezone.localtime(report.first_submitted_at).date() <= period.due:
            on_time += 1
        else:
            late += 1
    return on_time, late


def _urges_by_unit(ids: list[int], until: datetime.datetime) -> Counter:
    rows = Urge.objects.filter(assignment_id__in=ids, created_at__lte=until).values_list("assignment__unit_id", flat=True)
    return Counter(rows)


def _returns_by_unit(ids: list[int], until: datetime.datetime) -> Counter:
    """Return events per unit: audit entries, plus returned reports that have none (data entered by hand)."""
    reports = ProgressReport.objects.filter(assignment_id__in=ids).values_list("pk", "assignment__unit_id", "status", "reviewed_at")
    unit_of, returned_now = {}, {}
    for pk, unit_id, status, reviewed_at in reports:
        unit_of[str(pk)] = unit_id
        if status == ReportStatus.RETURNED and reviewed_at is not None and reviewed_at <= until:
            returned_now[str(pk)] = unit_id
    # Returns are few; reading them all avoids an IN list as long as every report (SQLite caps its parameters).
    entries = Counter(object_id for object_id in AuditLog.objects.filter(
        action="return", object_type=REPORT_TYPE, created_at__lte=until,
    ).values_list("object_id", flat=True) if object_id in unit_of)
    counts = Counter()
    for object_id, times in entries.items():
        counts[unit_of[object_id]] += times
    for object_id, unit_id in returned_now.items():
        if object_id not in entries:
            counts[unit_id] += 1
    return counts


def rank_units(statuses: list[AssignmentStatus], urged: Counter, returned: Counter) -> list[UnitRank]:
    """Rank the units of some statuses (pure: no database)."""
    by_unit: dict[int, list[AssignmentStatus]] = defaultdict(list)
    for status in statuses:
        by_unit[status.assignment.unit_id].append(status)
    rows = [_unit_row(unit_statuses, urged[unit_id], returned[unit_id]) for unit_id, unit_statuses in by_unit.items()]
    rows.sort(key=lambda r: (r.metrics, r.unit_name, r.unit_id))
    ranked: list[UnitRank] = []
    for index, row in enumerate(rows):
        tied = ranked and ranked[-1].metrics == row.metrics
        ranked.append(replace(row, rank=ranked[-1].rank if tied else index + 1))
    return ranked


def _unit_row(statuses: list[AssignmentStatus], urged: int, returned: int) -> UnitRank:
    unit = statuses[0].assignment.unit
    due = sum(len(s.due) for s in statuses)
    on_time = late = 0
    for status in statuses:
        in_time, after = _periods(status)
        on_time, late = on_time + in_time, late + after
    progress = [assignment_progress(s) for s in statuses]
    return UnitRank(
        rank=0, unit_id=unit.pk, unit_name=unit.display_name, assignments=len(statuses),
        lead_assignments=sum(1 for s in statuses if s.assignment.is_lead), due_periods=due, on_time=on_time,
        late=late, missing=sum(len(s.missing) for s in statuses),
        on_time_rate=round(on_time / due * 100, 1) if due else None,
        completion=round(sum(progress) / len(progress), 1), done=sum(1 for s in statuses if is_done(s)),
        urged=urged, returned=returned, light=worst(s.light for s in statuses),
    )


def ranking_for(statuses: list[AssignmentStatus], as_of: datetime.date) -> list[UnitRank]:
    """Rank the units of statuses computed as of `as_of`, counting their urges and returns by then (three queries)."""
    ids = [s.assignment.pk for s in statuses]
    until = end_of(as_of)
    return rank_units(statuses, _urges_by_unit(ids, until), _returns_by_unit(ids, until))


def unit_ranking(*, user, as_of: datetime.date, plan=None) -> list[UnitRank]:
    """Every unit the user follows, ranked as of `as_of` (see the module docstring for each figure)."""
    return ranking_for(list(statuses_as_of(supervised_assignments(user=user, plan=plan), as_of).values()), as_of)
