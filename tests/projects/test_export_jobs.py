"""A list longer than SYNC_ROWS is exported in the background (exports app): the export link starts a job and lands
on its page, which polls its progress until the file can be downloaded; the file holds what the list shows to the
user who asked, and only that user sees the job. A shorter list still downloads at once."""

import datetime

import pytest
from django.utils import timezone

from zhaoshang.core.models import AuditLog
from zhaoshang.exports.jobs import export_run
from zhaoshang.exports.models import ExportJob
from zhaoshang.exports.services import export_request, exports_purge
from zhaoshang.projects.selectors import project_listing
from tests.excel_files import sheet_rows


@pytest.fixture
def short_sync(monkeypatch):
    monkeypatch.setattr("zhaoshang.exports.services.SYNC_ROWS", 2)


def test_a_long_list_is_exported_by_a_job_with_its_filter(pipeline, office, office_client, short_sync,
                                                          django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = office_client.get("/projects/export.xlsx", {"stage": "negotiating", "page": "2"})
    job = ExportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/exports/{job.pk}/"
    job.refresh_from_db()
    assert (job.status, job.progress, job.kind, job.requested_by) == ("done", 100, "projects", office)
    page = office_client.get(f"/exports/{job.pk}/").content.decode()
    assert "项目库导出" in page and f"/exports/{job.pk}/file/" in page and "every 1s" not in page
    assert "/projects/?stage=negotiating" in page  # 返回列表 keeps the filter
    download = office_client.get(f"/exports/{job.pk}/file/")
    assert download.status_code == 200 and "attachment" in download["Content-Disposition"]
    rows = sheet_rows(b"".join(download.streaming_content))
    negotiating = project_listing(user=office, params={"stage": "negotiating"}).rows
    assert rows[0][0].startswith("项目库") and sorted(int(row[0]) for row in rows[2:]) == sorted(p.pk for p in negotiating)
    assert job.rows == len(rows) - 2 and f"共{job.rows}行" in job.message
    assert AuditLog.objects.filter(object_type="exports.exportjob", object_id=str(job.pk), action="request").exists()


def test_the_job_writes_what_the_list_shows_its_requester(pipeline, unit_user, unit_client, monkeypatch,
                                                          django_capture_on_commit_callbacks):
    monkeypatch.setattr("zhaoshang.exports.services.SYNC_ROWS", 0)
    with django_capture_on_commit_callbacks(execute=True):
        unit_client.get("/projects/export.xlsx")
    job = ExportJob.objects.get()
    rows = sheet_rows(b"".join(unit_client.get(f"/exports/{job.pk}/file/").streaming_content))
    own = project_listing(user=unit_user, params={}).rows
    assert rows[2:] and sorted(int(row[0]) for row in rows[2:]) == sorted(p.pk for p in own)


def test_only_the_requester_sees_the_job_and_its_file(pipeline, office, unit_client, leader_client):
    job = export_request(actor=office, kind="projects", label="项目库", params="", list_url="/projects/")
    export_run(job.pk)
    for client in (unit_client, leader_client):
        assert client.get(f"/exports/{job.pk}/").status_code == 404
        assert client.get(f"/exports/{job.pk}/file/").status_code == 404


def test_a_running_job_polls_its_progress_and_stops_when_done(pipeline, office, office_client):
    job = export_request(actor=office, kind="projects", label="项目库", params="", list_url="/projects/")
    queued = office_client.get(f"/exports/{job.pk}/status/").content.decode()
    assert 'hx-trigger="every 1s"' in queued and "排队中</div>" in queued and ">0%<" not in queued
    ExportJob.objects.filter(pk=job.pk).update(status="running", progress=40, message="已写入2000行，共5000行")
    status = office_client.get(f"/exports/{job.pk}/status/").content.decode()
    assert 'hx-trigger="every 1s"' in status and "40%" in status and "已写入2000行" in status
    ExportJob.objects.filter(pk=job.pk).update(status="queued")
    assert export_run(job.pk) == "done" and export_run(job.pk) == "skipped"
    status = office_client.get(f"/exports/{job.pk}/status/").content.decode()
    assert "hx-trigger" not in status and "下载" in status


def test_a_job_that_fails_says_so_and_a_double_click_asks_once(pipeline, office, office_client):
    job = export_request(actor=office, kind="nothing", label="某表", params="a=1", list_url="/projects/")
    assert export_request(actor=office, kind="nothing", label="某表", params="a=1", list_url="/projects/") == job
    assert export_run(job.pk) == "failed"
    page = office_client.get(f"/exports/{job.pk}/").content.decode()
    assert "导出失败" in page and "/exports/" not in page.split("导出失败")[1].split("</div>")[0]


def test_old_exports_are_removed_with_their_files(pipeline, office):
    job = export_request(actor=office, kind="projects", label="项目库", params="", list_url="/projects/")
    export_run(job.pk)
    job.refresh_from_db()
    storage, name = job.file.storage, job.file.name
    assert storage.exists(name)
    ExportJob.objects.filter(pk=job.pk).update(created_at=timezone.now() - datetime.timedelta(days=8))
    assert exports_purge() == 1 and not storage.exists(name) and not ExportJob.objects.exists()


def test_a_short_list_still_downloads_at_once(pipeline, office_client):
    response = office_client.get("/projects/export.xlsx")
    assert response.status_code == 200 and not ExportJob.objects.exists()
