"""A revised notice updates the plan in place: the office sees what changed; nothing reported is lost."""

from pathlib import Path

import pytest

from zhaoshang.core.models import AuditLog
from zhaoshang.core.selectors import recycle_bin_for
from zhaoshang.core.services import object_restore
from zhaoshang.plans.import_preview import import_preview
from zhaoshang.plans.models import Assignment, Task
from zhaoshang.plans.services.assignments import assignment_update
from zhaoshang.plans.services.importing import notice_apply, notice_upload

SEED = Path(__file__).resolve().parents[2] / "src/zhaoshang/demo/demo_data/qianjiang-2025-zhaoshang-task-list.txt"


def _revised_seed() -> bytes:
    text = SEED.read_text(encoding="utf-8")
    # task 5's deadline moves from 2025-09 to 2025-11, and its measure gains a co-operating unit
    text = text.replace("开展“一对一”招商。(市农业农村局)\n\n2025\n\n9", "开展“一对一”招商。(市农业农村局、市商务局)\n\n2025\n\n11")
    # the last task (18) is dropped
    head, _, _ = text.partition("运用好资本招商")
    return (head + "备注:各工作举措括号内为责任单位。\n").encode("utf-8")


@pytest.fixture
def revision(demo, office):
    upload = notice_upload(actor=office, filename="revised.txt", data=_revised_seed(), plan=demo)
    return upload


def test_preview_lists_every_change(revision):
    changes = {(c.kind, c.where, c.field) for c in import_preview(revision).changes}
    assert ("changed", "任务5", "完成时限") in changes
    assert ("changed", "任务5 举措1", "责任单位") in changes
    assert ("removed", "任务18", "任务") in changes


def test_revision_keeps_assignments_and_their_work(demo, office, unit_user, revision):
    kept = Assignment.objects.get(measure__task__plan=demo, measure__task__number="5", unit__short_name="市农业农村局")
    assignment_update(actor=office, assignment=kept, contact_person="张三", contact_phone="0728-1234567", note="")
    plan = notice_apply(upload=revision, actor=office)
    kept.refresh_from_db()
    assert plan.pk == demo.pk and kept.deleted_at is None and kept.contact_person == "张三"
    task5 = Task.objects.get(plan=demo, number="5")
    assert task5.deadline_code == "2025-11"
    assert [a.unit.display_name for a in Assignment.objects.filter(measure__task=task5)] == ["市农业农村局", "市商务局"]
    assert not Task.objects.filter(plan=demo, number="18").exists()
    assert AuditLog.objects.filter(action="update", object_type="plans.task", object_id=str(task5.pk)).exists()


def test_dropped_task_goes_to_the_recycle_bin_and_can_be_restored(demo, office, revision):
    notice_apply(upload=revision, actor=office)
    deleted = Task.all_objects.get(plan=demo, number="18")
    assert deleted.deleted_at is not None and deleted.deleted_by == office
    assert any(entry.obj == deleted for entry in recycle_bin_for(user=office))
    object_restore(obj=deleted, actor=office)
    assert Task.objects.filter(plan=demo, number="18").exists()


def test_importing_the_same_notice_again_changes_nothing(demo, office):
    upload = notice_upload(actor=office, filename=SEED.name, data=SEED.read_bytes(), plan=demo)
    assert import_preview(upload).changes == []
    before = AuditLog.objects.exclude(action="import").count()
    notice_apply(upload=upload, actor=office)
    assert AuditLog.objects.exclude(action="import").count() == before


def test_inserted_measure_does_not_shift_the_work_of_the_measures_after_it(demo, office):
    text = SEED.read_text(encoding="utf-8").replace(
        "2.\n统筹制定促进民营经济", "2.\n举办要素保障对接会，发布年度要素供给清单。(市商务局)\n3.\n统筹制定促进民营经济"
    ).replace("3.\n整合银行", "4.\n整合银行")
    policy = Assignment.objects.get(measure__task__plan=demo, measure__task__number="9", measure__ordinal=2)
    assignment_update(actor=office, assignment=policy, contact_person="孙八", contact_phone="", note="")
    upload = notice_upload(actor=office, filename="insert.txt", data=text.encode("utf-8"), plan=demo)
    assert [(c.kind, c.where) for c in import_preview(upload).changes] == [("added", "任务9 举措2")]
    notice_apply(upload=upload, actor=office)
    policy.refresh_from_db()
    assert policy.measure.ordinal == 3 and policy.contact_person == "孙八"
    assert Task.objects.get(plan=demo, number="9").measures.count() == 4
