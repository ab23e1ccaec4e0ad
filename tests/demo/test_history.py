"""The demo's supervision history gives every light and every page something to show."""

import datetime

from zhaoshang.core.models import AuditLog
from zhaoshang.demo.history import HistoryWriter
from zhaoshang.plans.models import Assignment
from zhaoshang.supervision.models import Problem, ProgressReport, Urge
from zhaoshang.supervision.selectors.status import statuses_as_of


def test_history_has_reports_returns_urges_problems_and_every_light(demo, office):
    written = HistoryWriter(demo, office, datetime.date(2025, 12, 20)).write()
    assert written == ProgressReport.objects.count() > 200
    assert AuditLog.objects.filter(action="return").exists()
    assert Urge.objects.exists()
    assert Problem.objects.filter(status="open").exists() and Problem.objects.filter(status="resolved").exists()
    assignments = Assignment.objects.select_related("measure__task__plan", "unit")
    lights = {s.light for s in statuses_as_of(assignments, datetime.date(2025, 9, 30)).values()}
    lights |= {s.light for s in statuses_as_of(assignments, datetime.date(2025, 6, 20)).values()}
    assert lights == {"green", "yellow", "red", "grey", "blue"}
    assert not ProgressReport.objects.filter(first_submitted_at__date__gt=datetime.date(2025, 12, 20)).exists()
