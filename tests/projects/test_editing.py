"""Editing a project (every field, audited old → new), deleting it to the recycle bin, over the pages and the API."""

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from tests.projects.test_projects import _token
from zhaoshang.accounts.models import Unit
from zhaoshang.core.models import AuditLog
from zhaoshang.core.selectors import recycle_bin_for
from zhaoshang.core.services import PermissionDenied, object_restore
from zhaoshang.plans.models import ChainLink
from zhaoshang.projects.errors import ProjectError
from zhaoshang.projects.lookups import chain_named, tags_named
from zhaoshang.projects.models import Project
from zhaoshang.projects.services.editing import project_delete, project_update


def _last_update(project) -> AuditLog:
    return AuditLog.objects.filter(object_type="projects.project", object_id=str(project.pk), action="update").latest("id")


def test_update_audits_only_the_changed_fields_old_and_new(pipeline, office):
    salt = pipeline["salt"]
    project_update(actor=office, project=salt, changes={
        "amount_wan": "36000", "park": " 化工园 ", "tags": tags_named(["新型工业化", "能源"]), "name": salt.name})
    salt.refresh_from_db()
    assert salt.amount_wan == Decimal("36000.00") and salt.park == "化工园"
    assert sorted(t.name for t in salt.tags.all()) == ["新型工业化", "能源"] and salt.tag_bits
    entry = _last_update(salt)
    assert entry.before == {"amount_wan": "35000.00", "park": "", "tags": ["新型工业化"]}
    assert entry.after == {"amount_wan": "36000.00", "park": "化工园", "tags": ["新型工业化", "能源"]}


def test_changing_the_investor_replaces_the_main_enterprise(pipeline, office):
    salt = pipeline["salt"]
    project_update(actor=office, project=salt, changes={"enterprise_name": "湖北另一化工有限公司", "credit_code": ""})
    assert [e.name for e in salt.enterprises.all()] == ["湖北另一化工有限公司"]
    entry = _last_update(salt)
    assert entry.before == {"enterprises": ["湖北某化工有限公司"]} and entry.after == {"enterprises": ["湖北另一化工有限公司"]}


def test_changing_the_chain_drops_a_link_of_the_old_chain_and_a_foreign_link_is_refused(pipeline, office):
    salt = pipeline["salt"]
    link = ChainLink.objects.filter(chain=salt.chain).first()
    project_update(actor=office, project=salt, changes={"chain_link": link})
    project_update(actor=office, project=salt, changes={"chain": chain_named("战略储备")})
    salt.refresh_from_db()
    assert salt.chain.name == "战略储备" and salt.chain_link is None
    with pytest.raises(ProjectError, match="产业链环节不属于所选产业链"):
        project_update(actor=office, project=salt, changes={"chain_link": link})


def test_a_unit_edits_its_own_projects_only_and_keeps_them(pipeline, unit_user):
    reserve, salt = pipeline["reserve"], pipeline["salt"]  # 市发改委's, 市自然资源和城乡建设局's
    project_update(actor=unit_user, project=reserve, changes={"amount_wan": "25000"})
    with pytest.raises(PermissionDenied, match="本单位"):
        project_update(actor=unit_user, project=salt, changes={"amount_wan": "1"})
    with pytest.raises(PermissionDenied, match="其他单位"):
        project_update(actor=unit_user, project=reserve, changes={"lead_unit": Unit.objects.get(short_name="市商务局")})


def test_bad_values_are_refused_in_chinese(pipeline, office):
    salt = pipeline["salt"]
    for changes, message in [({"amount_wan": "-5"}, "应大于0"), ({"name": "  "}, "请填写项目名称"),
                             ({"fixed_asset_wan": "99999"}, "不能大于计划总投资"), ({"stage": "signed"}, "不能修改的字段")]:
        with pytest.raises(ProjectError, match=message):
            project_update(actor=office, project=salt, changes=changes)


def test_only_the_office_deletes_and_the_project_waits_in_the_recycle_bin(pipeline, office, unit_user):
    reserve = pipeline["reserve"]
    with pytest.raises(PermissionDenied):
        project_delete(actor=unit_user, project=reserve)
    project_delete(actor=office, project=reserve)
    assert not Project.objects.filter(pk=reserve.pk).exists()
    entries = [e for e in recycle_bin_for(user=office) if e.model_label == "projects.project"]
    assert [e.obj.pk for e in entries] == [reserve.pk]
    object_restore(obj=entries[0].obj, actor=office)
    assert Project.objects.filter(pk=reserve.pk).exists()


def test_edit_page_saves_and_the_detail_page_shows_the_change_in_the_trail(pipeline, office_client):
    salt = pipeline["salt"]
    url = reverse("projects:edit", args=[salt.pk])
    form = office_client.get(url).content.decode()
    assert 'value="年产10万吨氯碱深加工项目"' in form and 'data-narrows="#id_chain_link"' in form and "data-chain=" in form
    data = {"name": salt.name, "enterprise_name": "湖北某化工有限公司", "credit_code": "", "amount_wan": "38000",
            "fixed_asset_wan": "", "chain": salt.chain_id, "chain_link": "", "tags": [t.pk for t in salt.tags.all()],
            "channel": "chushang", "channel_detail": "", "lead_unit": salt.lead_unit_id, "park": "", "town": "", "team": "",
            "chief_officer": "张三", "source": "", "notes": ""}
    response = office_client.post(url, data)
    assert response.status_code == 302, response.content.decode()
    page = office_client.get(reverse("projects:detail", args=[salt.pk])).content.decode()
    assert "修改记录" in page and "计划总投资(万元)：35000.00 → 38000.00" in page and "首席服务官：— → 张三" in page


def test_edit_page_shows_errors_at_the_form_with_what_was_typed(pipeline, office_client):
    salt = pipeline["salt"]
    response = office_client.post(reverse("projects:edit", args=[salt.pk]), {
        "name": "改过的名字", "enterprise_name": "湖北某化工有限公司", "amount_wan": "100", "fixed_asset_wan": "200",
        "channel": "chushang", "lead_unit": salt.lead_unit_id})
    page = response.content.decode()
    assert response.status_code == 400 and "固定资产投资不能大于计划总投资" in page and 'value="改过的名字"' in page


@pytest.mark.parametrize(("who", "edit", "delete"), [("office", 200, 302), ("unit", 200, 403), ("other", 404, 403),
                                                      ("leader", 403, 403)])
def test_who_may_edit_and_delete(pipeline, who, edit, delete):
    from zhaoshang.accounts.models import User
    users = {"office": User.objects.get(username="office"), "leader": User.objects.get(username="leader"),
             "unit": User.objects.get(unit__short_name="市发改委"), "other": User.objects.get(unit__short_name="市商务局")}
    client = Client()
    client.force_login(users[who])
    reserve = pipeline["reserve"]
    assert client.get(reverse("projects:edit", args=[reserve.pk])).status_code == edit
    assert client.post(reverse("projects:delete", args=[reserve.pk])).status_code == delete


def test_api_patch_answers_the_project_as_get_shows_it(pipeline):
    reserve = pipeline["reserve"]
    headers = _token("fgw")
    url = f"/api/v1/projects/{reserve.pk}"
    link = ChainLink.objects.filter(chain__name="战略储备").first()
    patched = Client().patch(url, {"amount_wan": "21000.5", "park": "临港园区", "chain_link": link.name, "tags": ["能源"]},
                             content_type="application/json", **headers)
    assert patched.status_code == 200, patched.content
    assert patched.json() == Client().get(url, **headers).json()
    assert patched.json()["amount_wan"] in ("21000.50", "21000.5") and patched.json()["chain_link"] == link.name
    assert patched.json()["park"] == "临港园区"


def test_api_patch_refuses_bad_values_and_other_units(pipeline):
    salt, reserve = pipeline["salt"], pipeline["reserve"]
    headers = _token("fgw")
    assert Client().patch(f"/api/v1/projects/{salt.pk}", {"park": "x"}, content_type="application/json",
                          **headers).status_code == 404
    bad = Client().patch(f"/api/v1/projects/{reserve.pk}", {"channel": "乱写"}, content_type="application/json", **headers)
    assert bad.status_code == 400 and "招引渠道" in bad.json()["detail"]
    moved = Client().patch(f"/api/v1/projects/{reserve.pk}", {"lead_unit": "市商务局"}, content_type="application/json",
                           **headers)
    assert moved.status_code == 403 and "其他单位" in moved.json()["detail"]


def test_api_delete_is_the_office_s(pipeline):
    reserve = pipeline["reserve"]
    url = f"/api/v1/projects/{reserve.pk}"
    assert Client().delete(url, **_token("fgw")).status_code == 403
    assert Client().delete(url, **_token("office")).status_code == 204
    assert Client().get(url, **_token("office")).status_code == 404
    assert Project.all_objects.get(pk=reserve.pk).deleted_at is not None

