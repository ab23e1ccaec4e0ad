"""Every list an export job can write (exports/kinds.py) writes what its page's export link downloads: the needs and
the meetings here (the projects and the registries in their own tests)."""

import datetime

import pytest

from zhaoshang.exports.jobs import export_run
from zhaoshang.exports.models import ExportJob
from zhaoshang.exports.services import export_request
from zhaoshang.projects.services.projects import ProjectInput, project_create
from tests.excel_files import sheet_rows
from tests.meetings.conftest import meeting  # noqa: F401  (fixtures)
from tests.needs.conftest import fgw, fgw_project, raise_need  # noqa: F401


@pytest.mark.parametrize(("kind", "url", "title"), [("needs", "/needs/export.xlsx", "企业诉求办理情况"),
                                                     ("meetings", "/meetings/export.xlsx", "会商调度会议")])
def test_a_job_writes_the_file_the_link_downloads(office, office_client, monkeypatch, kind, url, title, meeting, fgw,
                                                  fgw_project, raise_need, django_capture_on_commit_callbacks):
    raise_need(fgw_project, fgw)
    direct = sheet_rows(office_client.get(url).content)
    assert direct[0][0].startswith(title)
    monkeypatch.setattr("zhaoshang.exports.services.SYNC_ROWS", 0)  # every list with a row is long
    with django_capture_on_commit_callbacks(execute=True):
        response = office_client.get(url)
    job = ExportJob.objects.get(kind=kind)
    assert response.status_code == 302 and response["Location"] == f"/exports/{job.pk}/"
    job.refresh_from_db()
    assert job.status == "done" and job.rows == len(direct) - 2
    assert sheet_rows(b"".join(office_client.get(f"/exports/{job.pk}/file/").streaming_content))[1:] == direct[1:]


def test_a_long_drill_of_projects_is_written_by_a_job(office, office_client, fgw, monkeypatch,
                                                     django_capture_on_commit_callbacks):
    project_create(actor=office, data=ProjectInput(name="明细导出项目", enterprise_name="某明细公司", amount_wan=100,
                                                   lead_unit=fgw, stage="signed", stage_since=datetime.date(2025, 6, 1)))
    url = "/kpis/drill.xlsx?kind=projects&stage=signed&year=2025&as_of=2025-12-31"
    direct = sheet_rows(office_client.get(url).content)
    assert "明细导出项目" in [row[1] for row in direct[2:]]
    monkeypatch.setattr("zhaoshang.exports.services.SYNC_ROWS", 0)
    with django_capture_on_commit_callbacks(execute=True):
        response = office_client.get(url)
    job = ExportJob.objects.get(kind="kpi_drill")
    assert response.status_code == 302 and job.label == "指标明细"
    job.refresh_from_db()
    written = sheet_rows(b"".join(office_client.get(f"/exports/{job.pk}/file/").streaming_content))
    assert written[1:] == direct[1:] and job.rows == len(direct) - 2 >= 1


def test_an_unknown_kind_fails_with_a_message(office):
    job = export_request(actor=office, kind="nothing", label="某表", params="", list_url="/")
    assert export_run(job.pk) == "failed"
    job.refresh_from_db()
    assert job.message.startswith("导出失败")
