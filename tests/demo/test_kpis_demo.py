"""The demo's indicators: with the demo pipeline every task of the notice shows live figures, mostly non-zero, some
met and some behind; baselines, confirmed value histories, milestones with evidence, indicators the office added."""

import datetime

from django.conf import settings

from zhaoshang.core.models import AuditLog
from zhaoshang.demo.kpis import KpiWriter, evidence_png
from zhaoshang.demo.meetings_needs import MeetingsNeedsWriter
from zhaoshang.demo.projects import ProjectWriter
from zhaoshang.demo.registries_innovation import load_innovation
from zhaoshang.demo.registries_network import load_network
from zhaoshang.demo.registries_platforms import load_platforms
from zhaoshang.demo.registries_talent import load_talent
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
    for load in (load_talent, load_network, load_platforms, load_innovation):  # what the registry counts count
        load(actor=office, plan=demo)
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
    assert (meetings.year, meetings.period, meetings.goal) == (2026, "week", 1)
    soe = Kpi.objects.filter(plan=demo, kind=Kind.PROJECT_COUNT, channel="soe", measure__isnull=False).order_by("id")
    assert [(k.channel_detail, int(k.goal)) for k in soe] == [("城发集团", 3), ("农发集团", 3), ("股权直投", 2)]
    siku = Kpi.objects.get(plan=demo, registry="chushang", parent=None)
    assert sorted(siku.children.values_list("registry", flat=True)) == ["alumni", "chucai", "chushang", "listed"]
    placement = Kpi.objects.get(plan=demo, registry="placement")
    assert (placement.registry_sum, placement.registry_filter, int(placement.goal)) == ("headcount", {"is_targeted": "true"}, 20)
    created = AuditLog.objects.filter(action="create", object_type="kpis.kpi", actor=office).count()
    # two meeting counts, the 四库 (two parents, eight parts) and eight suggestions accepted (the ninth ignored)
    assert created == 20


def test_nothing_is_written_after_today(demo, office):
    KpiWriter(demo, office, datetime.date(2025, 9, 2)).write()
    assert KpiValue.objects.filter(as_of__gt=datetime.date(2025, 9, 2)).count() == 0
    assert KpiValue.objects.filter(status=ValueStatus.SUBMITTED).exists()  # the latest waits for the office
    assert evidence_png().startswith(b"\x89PNG")
