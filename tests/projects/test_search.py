"""The project list's 关键词 served from the search index: names and investors' names, 2-character Chinese queries,
renames, the recycle bin, the ledger's bulk path, and the note when a search matches more than the list shows."""

import pytest
from django.urls import reverse

from zhaoshang.accounts.models import Unit
from zhaoshang.core.services import object_restore
from zhaoshang.projects.search import ENTERPRISE_KIND, PROJECT_KIND, project_hits
from zhaoshang.projects.services.bulk import projects_create_many
from zhaoshang.projects.services.editing import project_delete, project_update
from zhaoshang.projects.services.projects import ProjectInput, enterprise_for, project_create
from zhaoshang.search.selectors import search_ids
from tests.excel_files import sheet_rows

CODE = "91330100799655058B"  # a valid credit code (checked by projects.credit_code)


def _listed(client, query: str) -> str:
    response = client.get(reverse("projects:list"), {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def test_a_two_character_query_finds_a_project_by_its_name_and_by_its_investors_name(pipeline, office_client):
    html = _listed(office_client, "氯碱")
    assert pipeline["salt"].name in html and pipeline["crayfish"].name not in html
    html = _listed(office_client, "燃气")  # 武汉某燃气有限公司 invests in the reserve project
    assert pipeline["reserve"].name in html and pipeline["salt"].name not in html


def test_the_api_and_the_export_read_the_same_search(pipeline, office_client):
    rows = office_client.get("/api/v1/projects", {"q": "龙虾"}).json()
    rows = rows.get("items", rows) if isinstance(rows, dict) else rows
    assert [row["name"] for row in rows] == [pipeline["crayfish"].name]


def test_a_unit_user_finds_only_its_own_projects(pipeline, unit_client):
    assert pipeline["reserve"].name in _listed(unit_client, "燃气")
    assert pipeline["salt"].name not in _listed(unit_client, "氯碱")


def test_a_renamed_project_is_found_by_its_new_name_and_not_its_old(pipeline, office, office_client):
    project_update(actor=office, project=pipeline["crayfish"], changes={"name": "稻虾共作产业园项目"})
    assert "稻虾共作产业园项目" in _listed(office_client, "稻虾")
    assert "稻虾共作产业园项目" not in _listed(office_client, "龙虾")


def test_a_project_in_the_recycle_bin_is_not_listed_and_is_found_again_when_restored(pipeline, office, office_client):
    project_delete(actor=office, project=pipeline["crayfish"])
    assert pipeline["crayfish"].name not in _listed(office_client, "龙虾")
    object_restore(obj=pipeline["crayfish"], actor=office)
    assert pipeline["crayfish"].name in _listed(office_client, "龙虾")


def test_enterprise_for_indexes_the_enterprise_it_creates_or_gives_a_credit_code(demo):
    created = enterprise_for("璇玑光电科技有限公司", "")
    assert search_ids(ENTERPRISE_KIND, "璇玑").ids == [created.pk]
    assert enterprise_for("璇玑光电科技有限公司", CODE).pk == created.pk
    assert search_ids(ENTERPRISE_KIND, CODE[-6:]).ids == [created.pk]  # the directory searches credit codes too


def test_a_changed_investor_is_found_by_its_name(pipeline, office, office_client):
    project_update(actor=office, project=pipeline["crayfish"], changes={"enterprise_name": "璇玑水产有限公司"})
    assert pipeline["crayfish"].name in _listed(office_client, "璇玑")


def test_projects_imported_in_bulk_and_their_new_enterprises_are_found(demo, office, office_client):
    unit = Unit.objects.get(short_name="市发改委")
    existing = project_create(actor=office, data=ProjectInput(name="既有项目", enterprise_name="天枢材料有限公司",
                                                              amount_wan=1000, lead_unit=unit))
    projects = projects_create_many(actor=office, items=[
        ProjectInput(name="天璇新材料项目", enterprise_name="开阳精工有限公司", amount_wan=5000, lead_unit=unit),
        ProjectInput(name="摇光储能项目", enterprise_name="天枢材料有限公司", credit_code=CODE, amount_wan=8000,
                     lead_unit=unit)])
    assert search_ids(PROJECT_KIND, "天璇").ids == [projects[0].pk]
    new_enterprise = projects[0].enterprises.get()
    assert search_ids(ENTERPRISE_KIND, "开阳").ids == [new_enterprise.pk]
    assert search_ids(ENTERPRISE_KIND, CODE).ids == [existing.enterprises.get().pk]  # found by name, given its code
    html = _listed(office_client, "开阳")
    assert "天璇新材料项目" in html and "摇光储能项目" not in html
    assert set(project_hits("天枢").ids) == {existing.pk, projects[1].pk}


def test_the_list_says_when_a_search_matches_more_projects_than_it_shows(pipeline, office_client, monkeypatch):
    monkeypatch.setattr("zhaoshang.projects.search.SEARCH_LIMIT", 1)
    monkeypatch.setattr("zhaoshang.search.selectors.SEARCH_LIMIT", 1)
    html = _listed(office_client, "项目")  # every project's name holds 项目
    assert "匹配“项目”的项目超过1个，只列出最近录入的1个" in html
    assert html.count('class="project-row"') == 1
    assert "只列出最近录入" not in _listed(office_client, "氯碱")
    board = office_client.get(reverse("projects:kanban"), {"q": "项目"}).content.decode()
    assert "匹配“项目”的项目超过1个，只列出最近录入的1个" in board  # the board counts the same cut search
    assert "只列出最近录入" not in office_client.get(reverse("projects:kanban"), {"q": "氯碱"}).content.decode()
    exported = sheet_rows(office_client.get(reverse("projects:export"), {"q": "项目"}).content)
    assert "匹配“项目”的项目超过1个，只导出最近录入的1个" in exported[0][0] and len(exported) == 3  # title, header, 1 row
    assert "只导出" not in sheet_rows(office_client.get(reverse("projects:export"), {"q": "氯碱"}).content)[0][0]


@pytest.mark.parametrize("query", ["", " ", "氯"])
def test_short_or_empty_queries_still_answer(pipeline, office_client, query):
    assert office_client.get(reverse("projects:list"), {"q": query}).status_code == 200
