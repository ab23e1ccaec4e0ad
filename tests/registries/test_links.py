"""Links made on a registry row's page, by name or number, shown both ways; what a user may not see is left out."""

from django.test import Client

from zhaoshang.accounts.models import Unit
from zhaoshang.registries.catalog import registry_named
from zhaoshang.registries.services import entry_create, registry_setting_update
from zhaoshang.projects.services.projects import ProjectInput, project_create


def _project(office, name: str, unit_short_name: str):
    return project_create(actor=office, data=ProjectInput(name=name, enterprise_name=f"{name}公司", amount_wan=5000,
                                                          lead_unit=Unit.objects.get(short_name=unit_short_name)))


def test_a_plot_is_linked_to_a_project_by_part_of_its_name_and_shows_on_the_project(office, office_client):
    park = entry_create(registry=registry_named("park"), actor=office, data={"name": "璇玑园"})
    project = _project(office, "璇玑新材料扩产项目", "市发改委")
    response = office_client.post(f"/registries/park/{park.pk}/links/",
                                  {"to_kind": "project", "to_ref": "璇玑新材料", "relation": "located"}, follow=True)
    assert "已添加关联" in response.content.decode()
    assert "璇玑园" in office_client.get(f"/projects/{project.pk}/").content.decode()


def test_an_ambiguous_or_unknown_name_is_refused_in_words(office, office_client):
    park = entry_create(registry=registry_named("park"), actor=office, data={"name": "玲珑园"})
    _project(office, "玲珑一期项目", "市发改委")
    _project(office, "玲珑二期项目", "市发改委")
    page = office_client.post(f"/registries/park/{park.pk}/links/",
                              {"to_kind": "project", "to_ref": "玲珑", "relation": "related"}, follow=True).content.decode()
    assert "不止一个" in page
    page = office_client.post(f"/registries/park/{park.pk}/links/",
                              {"to_kind": "project", "to_ref": "不存在的项目", "relation": "related"}, follow=True).content.decode()
    assert "没有找到" in page


def test_a_unit_cannot_link_to_another_units_project(office, unit_user):
    registry = registry_named("park")
    registry_setting_update(actor=office, registry=registry, unit_ids=[unit_user.unit_id])
    park = entry_create(registry=registry, actor=unit_user, data={"name": "琉璃园"})
    other = _project(office, "琉璃商贸项目", "市商务局")
    client = Client()
    client.force_login(unit_user)
    page = client.post(f"/registries/park/{park.pk}/links/",
                       {"to_kind": "project", "to_ref": str(other.pk), "relation": "related"}, follow=True).content.decode()
    assert "无权查看" in page and "已添加关联" not in page
