"""Moving a card (date, note, evidence; errors in Chinese), evidence behind the gate, a new project with its
duplicate warning, and the Excel export exactly as filtered with phones masked for roles other than the office."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from tests.supervision.test_attachments import EXE, PNG
from zhaoshang.accounts.models import Unit
from zhaoshang.projects.contact_privacy import mask_phone
from zhaoshang.projects.exports import COLUMNS
from zhaoshang.projects.models import Project

EXPORT = reverse("projects:export")


def _move(client, project, htmx=False, **data):
    headers = {"HX-Request": "true"} if htmx else {}
    return client.post(reverse("projects:move", args=[project.pk]), {"happened_on": "2025-10-10", "note": "", **data},
                       headers=headers)


def test_unit_moves_its_card_with_a_date_and_evidence(pipeline, unit_client, office_client, frozen):
    reserve = pipeline["reserve"]
    form = unit_client.get(reverse("projects:move", args=[reserve.pk]), {"stage": "registered"}, headers={"HX-Request": "true"})
    assert form.status_code == 200 and 'value="registered" selected' in form.content.decode()
    response = _move(unit_client, reserve, stage="registered", note="取得营业执照", next="/projects/kanban/?stage=signed",
                     evidence=SimpleUploadedFile("licence.png", PNG))
    assert response.status_code == 302 and response["Location"] == "/projects/kanban/?stage=signed"
    reserve.refresh_from_db()
    assert (reserve.stage, reserve.registered_on, reserve.stage_since) == ("registered", frozen.replace(day=10), frozen.replace(day=10))
    change = reserve.stage_changes.latest("id")
    assert change.note == "取得营业执照" and change.evidence.name.startswith("evidence/")
    download = office_client.get(reverse("projects:evidence", args=[change.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == PNG


def test_htmx_move_redirects_the_board_on_success_and_shows_errors_in_chinese(pipeline, unit_client):
    reserve = pipeline["reserve"]
    future = _move(unit_client, reserve, stage="registered", happened_on="2025-10-16", htmx=True)
    assert future.status_code == 200 and "发生日期不能晚于今天" in future.content.decode()
    back = _move(unit_client, reserve, stage="negotiating", note="协议作废", htmx=True)
    assert "阶段回退须由督办办公室操作并说明原因" in back.content.decode()
    fake = _move(unit_client, reserve, stage="registered", evidence=SimpleUploadedFile("licence.png", EXE), htmx=True)
    assert "佐证材料：只能上传" in fake.content.decode()
    no_date = _move(unit_client, reserve, stage="registered", happened_on="", htmx=True)
    assert "请填写发生日期" in no_date.content.decode()
    reserve.refresh_from_db()
    assert reserve.stage == "signed" and reserve.stage_changes.count() == 2
    done = _move(unit_client, reserve, stage="registered", next="/projects/kanban/", htmx=True)
    assert done.status_code == 204 and done["HX-Redirect"] == "/projects/kanban/"


def test_a_plain_move_with_errors_answers_400_and_ignores_foreign_next(pipeline, office_client):
    stalled = pipeline["stalled"]
    assert _move(office_client, stalled, stage="terminated").status_code == 400  # a reason is required
    moved = _move(office_client, stalled, stage="negotiating", note="恢复推进", next="https://evil.example/")
    assert moved.status_code == 302 and moved["Location"] == reverse("projects:detail", args=[stalled.pk])


def test_new_project_by_a_unit_for_its_own_unit_and_the_duplicate_warning(pipeline, unit_client, unit_user):
    fgw = Unit.objects.get(short_name="市发改委")
    data = {"name": "LNG调峰储备站二期项目", "enterprise_name": "武汉某燃气有限公司", "amount_wan": "30000", "lead_unit": fgw.pk,
            "channel": "soe", "stage": "lead"}
    first = unit_client.post(reverse("projects:new"), data)
    assert first.status_code == 400 and "疑似重复项目" in first.content.decode()
    assert f'href="/projects/{pipeline["reserve"].pk}/"' in first.content.decode() and "仍然创建" in first.content.decode()
    created = unit_client.post(reverse("projects:new"), {**data, "allow_duplicate": "on"})
    project = Project.objects.get(name="LNG调峰储备站二期项目")
    assert created.status_code == 302 and project.created_by == unit_user and project.lead_unit == fgw
    other = unit_client.post(reverse("projects:new"), {**data, "name": "别的项目", "lead_unit": Unit.objects.get(short_name="市商务局").pk})
    assert other.status_code == 400 and not Project.objects.filter(name="别的项目").exists()


def test_new_project_form_refuses_a_bad_credit_code_in_chinese(demo, office_client):
    response = office_client.post(reverse("projects:new"), {
        "name": "某项目", "enterprise_name": "某公司", "credit_code": "91330100799655058C", "amount_wan": "100",
        "lead_unit": Unit.objects.get(short_name="市商务局").pk, "channel": "direct", "stage": "lead"})
    assert response.status_code == 400 and "统一社会信用代码校验位错误" in response.content.decode()


def _sheet(response):
    assert response.status_code == 200 and response["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[1] == tuple(name for name, _ in COLUMNS)
    return [dict(zip(rows[1], row)) for row in rows[2:]]


def test_export_is_exactly_the_filtered_list(pipeline, office_client):
    rows = _sheet(office_client.get(EXPORT, {"band": "ge10000", "state": "active"}))
    assert {r["项目名称"] for r in rows} == {pipeline["salt"].name, pipeline["reserve"].name}
    listed = office_client.get(reverse("projects:list"), {"band": "ge10000", "state": "active"})
    assert listed.context["totals"]["count"] == len(rows)
    salt = next(r for r in rows if r["项目名称"] == pipeline["salt"].name)
    assert (salt["产业链"], salt["招引渠道"], salt["计划总投资(万元)"], salt["阶段"], salt["阶段时钟"]) == ("盐化工", "楚商回乡", 35000, "洽谈", "红灯")
    assert _sheet(office_client.get(EXPORT, {"flagged": "true"})).__len__() == 2


@pytest.mark.parametrize(("role_client", "phone"), [("office_client", "13812340000"), ("unit_client", "13812340000"),
                                                    ("leader_client", "138****0000")])
def test_export_masks_phones_but_for_the_office_and_the_owner_unit(pipeline, request, role_client, phone):
    """unit_client is 市发改委, the reserve project's lead unit: the owner of its enterprise (phones_visible)."""
    rows = _sheet(request.getfixturevalue(role_client).get(EXPORT, {"stage": "signed"}))
    assert [(r["联系人"], r["联系电话"]) for r in rows] == [("王经理", phone)]


def test_unit_export_holds_only_its_own_projects(pipeline, unit_client):
    assert {r["项目名称"] for r in _sheet(unit_client.get(EXPORT))} == {pipeline["reserve"].name, pipeline["stalled"].name}


@pytest.mark.parametrize(("phone", "masked"), [("13812340000", "138****0000"), ("0728-6221234", "072*****1234"),
                                               ("12345", "***45"), ("", "")])
def test_mask_phone(phone, masked):
    assert mask_phone(phone) == masked
