"""The office corrects a recorded stage change (date, note, evidence) with a reason; the project's stage dates and the
indicators counted as of a day follow the corrected date; stage dates never end up out of order."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from zhaoshang.core.models import AuditLog
from zhaoshang.core.services import PermissionDenied
from zhaoshang.kpis.models import Kpi
from zhaoshang.kpis.selectors import kpi_figure
from zhaoshang.projects.errors import ProjectError
from zhaoshang.projects.models import StageRetreat
from zhaoshang.projects.services.corrections import stage_change_correct
from zhaoshang.projects.services.lifecycle import project_stage_change

D = datetime.date
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _signing(project):
    return project.stage_changes.get(to_stage="signed", from_stage="negotiating")


def test_correcting_a_signing_date_moves_the_indicator_across_that_day(demo, pipeline, office):
    salt_kpi = Kpi.objects.get(plan=demo, split_label="盐化工")  # signed, ≥1亿元, 盐化工
    salt = pipeline["salt"]  # 35000万元 on 盐化工, negotiating
    project_stage_change(actor=office, project=salt, stage="signed", happened_on=D(2025, 10, 10), note="签约")
    before_sep = kpi_figure(salt_kpi, D(2025, 9, 30)).actual
    assert kpi_figure(salt_kpi, D(2025, 10, 10)).actual == before_sep + 1
    stage_change_correct(actor=office, change=_signing(salt), happened_on=D(2025, 9, 20), note="签约",
                         reason="合同实际签订于9月20日")
    salt.refresh_from_db()
    assert salt.signed_on == D(2025, 9, 20) and salt.stage_since == D(2025, 9, 20)
    assert kpi_figure(Kpi.objects.get(pk=salt_kpi.pk), D(2025, 9, 30)).actual == before_sep + 1


def test_correction_is_audited_with_old_new_and_reason(pipeline, office):
    reserve = pipeline["reserve"]  # signed 2025-09-20
    change = _signing(reserve)
    evidence = SimpleUploadedFile("合同.pdf", PDF, content_type="application/pdf")
    stage_change_correct(actor=office, change=change, happened_on=D(2025, 9, 18), note="正式签约", reason="日期录错",
                         evidence=evidence)
    entry = AuditLog.objects.filter(object_type="projects.stagechange", object_id=str(change.pk)).latest("id")
    assert entry.action == "correct" and entry.before["happened_on"] == "2025-09-20" and entry.before["note"] == "签约"
    assert entry.after["happened_on"] == "2025-09-18" and entry.after["reason"] == "日期录错"
    assert entry.after["evidence"].endswith(".pdf")


def test_a_correction_needs_the_office_a_reason_and_a_change(pipeline, office, unit_user):
    change = _signing(pipeline["reserve"])
    with pytest.raises(PermissionDenied):
        stage_change_correct(actor=unit_user, change=change, happened_on=D(2025, 9, 19), note="", reason="x")
    with pytest.raises(ProjectError, match="请说明更正原因"):
        stage_change_correct(actor=office, change=change, happened_on=D(2025, 9, 19), note="", reason=" ")
    with pytest.raises(ProjectError, match="没有需要更正的内容"):
        stage_change_correct(actor=office, change=change, happened_on=change.happened_on, note=change.note, reason="核对")
    with pytest.raises(ProjectError, match="不能晚于今天"):
        stage_change_correct(actor=office, change=change, happened_on=D(2025, 10, 16), note="", reason="x")


def test_stage_dates_cannot_end_up_out_of_order(pipeline, office):
    reserve = pipeline["reserve"]  # negotiating 08-01, signed 09-20
    project_stage_change(actor=office, project=reserve, stage="registered", happened_on=D(2025, 10, 1))
    with pytest.raises(ProjectError, match="不能晚于下一次变更（2025-10-01，注册）"):
        stage_change_correct(actor=office, change=_signing(reserve), happened_on=D(2025, 10, 5), note="", reason="录错")
    registering = reserve.stage_changes.get(to_stage="registered")
    with pytest.raises(ProjectError, match="不能早于上一次变更（2025-09-20，签约）"):
        stage_change_correct(actor=office, change=registering, happened_on=D(2025, 9, 1), note="", reason="录错")
    reserve.refresh_from_db()
    assert (reserve.signed_on, reserve.registered_on) == (D(2025, 9, 20), D(2025, 10, 1))


def test_an_entry_record_cannot_put_signing_after_a_later_registration(demo, office):
    from tests.projects.conftest import _project
    project = _project(office, "测试签约项目", "测试企业有限公司", "市发改委", 5000, stage="signed", stage_since=D(2025, 5, 1))
    project_stage_change(actor=office, project=project, stage="registered", happened_on=D(2025, 6, 1))
    entry = project.stage_changes.get(from_stage="")
    with pytest.raises(ProjectError, match="阶段日期须按先后顺序|不能晚于下一次变更"):
        stage_change_correct(actor=office, change=entry, happened_on=D(2025, 7, 1), note="录入", reason="录错")


def test_correcting_a_move_back_moves_the_retreat(pipeline, office):
    reserve = pipeline["reserve"]  # signed 09-20
    project_stage_change(actor=office, project=reserve, stage="negotiating", happened_on=D(2025, 10, 5), note="合同解除")
    back = reserve.stage_changes.get(to_stage="negotiating", from_stage="signed")
    stage_change_correct(actor=office, change=back, happened_on=D(2025, 10, 3), note="合同解除", reason="解除日期录错")
    retreat = StageRetreat.objects.get(project=reserve, stage="signed")
    assert (retreat.reached_on, retreat.retreated_on) == (D(2025, 9, 20), D(2025, 10, 3))
    stage_change_correct(actor=office, change=_signing(reserve), happened_on=D(2025, 9, 15), note="签约", reason="核对合同")
    retreat.refresh_from_db()
    reserve.refresh_from_db()
    assert retreat.reached_on == D(2025, 9, 15) and reserve.stage_since == D(2025, 10, 3) and reserve.signed_on is None


def test_correct_page_for_the_office_only(pipeline, office_client, unit_client):
    change = _signing(pipeline["reserve"])
    url = reverse("projects:correct", args=[change.pk])
    assert unit_client.get(url).status_code == 403
    form = office_client.get(url).content.decode()
    assert 'value="2025-09-20"' in form and "更正原因" in form
    missing = office_client.post(url, {"happened_on": "2025-09-19", "note": "签约"})
    assert missing.status_code == 400 and "请说明更正原因" in missing.content.decode()
    done = office_client.post(url, {"happened_on": "2025-09-19", "note": "签约", "reason": "按合同落款日期"})
    assert done.status_code == 302
    page = office_client.get(reverse("projects:detail", args=[change.project_id])).content.decode()
    assert "发生日期：2025-09-20 → 2025-09-19" in page and "原因：按合同落款日期" in page


def test_move_form_asks_for_the_date_first_and_leaves_it_empty(pipeline, unit_client):
    reserve = pipeline["reserve"]
    form = unit_client.get(reverse("projects:move", args=[reserve.pk]), {"stage": "registered"}).content.decode()
    assert form.index('name="happened_on"') < form.index('name="stage"')
    field = form[form.index('name="happened_on"') - 200:form.index('name="happened_on"') + 200]
    assert "value=" not in field.split("<input", 1)[-1].split(">")[0] and 'max="2025-10-15"' in field
    assert 'data-today-for="id_happened_on"' in form and "发生日期 <span" in form
    refused = unit_client.post(reverse("projects:move", args=[reserve.pk]), {"stage": "registered", "from_stage": "signed"})
    assert refused.status_code == 400 and "请填写发生日期" in refused.content.decode()
