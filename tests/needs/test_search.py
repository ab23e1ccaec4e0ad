"""The needs list's 关键词 from the search index: a need's title and text, its project's and its enterprise's names."""

from zhaoshang.needs.search import NEED_KIND, need_hits
from zhaoshang.needs.services.tickets import NeedInput, need_create, need_update
from zhaoshang.projects.services.editing import project_update
from zhaoshang.search.selectors import search_ids
from tests.excel_files import sheet_rows


def _listed(client, query: str) -> str:
    response = client.get("/needs/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def test_a_need_is_found_by_its_title_its_text_its_project_and_its_enterprise(office, office_client, fgw, fgw_project,
                                                                            swj, swj_project, raise_need):
    power = raise_need(fgw_project, fgw, title="生产线投运需电力增容")
    land = need_create(actor=office, data=NeedInput(title="申请新增用地指标", need_type="land", unit=swj,
                                                    project=swj_project, description="二期厂房需用地约80亩"))
    assert "生产线投运需电力增容" in _listed(office_client, "增容")
    assert "申请新增用地指标" in _listed(office_client, "厂房")  # the text
    assert "生产线投运需电力增容" not in _listed(office_client, "厂房")
    assert set(need_hits("调峰").ids) == {power.pk}  # its project: LNG调峰储备中心项目
    assert set(need_hits("铝业").ids) == {land.pk}  # its enterprise (the project's investor): 广东某铝业有限公司


def test_a_need_registered_for_a_new_enterprise_is_found_by_its_name(office, office_client, fgw):
    need = need_create(actor=office, data=NeedInput(title="办理环评手续", need_type="permits", unit=fgw,
                                                    enterprise_name="璇玑生物科技有限公司"))
    assert need_hits("璇玑").ids == [need.pk]
    assert "办理环评手续" in _listed(office_client, "璇玑")


def test_an_edited_need_and_a_renamed_project_are_found_by_their_new_words(office, fgw, fgw_project, raise_need):
    need = raise_need(fgw_project, fgw)
    need_update(actor=office, need=need, title="配套道路建设", description="", need_type="other")
    assert search_ids(NEED_KIND, "道路").ids == [need.pk]
    assert search_ids(NEED_KIND, "增容").ids == []
    project_update(actor=office, project=fgw_project, changes={"name": "天然气储运中心项目"})
    assert need_hits("储运").ids == [need.pk]
    assert need_hits("调峰").ids == []


def test_a_unit_finds_only_the_needs_routed_to_it(unit_client, fgw, fgw_project, swj, swj_project, raise_need):
    raise_need(fgw_project, fgw, title="电力增容一期")
    raise_need(swj_project, swj, title="电力增容二期")
    html = _listed(unit_client, "增容")
    assert "电力增容一期" in html and "电力增容二期" not in html


def test_the_list_says_when_a_search_matches_more_needs_than_it_shows(office, office_client, fgw, fgw_project,
                                                                     raise_need, monkeypatch):
    monkeypatch.setattr("zhaoshang.needs.search.SEARCH_LIMIT", 1)
    monkeypatch.setattr("zhaoshang.search.selectors.SEARCH_LIMIT", 1)
    raise_need(fgw_project, fgw, title="申请电力增容")
    raise_need(fgw_project, fgw, title="申请用地指标")
    html = _listed(office_client, "申请")
    assert "匹配“申请”的诉求超过1件，只列出最近录入的1件" in html
    assert "申请用地指标" in html and "申请电力增容" not in html  # the newest
    assert "只列出最近录入" not in _listed(office_client, "用地")
    exported = sheet_rows(office_client.get("/needs/export.xlsx", {"q": "申请"}).content)
    assert "匹配“申请”的诉求超过1件，只导出最近录入的1件" in exported[0][0]
