"""Needs registered by name (search as you type), 转办 with a reason, the 办理记录 trail, phone numbers checked."""

import pytest

from zhaoshang.core.services import PermissionDenied
from zhaoshang.needs.errors import NeedError
from zhaoshang.needs.models import Need
from zhaoshang.needs.selectors import enterprise_candidates, need_trail, project_candidates
from zhaoshang.needs.services.tickets import NeedInput, need_accept, need_create, need_route, need_settle, need_update
from zhaoshang.search.selectors import search_ids


def test_project_lookup_finds_the_units_own_projects_by_part_of_the_name(unit_user, fgw_project, swj_project):
    assert [p.pk for p in project_candidates(user=unit_user, text="调峰储备")] == [fgw_project.pk]
    assert project_candidates(user=unit_user, text="铝型材") == []  # 市商务局's project
    assert project_candidates(user=unit_user, text="调") == []  # one character matches too much


def test_the_picked_project_stays_offered_first_while_the_text_changes(office, fgw_project, swj_project):
    rows = project_candidates(user=office, text="铝型材", selected_id=fgw_project.pk)
    assert [p.pk for p in rows] == [fgw_project.pk, swj_project.pk]


def test_lookup_page_answers_radio_buttons_and_refuses_a_bad_kind(unit_client, fgw_project):
    page = unit_client.get("/needs/lookup/", {"kind": "project", "q": "LNG调峰"}).content.decode()
    assert f'name="project" value="{fgw_project.pk}"' in page and fgw_project.name in page
    assert "没有找到名称含“不存在的”的项目" in unit_client.get("/needs/lookup/", {"q": "不存在的"}).content.decode()
    assert unit_client.get("/needs/lookup/", {"kind": "user", "q": "张三"}).status_code == 400


def test_leaders_cannot_look_up(leader_client):
    assert leader_client.get("/needs/lookup/", {"q": "项目"}).status_code == 403


def test_an_enterprise_typed_on_a_need_is_indexed_and_found_by_name_or_initials(office, fgw):
    need = need_create(actor=office, data=NeedInput(title="用工", need_type="talent", unit=fgw,
                                                    enterprise_name="星辰光电科技有限公司"))
    assert need.enterprise_id in search_ids("enterprise", "星辰光电").ids
    assert [e.pk for e in enterprise_candidates(text="星辰光电")] == [need.enterprise_id]
    assert need.enterprise_id in [e.pk for e in enterprise_candidates(text="xcgd")]


def test_a_need_is_registered_with_the_enterprise_picked_by_name(office_client, office, fgw):
    enterprise = need_create(actor=office, data=NeedInput(title="x", need_type="other", unit=fgw,
                                                          enterprise_name="云帆数据服务有限公司")).enterprise
    page = office_client.get("/needs/lookup/", {"kind": "enterprise", "q": "云帆数据"}).content.decode()
    assert f'name="enterprise" value="{enterprise.pk}"' in page
    response = office_client.post("/needs/new/", {"title": "数据中心用电", "need_type": "power", "enterprise": enterprise.pk,
                                                   "unit": fgw.pk, "contact_phone": "138 0000 1234"})
    assert response.status_code == 302
    need = Need.objects.get(title="数据中心用电")
    assert (need.enterprise, need.project, need.contact_phone) == (enterprise, None, "13800001234")


def test_the_form_asks_for_a_project_or_enterprise_by_name_and_keeps_the_pick(unit_client, fgw_project, fgw):
    response = unit_client.post("/needs/new/", {"title": "天然气管道接入", "need_type": "gas", "unit": fgw.pk})
    assert response.status_code == 400 and "请按名称选择提出诉求的项目或企业" in response.content.decode()
    response = unit_client.post("/needs/new/", {"title": "天然气管道接入", "need_type": "gas", "unit": fgw.pk,
                                                "project": fgw_project.pk, "contact_phone": "12345"})
    page = response.content.decode()
    assert response.status_code == 400 and "联系电话格式不正确" in page
    assert f'value="{fgw_project.pk}" id="project-pick-{fgw_project.pk}" checked' in page  # the pick survives the error
    assert 'value="天然气管道接入"' in page


@pytest.mark.parametrize("phone", ["13912345678", "+86 139 1234 5678", "010-12345678", "0731-8555123", "(020)87654321",
                                   "0755-12345678-8001"])
def test_valid_phones_are_stored_in_one_form(office, fgw, fgw_project, phone):
    need = need_create(actor=office, data=NeedInput(title="x", need_type="other", unit=fgw, project=fgw_project,
                                                    contact_phone=phone))
    assert need.contact_phone.replace("-", "").isdigit()


@pytest.mark.parametrize("phone", ["12912345678", "1391234567", "85551234", "电话13912345678", "027-123"])
def test_bad_phones_are_refused_in_chinese_by_service_and_api(office, fgw, fgw_project, phone, unit_client, raise_need):
    with pytest.raises(NeedError, match="联系电话格式不正确"):
        need_create(actor=office, data=NeedInput(title="x", need_type="other", unit=fgw, project=fgw_project,
                                                 contact_phone=phone))
    need = raise_need(fgw_project, fgw)
    with pytest.raises(NeedError, match="联系电话格式不正确"):
        need_update(actor=office, need=need, title="x", description="", need_type="other", contact_phone=phone)
    response = unit_client.patch(f"/api/v1/needs/{need.pk}", {"contact_phone": phone}, content_type="application/json")
    assert response.status_code == 400 and "联系电话格式不正确" in response.json()["detail"]


def test_route_needs_a_reason_and_another_unit(office, unit_user, raise_need, fgw_project, fgw, swj):
    need = raise_need(fgw_project, fgw)
    with pytest.raises(NeedError, match="请填写转办理由"):
        need_route(actor=office, need=need, unit=swj, reason="  ")
    with pytest.raises(NeedError, match="已由市发改委承办"):
        need_route(actor=office, need=need, unit=fgw, reason="重新指派")
    with pytest.raises(PermissionDenied):
        need_route(actor=unit_user, need=need, unit=swj, reason="不归我们")
    assert need_route(actor=office, need=need, unit=swj, reason="属商务局职责").unit == swj


def test_the_route_page_keeps_what_was_typed_and_shows_the_error(office_client, raise_need, fgw_project, fgw, swj):
    need = raise_need(fgw_project, fgw)
    response = office_client.post(f"/needs/{need.pk}/route/", {"unit": swj.pk, "reason": ""})
    page = response.content.decode()
    assert response.status_code == 400 and "请填写转办理由" in page and f'<option value="{swj.pk}" selected>' in page
    response = office_client.post(f"/needs/{need.pk}/route/", {"unit": swj.pk, "reason": "属商务局职责"})
    assert response.status_code == 302
    need.refresh_from_db()
    assert need.unit == swj


def test_the_trail_lists_every_step_with_who_when_and_what(office, unit_user, other_unit_user, raise_need, fgw_project,
                                                           fgw, swj, office_client, django_assert_max_num_queries):
    need = raise_need(fgw_project, fgw)
    need_update(actor=office, need=need, title="电力增容（二期）", description="", need_type="power",
                contact_phone="13900001111")
    need_route(actor=office, need=need, unit=swj, reason="涉及园区供电，属商务局协调")
    need_accept(actor=other_unit_user, need=need)
    need_settle(actor=other_unit_user, need=need, reply="已协调供电公司增容")
    with django_assert_max_num_queries(2):
        trail = need_trail(need)
    assert [step.what for step in trail] == ["登记", "修改", "转办", "受理", "办结"]
    assert "诉求事项：生产线投运需电力增容 → 电力增容（二期）" in trail[1].detail and "13900001111" not in trail[1].detail
    assert trail[2].detail == "市发改委 → 市商务局；转办理由：涉及园区供电，属商务局协调"
    assert trail[3].who.endswith("（市商务局）") and trail[4].detail == "答复：已协调供电公司增容"
    page = office_client.get(f"/needs/{need.pk}/").content.decode()
    assert "办理记录" in page and "转办理由：涉及园区供电，属商务局协调" in page


def test_api_route_needs_a_reason(office_client, raise_need, fgw_project, fgw, swj):
    need = raise_need(fgw_project, fgw)
    url = f"/api/v1/needs/{need.pk}/route"
    refused = office_client.post(url, {"unit": "市商务局"}, content_type="application/json")
    assert refused.status_code == 400 and "请填写转办理由" in refused.json()["detail"]
    routed = office_client.post(url, {"unit": "市商务局", "reason": "属商务局职责"}, content_type="application/json")
    assert routed.status_code == 200 and routed.json()["unit"] == swj.display_name
    assert need_trail(need)[-1].detail.endswith("转办理由：属商务局职责")
