"""The 操作日志 a reviewer can read: Chinese names, object names, changed fields old → new, filters, export."""

import datetime
import io

from django.utils import timezone
from openpyxl import load_workbook

from zhaoshang.core.audit_trail import readable
from zhaoshang.core.models import AuditLog
from zhaoshang.plans.models import Task
from zhaoshang.plans.services.tasks import task_short_title_set
from zhaoshang.supervision.models import Problem
from zhaoshang.supervision.services.reports import ReportInput, report_save
from zhaoshang.supervision.services.urging import problem_update
from zhaoshang.accounts.models import Unit, User
from zhaoshang.plans.models import Assignment

from tests.conftest import month


def _rename(office, demo, title="招商新名称"):
    task = Task.objects.get(plan=demo, number="2")
    task_short_title_set(actor=office, task=task, short_title=title)
    return task


def test_entries_read_in_chinese_with_only_the_changed_fields(office_client, office, demo):
    task = _rename(office, demo)
    response = office_client.get(f"/audit/?type=plans.task&actor={office.pk}")
    entry = response.context["entries"][0]
    assert entry.action_label == "修改" and entry.type_label == "任务" and entry.object_name == "任务2"
    assert [(c.label, c.old, c.new) for c in entry.changes] == [
        ("任务简称", "战略储备、电子化学品等", "招商新名称"), ("简称由办公室修改", "否", "是")]
    page = response.content.decode()
    assert "plans.task#" not in page and "任务简称" in page and f"#{task.pk}" not in page


def test_foreign_keys_and_choices_show_names(office_client, office, demo):
    assignment = Assignment.objects.select_related("unit", "measure__task__plan").filter(
        measure__task__plan=demo, unit__short_name="市经信局").last()
    report = report_save(actor=User.objects.filter(unit=assignment.unit).first(), assignment=assignment, submit=True,
                         period=month(datetime.date(2026, 11, 1)), data=ReportInput(done_text="x", problems="缺少用地指标"))
    problem = Problem.objects.get(report=report)
    problem_update(actor=office, problem=problem, owner_unit=Unit.objects.get(short_name="市商务局"), outcome="已协调", resolved=True)
    entry = office_client.get("/audit/?type=supervision.problem").context["entries"][0]
    changes = {c.label: (c.old, c.new) for c in entry.changes}
    assert changes["协调责任单位"] == ("（空）", "市商务局")
    assert changes["状态"][1] == "已解决" and changes["协调结果"] == ("（空）", "已协调")


def test_filters_by_person_unit_type_and_dates(office_client, office, unit_user, demo):
    _rename(office, demo)
    mine = office_client.get(f"/audit/?actor={office.pk}").context["entries"]
    assert mine and all(e.entry.actor_id == office.pk for e in mine)
    by_unit = office_client.get(f"/audit/?unit={unit_user.unit_id}").context["entries"]
    assert all(e.entry.actor.unit_id == unit_user.unit_id for e in by_unit)
    today = timezone.localdate()
    dated = office_client.get(f"/audit/?type=plans.task&date_from={today}&date_to={today}").context["entries"]
    assert dated and all(timezone.localdate(e.entry.created_at) == today for e in dated)
    before = office_client.get(f"/audit/?type=plans.task&actor={office.pk}&date_to={today - datetime.timedelta(days=1)}")
    assert not [e for e in before.context["entries"] if e.object_name.startswith("任务2") and e.entry.action == "update"]


def test_bad_filter_values_are_a_chinese_400(office_client, demo):
    response = office_client.get("/audit/?type=nope.nothing")
    assert response.status_code == 400 and "对象类型" in response.content.decode()
    assert office_client.get("/audit/?date_from=2025-13-01").status_code == 400


def test_export_holds_exactly_the_filtered_rows(office_client, office, demo):
    _rename(office, demo)
    _rename(office, demo, "再改一次")
    query = f"type=plans.task&actor={office.pk}"
    expected = AuditLog.objects.filter(object_type="plans.task", actor=office).count()
    response = office_client.get(f"/audit.xlsx?{query}")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    assert len(rows) == expected
    assert rows[0][3] == "修改" and rows[0][4] == "任务" and "任务简称：招商新名称 → 再改一次" in rows[0][6]


def test_names_are_resolved_per_object_type_not_per_row(office_client, demo, django_assert_max_num_queries):
    total = AuditLog.objects.filter(object_type="plans.assignment").count()
    assert total > 50
    for page in (1, 2):
        with django_assert_max_num_queries(20):  # one name query per object type (and per linked model), not per row
            response = office_client.get(f"/audit/?type=plans.assignment&page={page}")
        assert len(response.context["entries"]) == (50 if page == 1 else total - 50)
        assert all(not e.object_name.startswith("plans.") for e in response.context["entries"])


def test_only_office_and_admin_read_the_log(unit_client, leader_client, demo):
    assert unit_client.get("/audit/").status_code == 403
    assert leader_client.get("/audit.xlsx").status_code == 403


def test_entries_without_a_name_get_the_row_name_and_secrets_stay_hidden(demo, office):
    unit = Unit.objects.get(short_name="市商务局")
    nameless = AuditLog(created_at=timezone.now(), actor=office, action="update", object_type="accounts.unit",
                        object_id=str(unit.pk), object_repr=f"Unit object ({unit.pk})", before={"name": "旧名"},
                        after={"name": unit.name})
    secret = AuditLog(created_at=timezone.now(), actor=office, action="password_change", object_type="accounts.user",
                      object_id=str(office.pk), object_repr="督办专员", before={"password": "a"}, after={"password": "b"})
    named, hidden = readable([nameless, secret])
    assert named.object_name == unit.display_name and named.type_label == "责任单位"
    assert [(c.old, c.new) for c in hidden.changes] == [("（已隐藏）", "（已隐藏）")]
