"""Tasks have names: a short title derived from the notice, edited by the office, kept across revisions."""

import importlib

import pytest
from django.apps import apps

from zhaoshang.core.models import AuditLog
from zhaoshang.plans.models import Assignment, Task
from zhaoshang.plans.services.importing import notice_apply, notice_upload
from zhaoshang.plans.short_titles import derive_short_title, first_clause
from zhaoshang.supervision.models import Notification
from zhaoshang.supervision.services.urging import assignment_urge

from tests.plans.test_import_revision import _revised_seed


# --- derivation (pure) ------------------------------------------------------------------------------

def test_measure_headings_name_the_task():
    measures = ["石油化工。聚焦“减油增化”……", "盐化工。依托地下盐卤……", "纺织服装。以户外服饰……"]
    assert derive_short_title(measures=measures, target="传统产业延链升级,各产业链招引项目1") == "石油化工、盐化工等"


def test_a_single_heading_is_the_title():
    assert derive_short_title(measures=["石油化工。聚焦延链方向。"], target="x") == "石油化工"


def test_without_headings_the_target_opens_the_title():
    measures = ["聚焦固态电池、低空经济、氢能源等战略性新兴领域"]
    assert derive_short_title(measures=measures, target="未来产业前瞻布局,各产业链2025年招引亿元以上项目1") == "未来产业前瞻布局"


def test_a_shared_target_is_named_by_the_task_own_measure():
    title = derive_short_title(measures=["分类建立楚商信息、楚才名录"], target="新增楚商回乡投资额亿元以上的注册企业18家以上",
                               shared_target=True)
    assert title == "分类建立楚商信息"


def test_long_clauses_lose_a_leading_year_or_verb_and_stay_within_twelve_characters():
    assert first_clause("2025年通过平台招引3个以上产业项目") == "平台招引3个以上产业项目"
    assert first_clause("建立全市工业企业人才需求库,建成1个以上基地") == "全市工业企业人才需求库"
    title = derive_short_title(measures=[], target="这是一个非常非常非常长而且没有任何标点的目标句子")
    assert len(title) == 12 and title.endswith("…")


def test_focus_is_the_last_resort():
    assert derive_short_title(measures=[], target="", focus="楚商回乡") == "楚商回乡"


# --- import, backfill, office edit ----------------------------------------------------------------

def test_the_demo_import_names_every_task(demo):
    titles = dict(Task.objects.filter(plan=demo).values_list("number", "short_title"))
    assert titles["1"] == "石油化工、盐化工等" and titles["4"] == "未来产业前瞻布局"
    assert all(0 < len(t) <= 12 for t in titles.values())
    assert Task.objects.get(plan=demo, number="1").display_name == "任务1·石油化工、盐化工等"


def test_the_migration_backfills_existing_tasks(demo):
    Task.objects.filter(plan=demo).update(short_title="")
    migration = importlib.import_module("zhaoshang.plans.migrations.0002_task_short_title")
    migration.backfill(apps, None)
    assert Task.objects.get(plan=demo, number="3").short_title == "小龙虾深加工、生物医药等"


def test_office_names_a_task_audited_and_the_name_survives_a_revision(demo, office, office_client):
    task = Task.objects.get(plan=demo, number="1")
    response = office_client.post(f"/supervision/tasks/{task.pk}/title/", {"short_title": "传统产业延链"})
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.short_title == "传统产业延链" and task.short_title_by_office
    entry = AuditLog.objects.filter(object_type="plans.task", object_id=str(task.pk), action="update").latest("id")
    assert entry.before["short_title"] == "石油化工、盐化工等" and entry.after["short_title"] == "传统产业延链"
    notice_apply(upload=notice_upload(actor=office, filename="revised.txt", data=_revised_seed(), plan=demo), actor=office)
    task.refresh_from_db()
    assert task.short_title == "传统产业延链"


def test_an_empty_name_goes_back_to_the_derived_one(demo, office_client):
    task = Task.objects.get(plan=demo, number="4")
    office_client.post(f"/supervision/tasks/{task.pk}/title/", {"short_title": "临时名称"})
    office_client.post(f"/supervision/tasks/{task.pk}/title/", {"short_title": "  "})
    task.refresh_from_db()
    assert task.short_title == "未来产业前瞻布局" and not task.short_title_by_office


def test_a_too_long_name_is_refused_in_chinese(demo, office_client):
    task = Task.objects.get(plan=demo, number="4")
    response = office_client.post(f"/supervision/tasks/{task.pk}/title/", {"short_title": "名" * 21}, follow=True)
    assert "任务简称不超过20个字" in response.content.decode()
    task.refresh_from_db()
    assert task.short_title == "未来产业前瞻布局"


@pytest.mark.parametrize("who", ["unit_client", "leader_client"])
def test_only_the_office_names_tasks(demo, who, request):
    task = Task.objects.get(plan=demo, number="4")
    assert request.getfixturevalue(who).post(f"/supervision/tasks/{task.pk}/title/", {"short_title": "x"}).status_code == 403


def test_task_names_show_on_pages_and_in_notifications(demo, office, office_client):
    name = "任务1·石油化工、盐化工等"
    assert name in office_client.get("/supervision/").content.decode()
    assert name in office_client.get("/supervision/settings/").content.decode()
    assert name in office_client.get("/kpis/").content.decode()
    task_page = office_client.get(f"/supervision/tasks/{Task.objects.get(plan=demo, number='1').pk}/").content.decode()
    assert name in task_page and "聚焦“减油增化”延链方向" in task_page and "市经信局" in task_page  # measures, units
    assignment = Assignment.objects.filter(measure__task__plan=demo, measure__task__number="1").first()
    assignment_urge(actor=office, assignment=assignment, message="请尽快报送")
    assert Notification.objects.filter(text__startswith=name).exists()
