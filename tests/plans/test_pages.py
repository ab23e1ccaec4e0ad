"""Plan overview, a unit's page, search, the import flow and chain editing, as the pages show them."""

import io
from pathlib import Path


from zhaoshang.accounts.models import Unit, User
from zhaoshang.plans.models import Assignment, Chain, ChainLink, NoticeUpload, Plan

SEED = Path(__file__).resolve().parents[2] / "src/zhaoshang/demo/demo_data/qianjiang-2025-zhaoshang-task-list.txt"


def test_plan_overview_shows_focus_target_tasks_and_lead_units(unit_client, demo, django_assert_max_num_queries):
    with django_assert_max_num_queries(15):
        response = unit_client.get(f"/plans/{demo.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('class="task-number"') == 18
    for text in ("产业生态招商", "楚商回乡", "各产业链2025年招引亿元以上项目1", "时限：长期", "时限：2025年12月", "unit-chip lead"):
        assert text in html
    assert "导入修订版" not in html  # unit users get no structure controls


def test_unit_page_lists_its_measures_with_edit_controls_only_for_its_own_unit(unit_client, demo, django_assert_max_num_queries):
    own = Unit.objects.get(short_name="市发改委")
    other = Unit.objects.get(short_name="市商务局")
    with django_assert_max_num_queries(10):
        mine = unit_client.get(f"/units/{own.pk}/").content.decode()
    theirs = unit_client.get(f"/units/{other.pk}/").content.decode()
    assert "edit-assignment" in mine and "牵头" in mine
    assert "edit-assignment" not in theirs
    assert "铝基新材料" in theirs


def test_leader_sees_everything_and_can_edit_nothing(leader_client, demo):
    unit = Unit.objects.get(short_name="市发改委")
    html = leader_client.get(f"/units/{unit.pk}/").content.decode()
    assert "edit-assignment" not in html
    assignment = Assignment.objects.filter(unit=unit).first()
    assert leader_client.post(f"/plans/assignments/{assignment.pk}/edit/", {"contact_person": "x"}).status_code == 403


def test_unit_edits_its_contact_through_the_htmx_form(unit_client, unit_user, demo):
    assignment = Assignment.objects.filter(unit=unit_user.unit).first()
    response = unit_client.post(f"/plans/assignments/{assignment.pk}/edit/",
                                {"contact_person": "赵六", "contact_phone": "0728-6000000", "note": "已对接"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "赵六" in response.content.decode()
    assignment.refresh_from_db()
    assert assignment.contact_phone == "0728-6000000"


def test_unit_cannot_post_to_another_units_assignment(unit_client, demo):
    other = Assignment.objects.filter(unit__short_name="市商务局").first()
    assert unit_client.post(f"/plans/assignments/{other.pk}/edit/", {"contact_person": "x"}).status_code == 404
    other.refresh_from_db()
    assert other.contact_person == ""


def test_search_by_text_and_by_unit(unit_client, demo):
    hits = unit_client.get(f"/plans/{demo.pk}/search/", {"q": "小龙虾"}).context["results"]
    assert {m.task.number for m in hits} == {"3"}
    two_chars = unit_client.get(f"/plans/{demo.pk}/search/", {"q": "储能"}).context["results"]
    assert two_chars
    unit = Unit.objects.get(short_name="市国资委")
    by_unit = unit_client.get(f"/plans/{demo.pk}/search/", {"unit": unit.pk}).context["results"]
    assert {m.task.number for m in by_unit} == {"17", "18"}
    fragment = unit_client.get(f"/plans/{demo.pk}/search/", {"q": "基金"}, HTTP_HX_REQUEST="true")
    assert "<html" not in fragment.content.decode() and "任务18" in fragment.content.decode()


def test_import_flow_upload_preview_confirm(office_client, demo):
    text = SEED.read_text(encoding="utf-8").replace("市文化旅游局", "市文化和旅游发展中心")
    upload = io.BytesIO(text.encode())
    upload.name = "new.txt"
    response = office_client.post("/plans/import/", {"file": upload})
    assert response.status_code == 302
    preview = office_client.get(response["Location"])
    html = preview.content.decode()
    assert "市文化和旅游发展中心" in html and "未能识别的责任单位" in html
    pending = NoticeUpload.objects.get(status="pending")
    incomplete = office_client.post(response["Location"], {"confirm": "1"})
    assert incomplete.status_code == 200 and Plan.objects.count() == 1
    target = Unit.objects.get(short_name="市文化旅游局")
    done = office_client.post(response["Location"], {"confirm": "1", "unit:市文化和旅游发展中心": target.pk})
    assert done.status_code == 302 and Plan.objects.count() == 2
    pending.refresh_from_db()
    assert pending.status == "applied"


def test_discarding_an_upload(office_client, demo):
    upload = io.BytesIO(SEED.read_bytes())
    upload.name = "again.txt"
    location = office_client.post("/plans/import/", {"file": upload})["Location"]
    office_client.post(location, {"discard": "1"})
    assert NoticeUpload.objects.get(filename="again.txt").status == "discarded"
    assert office_client.get(location).status_code == 404


def test_office_edits_and_merges_chains(office_client, office, demo):
    chain = Chain.objects.get(plan=demo, name="光电材料")
    response = office_client.post(f"/plans/chains/{chain.pk}/edit/", {
        "name": "光电材料", "category": "新兴产业", "links_text": "器件模组-光学镜头-特种光纤", "weak_text": "光通信器件、新型显示模组",
        "lead_unit": chain.lead_unit_id,
    })
    assert response.status_code == 302
    assert [link.name for link in chain.links.filter(is_weak=False)] == ["器件模组", "光学镜头", "特种光纤"]
    office_client.post(f"/plans/{demo.pk}/chains/new/", {"name": "光电子信息", "links_text": "芯片-器件", "category": "新兴产业"})
    extra = Chain.objects.get(plan=demo, name="光电子信息")
    office_client.post(f"/plans/chains/{extra.pk}/merge/", {"into": chain.pk})
    assert not Chain.objects.filter(pk=extra.pk).exists()
    assert Chain.all_objects.get(pk=extra.pk).merged_into == chain
    assert ChainLink.objects.filter(chain=chain, name="芯片").exists()


def test_original_notice_file_downloads_for_plan_readers(unit_client, demo):
    upload = NoticeUpload.objects.get(plan=demo, status="applied")
    response = unit_client.get(f"/plans/uploads/{upload.pk}/file/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == SEED.read_bytes()
    assert User.objects.get(username="fgw").role == "unit"


def test_plan_exports_to_excel_one_row_per_measure(unit_client, demo):
    import openpyxl

    response = unit_client.get(f"/plans/{demo.pk}/export.xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    assert len(rows) == 40
    task4 = next(r for r in rows if r[0] == "4")
    assert task4[4] == "市发改委" and task4[5] == "市经信局、市招商服务中心" and task4[6] == "2025年12月"
    unit = Unit.objects.get(short_name="市国资委")
    mine = openpyxl.load_workbook(io.BytesIO(unit_client.get(f"/plans/{demo.pk}/export.xlsx?unit={unit.pk}").content)).active
    assert [r[0] for r in mine.iter_rows(min_row=3, values_only=True)] == ["17", "18"]
