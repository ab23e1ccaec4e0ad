"""An export longer than EXPORT_LIMIT rows is cut there, and its title says so (core/xlsx.py): the project list
(openpyxl's write-only sheet) and every list written by list_workbook. Below the limit nothing changes."""

from zhaoshang.core.xlsx import list_workbook
from zhaoshang.projects.models import Project
from tests.excel_files import sheet_rows

CUT = "超过2行，只导出了前2行，请缩小筛选范围后分批导出"


def test_the_project_list_export_stops_at_the_limit_and_says_so(pipeline, office_client, monkeypatch):
    monkeypatch.setattr("zhaoshang.projects.exports.EXPORT_LIMIT", 2)
    monkeypatch.setattr("zhaoshang.core.xlsx.EXPORT_LIMIT", 2)
    rows = sheet_rows(office_client.get("/projects/export.xlsx").content)
    newest = list(Project.objects.order_by("-updated_at", "-id").values_list("pk", flat=True)[:2])
    assert CUT in rows[0][0] and [int(row[0]) for row in rows[2:]] == newest  # the list's first two, in its order


def test_an_export_within_the_limit_is_whole_and_says_nothing(pipeline, office_client, monkeypatch):
    monkeypatch.setattr("zhaoshang.projects.exports.EXPORT_LIMIT", 10)
    monkeypatch.setattr("zhaoshang.core.xlsx.EXPORT_LIMIT", 10)
    rows = sheet_rows(office_client.get("/projects/export.xlsx").content)
    assert "只导出了前" not in rows[0][0] and len(rows) - 2 == Project.objects.count()


def test_list_workbook_writes_at_most_the_limit(monkeypatch):
    monkeypatch.setattr("zhaoshang.core.xlsx.EXPORT_LIMIT", 2)
    rows = sheet_rows(list_workbook(sheet_title="表", title="清单", columns=[("名称", 10)], rows=([f"第{n}行"] for n in range(5))))
    assert rows[0][0] == f"清单（{CUT}）" and [row[0] for row in rows[2:]] == ["第0行", "第1行"]
    whole = sheet_rows(list_workbook(sheet_title="表", title="清单", columns=[("名称", 10)], rows=[["甲"], ["乙"]]))
    assert whole[0][0] == "清单" and len(whole) == 4


def test_the_export_button_says_when_the_list_is_longer_than_an_export(pipeline, office_client, monkeypatch):
    monkeypatch.setattr("zhaoshang.core.xlsx.EXPORT_LIMIT", 2)
    assert "导出Excel（按当前筛选，前2个）" in office_client.get("/projects/").content.decode()
    assert "导出Excel（按当前筛选）" in office_client.get("/projects/", {"q": "氯碱"}).content.decode()
    assert "导出Excel（按当前筛选，前2个）" in office_client.get("/projects/kanban/").content.decode()
    assert "导出Excel（按当前筛选）" in office_client.get("/needs/").content.decode()
    assert "导出Excel（按当前筛选）" in office_client.get("/meetings/").content.decode()
