"""The demo's indicators: with the demo pipeline every task of the notice shows live figures, mostly non-zero, some
met and some behind; baselines, confirmed value histories, milestones with evidence, indicators the office added."""

import datetime

from django.conf import settings

from zhaoshang.core.models import AuditLog
from zhaoshang.demo.kpis import KpiWriter, evidence_png
from zhaoshang.demo.meetings_needs import MeetingsNeedsWriter
from zhaoshang.demo.projects import ProjectWriter
from zhaoshang.kpis.choices import Kind, ValueStatus
from zhaoshang.kpis.models import Kpi, KpiValue
from zhaoshang.kpis.selectors import overview
from zhaoshang.supervision.evidence import evidence_type
from zhaoshang.supervision.lights import Light

TODAY = datetime.date(2026, 1, 20)
YEAR_END = datetime.date(2025, 12, 31)


def test_every_task_shows_live_figures_some_met_some_behind(demo, office):
    ProjectWriter(demo, office, TODAY).write()
    MeetingsNeedsWriter(office, TODAY).write()
    written = KpiWriter(demo, office, TODAY).write()
    assert written > 20
    blocks = overview(demo, YEAR_END)
    assert [block.task.number for block in blocks] == [str(n) for n in range(1, 19)]
    for block in blocks:
        figures = block.figures + [part for parts in block.parts.values() for part in parts]
        assert figures and any(f.actual for f in figures), block.task.number  # something counted or reported
        assert all(f.light != Light.GREY for f in figures), block.task.number  # no figure is missing its data
    lights = {f.light for block in blocks for f in block.figures}
    assert {Light.GREEN, Light.RED} <= lights


def test_values_milestones_baselines_and_added_indicators(demo, office):
    KpiWriter(demo, office, TODAY).write()
    output = Kpi.objects.get(plan=demo, kind=Kind.REPORTED, unit="亿元")
    history = list(output.values.order_by("as_of", "id").values_list("value", "status"))
    assert len(history) == 13 and [status for _, status in history].count(ValueStatus.REJECTED) == 1
    confirmed = [float(value) for value, status in history if status == ValueStatus.CONFIRMED]
    assert confirmed == sorted(confirmed) and confirmed[-1] == 406.8  # monthly, rising to the goal and past it
    assert not KpiValue.objects.filter(entered_at__date__gt=TODAY).exists()
    done = {kpi.target.tasks.first().number: kpi.values.filter(status=ValueStatus.CONFIRMED).exists()
            for kpi in Kpi.objects.filter(plan=demo, kind=Kind.MILESTONE)}
    assert done == {"9": True, "11": True, "17": False}
    for row in KpiValue.objects.filter(kpi__kind=Kind.MILESTONE):
        evidence_type(row.evidence.name, row.evidence.read(), settings.MAX_ATTACHMENT_BYTES)  # a valid PDF or PNG
    growth = Kpi.objects.filter(plan=demo, kind__in=[Kind.GROWTH_COUNT, Kind.GROWTH_AMOUNT])
    assert all(kpi.baseline and "2024年" in kpi.baseline_source for kpi in growth) and growth.count() == 2
    meetings = Kpi.objects.get(plan=demo, registry="meetings_review")
    assert (meetings.year, meetings.due_on) == (2026, datetime.date(2026, 12, 31))
    soe = Kpi.objects.get(plan=demo, kind=Kind.PROJECT_COUNT, channel="soe", parent=None)
    assert [(k.split_label, k.channel_detail, int(k.goal)) for k in soe.children.order_by("id")] == [
        ("市城发集团", "城发集团", 3), ("市农发集团", "农发集团", 3), ("市江汉投公司、市高新集团（股权直投）", "股权直投", 2)]
    created = AuditLog.objects.filter(action="create", object_type="kpis.kpi", actor=office).count()
    assert created == 6  # two meeting counts, the SOE parent and its three parts


def test_nothing_is_written_after_today(demo, office):
    KpiWriter(demo, office, datetime.date(2025, 9, 1)).write()
    assert KpiValue.objects.filter(as_of__gt=datetime.date(2025, 8, 30)).count() == 0
    assert KpiValue.objects.filter(status=ValueStatus.SUBMITTED).exists()  # the latest waits for the office
    assert evidence_png().startswith(b"\x89PNG")
