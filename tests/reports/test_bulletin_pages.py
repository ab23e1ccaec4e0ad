"""The office requests a bulletin and downloads it (the immediate backend runs the job at once); the job row
polls while it runs; leaders download; units neither see nor download bulletins."""

import datetime

import pytest
from django.test import Client

from zhaoshang.plans.models import Plan
from zhaoshang.reports.jobs import bulletin_run
from zhaoshang.reports.models import BulletinJob
from zhaoshang.reports.services import bulletin_request


@pytest.fixture
def done_job(july, office, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = bulletin_request(actor=office, period="2025-07")
    job.refresh_from_db()
    return job


def test_office_requests_a_bulletin_and_downloads_both_files(july, office_client, django_capture_on_commit_callbacks):
    page = office_client.get("/reports/bulletins/")
    assert page.status_code == 200 and "生成通报" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = office_client.post("/reports/bulletins/new/", {"period": "2025-07"})
    assert response.status_code == 302
    job = BulletinJob.objects.get()
    assert (job.status, job.progress, job.period) == ("done", 100, "2025-07") and job.task_result_id
    assert "红灯" in job.message
    listing = office_client.get("/reports/bulletins/").content.decode()
    assert f"/reports/bulletins/{job.pk}/docx/" in listing and "every 1s" not in listing
    docx = office_client.get(f"/reports/bulletins/{job.pk}/docx/")
    assert docx.status_code == 200 and docx["Content-Type"].endswith("wordprocessingml.document")
    assert "attachment" in docx["Content-Disposition"]
    assert b"".join(docx.streaming_content)[:2] == b"PK"
    assert office_client.get(f"/reports/bulletins/{job.pk}/xlsx/").status_code == 200


def test_a_bad_period_is_shown_on_the_form(demo, office_client):
    response = office_client.post("/reports/bulletins/new/", {"period": "2025-13"})
    assert response.status_code == 400 and "通报期格式不正确" in response.content.decode()
    assert not BulletinJob.objects.exists()


def test_a_running_job_row_polls_every_second_and_stops_when_done(july, office, office_client):
    job = bulletin_request(actor=office, period="2025-07", enqueue=False)
    BulletinJob.objects.filter(pk=job.pk).update(status="running", progress=40, message="正在生成Word通报")
    row = office_client.get(f"/reports/bulletins/{job.pk}/row/").content.decode()
    assert 'hx-trigger="every 1s"' in row and f'hx-get="/reports/bulletins/{job.pk}/row/"' in row and "40%" in row
    BulletinJob.objects.filter(pk=job.pk).update(status="queued")
    assert bulletin_run(job.pk) == "done"
    row = office_client.get(f"/reports/bulletins/{job.pk}/row/").content.decode()
    assert "hx-trigger" not in row and "通报(Word)" in row


def test_a_job_runs_once(done_job):
    assert bulletin_run(done_job.pk) == "skipped"


def test_a_failed_job_says_why_in_chinese(july, office):
    job = bulletin_request(actor=office, period="2025-07", enqueue=False)
    Plan.objects.filter(pk=job.plan_id).update(deleted_at=datetime.datetime(2025, 8, 1, tzinfo=datetime.UTC))
    assert bulletin_run(job.pk) == "failed"
    job.refresh_from_db()
    assert job.status == "failed" and job.message == "生成失败：该任务清单已删除，不能生成通报。" and not job.docx


def test_leaders_read_and_download_but_cannot_request(done_job, leader_client):
    page = leader_client.get("/reports/bulletins/").content.decode()
    assert "生成通报</button>" not in page and f"/reports/bulletins/{done_job.pk}/docx/" in page
    assert leader_client.get(f"/reports/bulletins/{done_job.pk}/docx/").status_code == 200
    assert leader_client.post("/reports/bulletins/new/", {"period": "2025-07"}).status_code == 403


def test_units_get_no_bulletins(done_job, unit_client, admin_user):
    assert unit_client.get("/reports/bulletins/").status_code == 403
    for kind in ("docx", "xlsx", "row"):
        assert unit_client.get(f"/reports/bulletins/{done_job.pk}/{kind}/").status_code == 404
    assert unit_client.post("/reports/bulletins/new/", {"period": "2025-07"}).status_code == 403
    admin = Client()
    admin.force_login(admin_user)
    assert admin.get(f"/reports/bulletins/{done_job.pk}/docx/").status_code == 404


def test_a_double_click_queues_one_job(july, office, django_capture_on_commit_callbacks):
    first = bulletin_request(actor=office, period="2025-07", enqueue=False)
    assert bulletin_request(actor=office, period="2025-07") == first  # still queued: the same job
    assert BulletinJob.objects.count() == 1


def test_only_the_office_requests_bulletins(demo, leader):
    from zhaoshang.core.services import PermissionDenied

    with pytest.raises(PermissionDenied):
        bulletin_request(actor=leader, period="2025-07")
