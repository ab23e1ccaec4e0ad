"""Needs pages and API: scoped per role, the export as filtered, htmx actions, Chinese names over the API."""

import io
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from openpyxl import load_workbook

from zhaoshang.accounts.services import token_issue
from zhaoshang.needs.models import Need, NeedLimit
from tests.needs.conftest import at


@pytest.fixture
def two_needs(raise_need, fgw_project, swj_project, fgw, swj):
    return raise_need(fgw_project, fgw, title="电力增容"), raise_need(swj_project, swj, need_type="land", title="用地指标")


def test_a_unit_lists_only_the_needs_routed_to_it(unit_client, office_client, two_needs, django_assert_max_num_queries):
    with django_assert_max_num_queries(14):
        page = unit_client.get("/needs/").content.decode()
    assert "电力增容" in page and "用地指标" not in page
    page = office_client.get("/needs/?type=land").content.decode()
    assert "用地指标" in page and "电力增容" not in page


def test_need_pages_answer_each_role(unit_client, leader_client, two_needs, other_unit_user):
    own, other = two_needs
    assert unit_client.get(f"/needs/{own.pk}/").status_code == 200
    assert unit_client.get(f"/needs/{other.pk}/").status_code == 404
    assert leader_client.get(f"/needs/{other.pk}/").status_code == 200
    assert leader_client.post(f"/needs/{own.pk}/accept/").status_code == 403
    assert unit_client.post(f"/needs/{other.pk}/accept/").status_code == 404
    assert unit_client.post(f"/needs/{own.pk}/rate/", {"satisfaction": "satisfied"}).status_code == 403


def test_accepting_from_the_list_swaps_the_row(unit_client, two_needs):
    own, _ = two_needs
    response = unit_client.post(f"/needs/{own.pk}/accept/", HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and f'id="need-{own.pk}"' in response.content.decode() and "办理中" in response.content.decode()
    own.refresh_from_db()
    assert own.status == "accepted"


def test_a_unit_registers_a_need_on_the_page(unit_client, fgw_project, fgw):
    response = unit_client.post("/needs/new/", {"title": "天然气管道接入", "need_type": "gas", "project": fgw_project.pk,
                                                "unit": fgw.pk})
    assert response.status_code == 302
    need = Need.objects.get(title="天然气管道接入")
    assert need.unit == fgw and need.enterprise.name == "湖北某能源有限公司"


def test_settle_and_rate_on_the_detail_page(unit_client, office_client, two_needs):
    own, _ = two_needs
    assert unit_client.post(f"/needs/{own.pk}/settle/", {"reply": "已完成增容"}).status_code == 302
    assert office_client.post(f"/needs/{own.pk}/rate/", {"satisfaction": "satisfied", "note": "很及时"}).status_code == 302
    own.refresh_from_db()
    assert (own.status, own.satisfaction, own.rating_note) == ("settled", "satisfied", "很及时")
    assert "满意" in office_client.get("/needs/stats/").content.decode()


def test_export_is_the_list_as_filtered(office_client, two_needs):
    response = office_client.get("/needs/export.xlsx?type=用地")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [row for row in sheet.iter_rows(min_row=3, values_only=True)]
    assert [row[1] for row in rows] == ["用地指标"] and rows[0][2] == "用地"


def test_open_needs_show_in_the_units_work_list(unit_client, two_needs):
    page = unit_client.get("/supervision/my/").content.decode()
    assert "电力增容" in page  # one of the to-do items, with its button


def _api(user):
    client = Client()
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token_issue(user=user)}"}
    return client, headers


def test_api_registers_lists_settles_and_rates_with_chinese_names(unit_user, office, fgw_project):
    client, headers = _api(unit_user)
    body = {"title": "企业急需技术工人", "type": "用工人才", "unit": "发改委", "project_id": fgw_project.pk}
    created = client.post("/api/v1/needs", body, content_type="application/json", **headers)
    assert created.status_code == 201, created.content
    need = created.json()
    assert (need["type"], need["unit"], need["light"]) == ("talent", "市发改委", "green")
    listed = client.get("/api/v1/needs?type=用工人才", **headers).json()
    assert [n["id"] for n in listed] == [need["id"]]
    assert client.post(f"/api/v1/needs/{need['id']}/settle", {"reply": "已组织专场招聘"}, content_type="application/json",
                       **headers).json()["status"] == "settled"
    office_client, office_headers = _api(office)
    rated = office_client.post(f"/api/v1/needs/{need['id']}/rating", {"satisfaction": "基本满意"},
                               content_type="application/json", **office_headers)
    assert rated.json()["satisfaction"] == "basic"
    counts = client.get("/api/v1/needs/counts", **headers).json()
    assert counts["total"]["rated"] == 1 and counts["total"]["satisfaction_rate"] == 100.0


def test_api_refuses_bad_names_and_other_units(other_unit_user, fgw_project):
    client, headers = _api(other_unit_user)
    post = lambda body: client.post("/api/v1/needs", body, content_type="application/json", **headers)  # noqa: E731
    assert post({"title": "x", "type": "修路", "unit": "市商务局", "enterprise": {"name": "某新企业"}}).json()["detail"].startswith("诉求类型")
    assert post({"title": "x", "type": "用地", "unit": "市发改委", "enterprise": {"name": "某新企业"}}).status_code == 403
    foreign = post({"title": "x", "type": "用地", "unit": "市商务局", "project_id": fgw_project.pk})  # 市发改委's project
    assert foreign.status_code == 404 and foreign.json() == {"detail": "对象不存在或无权访问"}
    assert fgw_project.name not in foreign.content.decode() and not Need.objects.filter(project=fgw_project).exists()
    assert post({"title": "x", "type": "用地", "unit": "市商务局"}).status_code == 400  # neither project nor enterprise
    assert post({"title": "x", "type": "用地", "unit": "市商务局", "enterprise": {"name": "某新企业"}}).status_code == 201


def test_the_office_sets_limits_on_the_settings_page(office_client, unit_client):
    assert unit_client.get("/needs/limits/").status_code == 403
    response = office_client.post("/needs/limits/", {"need_type": "water", "accept_hours": "12", "settle_workdays": "5"})
    assert response.status_code == 302
    assert "12" in office_client.get("/needs/limits/").content.decode()
    office_client.post("/needs/limits/", {"need_type": "water", "accept_hours": "0", "settle_workdays": "5"})
    assert NeedLimit.objects.get(need_type="water").accept_hours == 12  # 0 hours refused


def test_escalate_needs_command_reports_late_needs_once(raise_need, fgw_project, fgw):
    raise_need(fgw_project, fgw, raised_at=at(2025, 9, 29, 10))
    out = StringIO()
    call_command("escalate_needs", stdout=out)
    call_command("escalate_needs", stdout=out)
    assert out.getvalue().splitlines() == ["已上报超时诉求 1 件。", "已上报超时诉求 0 件。"]


def test_api_list_takes_a_constant_number_of_queries(office, raise_need, fgw_project, fgw, django_assert_max_num_queries):
    for n in range(6):
        raise_need(fgw_project, fgw, title=f"诉求{n}")
    client, headers = _api(office)
    with django_assert_max_num_queries(5):
        assert len(client.get("/api/v1/needs", **headers).json()) == 6
    with django_assert_max_num_queries(5):
        assert client.get("/api/v1/needs/counts", **headers).json()["total"]["total"] == 6


def test_the_need_form_offers_and_accepts_only_the_units_own_projects(unit_client, fgw_project, swj_project, fgw):
    offered = unit_client.get("/needs/lookup/", {"kind": "project", "q": "项目"}).content.decode()
    assert fgw_project.name in offered and swj_project.name not in offered  # 市商务局's project is not offered to 市发改委
    response = unit_client.post("/needs/new/", {"title": "天然气管道接入", "need_type": "gas", "project": swj_project.pk,
                                                "unit": fgw.pk})
    assert response.status_code == 400 and "所选项目不存在或无权访问" in response.content.decode()
    assert not Need.objects.filter(project=swj_project).exists()
