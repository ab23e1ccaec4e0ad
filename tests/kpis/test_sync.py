"""Indicators follow the notice through revisions and keep the office's edits."""

from decimal import Decimal

from zhaoshang.core.models import AuditLog
from zhaoshang.kpis.choices import Kind
from zhaoshang.kpis.models import Kpi
from zhaoshang.kpis.services.sync import kpis_sync
from zhaoshang.plans.models import Indicator, Task


def test_the_seed_gives_every_task_indicators(demo):
    for task in Task.objects.filter(plan=demo):
        assert Kpi.objects.filter(target=task.target).exists(), task.number
    assert Kpi.objects.filter(plan=demo, parent__isnull=False, parent__text__contains="各产业链").count() == 17
    assert set(Kpi.objects.filter(plan=demo, kind=Kind.MILESTONE).values_list("target__tasks__number", flat=True)) == {"9", "11", "17"}
    created = AuditLog.objects.filter(action="create", object_type="kpis.kpi").values_list("object_id", flat=True)
    assert set(created) == {str(pk) for pk in Kpi.objects.filter(plan=demo).values_list("pk", flat=True)}


def test_a_revision_keeps_the_office_edits_and_drops_what_disappeared(demo, office):
    fund = Kpi.objects.get(plan=demo, channel="fund")
    fund.goal = Decimal(4)
    fund.save()
    old = fund.source
    # the revision re-creates the same number (new row, same text) and removes another one
    Indicator.all_objects.filter(pk=old.pk).update(deleted_at="2025-07-01T00:00:00+08:00")
    renewed = Indicator.objects.create(target=old.target, text=old.text, value=old.value, unit=old.unit, order=old.order)
    gone = Kpi.objects.get(plan=demo, text__startswith="成立1个以上的科创中心")
    Indicator.all_objects.filter(pk=gone.source_id).update(deleted_at="2025-07-01T00:00:00+08:00")
    counts = kpis_sync(plan=demo, actor=office)
    fund.refresh_from_db()
    assert fund.source_id == renewed.pk and fund.goal == 4 and fund.deleted_at is None
    assert Kpi.all_objects.get(pk=gone.pk).deleted_at is not None
    assert counts["created"] == 0 and counts["deleted"] == 1


def test_sync_twice_changes_nothing(demo, office):
    before = Kpi.objects.filter(plan=demo).count()
    assert kpis_sync(plan=demo, actor=office)["created"] == 0
    assert Kpi.objects.filter(plan=demo).count() == before


def test_an_indicator_the_office_added_survives_the_next_import(demo, office):
    target = Kpi.objects.get(plan=demo, channel="fund").target
    added = Kpi.objects.create(plan=demo, target=target, text="出台基金管理办法", kind=Kind.MILESTONE, goal=1, unit="项",
                               year=2025)
    kpis_sync(plan=demo, actor=office)
    added.refresh_from_db()
    assert added.deleted_at is None
