"""An archived plan is read-only; a deleted plan waits in the recycle bin."""

import pytest

from zhaoshang.core.selectors import recycle_bin_for
from zhaoshang.core.services import PermissionDenied, object_restore
from zhaoshang.plans.errors import PlanError
from zhaoshang.plans.models import Assignment, Plan
from zhaoshang.plans.services.assignments import assignment_update
from zhaoshang.plans.services.importing import notice_apply, notice_upload
from zhaoshang.plans.services.lifecycle import plan_delete, plan_set_archived


def test_archived_plan_refuses_unit_work_and_revisions(demo, office, unit_user):
    plan_set_archived(actor=office, plan=demo, archived=True)
    assignment = Assignment.objects.filter(unit=unit_user.unit).first()
    with pytest.raises(PlanError, match="归档"):
        assignment_update(actor=unit_user, assignment=assignment, contact_person="x", contact_phone="", note="")
    upload = notice_upload(actor=office, filename="seed.txt", data=demo.uploads.first().file.read(), plan=demo)
    with pytest.raises(PlanError, match="归档"):
        notice_apply(upload=upload, actor=office)


def test_archive_button_on_the_page(office_client, demo):
    office_client.post(f"/plans/{demo.pk}/archive/", {"archived": "1"})
    html = office_client.get(f"/plans/{demo.pk}/").content.decode()
    assert "已归档" in html and "取消归档" in html and "导入修订版" not in html


def test_leader_cannot_archive(leader, demo):
    with pytest.raises(PermissionDenied):
        plan_set_archived(actor=leader, plan=demo, archived=True)


def test_deleted_plan_is_in_the_recycle_bin_and_comes_back_whole(demo, office):
    measures = Assignment.objects.filter(measure__task__plan=demo).count()
    plan_delete(actor=office, plan=demo)
    assert not Plan.objects.exists()
    assert any(entry.obj == demo for entry in recycle_bin_for(user=office))
    object_restore(obj=Plan.all_objects.get(pk=demo.pk), actor=office)
    assert Assignment.objects.filter(measure__task__plan=demo).count() == measures
