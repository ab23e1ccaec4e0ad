"""Finding 11 of issue 13: a job whose worker died does not stay "导入中" (or "生成中") for ever. Its heartbeat
(core.jobs) goes quiet; the job pages find it, mark it failed with a Chinese message, and the uploader or the office
can check the file again or discard it. Bulletin jobs share the runner and get the same treatment."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.projects.test_ledger import ledger, row
from zhaoshang.core.excel_import.jobs import _Progress, import_run
from zhaoshang.core.excel_import.models import ImportJob, ImportStatus
from zhaoshang.core.excel_import.services import import_job_confirm, import_job_create
from zhaoshang.core.models import AuditLog
from zhaoshang.projects.ledger import KIND
from zhaoshang.projects.models import Project
from zhaoshang.reports.choices import JobStatus
from zhaoshang.reports.models import BulletinJob
from zhaoshang.reports.services import bulletin_request


def _crash(job, status, minutes=11) -> None:
    """What a worker killed mid-run leaves behind: the claimed status, and no heartbeat since."""
    ImportJob.objects.filter(pk=job.pk).update(status=status, progress=40, message="正在导入（400/1000）",
                                               heartbeat_at=timezone.now() - datetime.timedelta(minutes=minutes))


@pytest.fixture
def crashed(office):
    job = import_job_create(actor=office, kind=KIND, filename="台账.xlsx", data=ledger(row(lead="市发改委")))
    assert job.status == ImportStatus.CHECKED
    import_job_confirm(job=job, actor=office, start=False)
    _crash(job, ImportStatus.SAVING)
    return job


def test_a_job_whose_worker_died_is_failed_with_a_message_when_its_page_is_shown(crashed, office_client):
    page = office_client.get(reverse("project_import:job", args=[crashed.pk])).content.decode()
    crashed.refresh_from_db()
    assert crashed.status == ImportStatus.FAILED and crashed.finished_at
    assert "后台任务中断" in crashed.message and "10分钟" in crashed.message
    assert crashed.message in page and "重新校验此文件" in page and "放弃" in page
    assert AuditLog.objects.filter(action="import_failed", object_id=str(crashed.pk)).exists()


def test_a_live_job_with_a_recent_heartbeat_is_left_alone(crashed, office_client, settings):
    _crash(crashed, ImportStatus.SAVING, minutes=9)
    office_client.get(reverse("project_import:job", args=[crashed.pk]))
    crashed.refresh_from_db()
    assert crashed.status == ImportStatus.SAVING
    settings.JOB_STALE_MINUTES = 5  # the threshold is a setting
    office_client.get(reverse("project_import:status", args=[crashed.pk]))
    crashed.refresh_from_db()
    assert crashed.status == ImportStatus.FAILED and "5分钟" in crashed.message


def test_progress_and_claims_beat_the_heart(crashed):
    _crash(crashed, ImportStatus.SAVING)
    _Progress(crashed.pk, 5, 99, "正在导入")(10, 100)
    crashed.refresh_from_db()
    assert timezone.now() - crashed.heartbeat_at < datetime.timedelta(seconds=5)


def test_the_failed_job_is_retried_from_the_start_and_then_imported(crashed, office_client):
    office_client.get(reverse("project_import:job", args=[crashed.pk]))
    response = office_client.post(reverse("project_import:retry", args=[crashed.pk]))
    assert response.status_code == 302
    crashed.refresh_from_db()
    assert crashed.status == ImportStatus.CHECKED and crashed.good_rows == 1  # checked again, waits for a confirmation
    office_client.post(reverse("project_import:confirm", args=[crashed.pk]), {"mode": "all"})
    crashed.refresh_from_db()
    assert crashed.status == ImportStatus.DONE and Project.objects.filter(name=row()[0]).count() == 1
    assert import_run(crashed.pk) == "skipped"  # a late worker of the dead run finds nothing to claim


def test_only_a_failed_job_can_be_retried_and_the_office_may_discard_a_units_failed_job(crashed, unit_client, office_client,
                                                                                    unit_user):
    response = office_client.post(reverse("project_import:retry", args=[crashed.pk]), follow=True)
    assert "只有失败的导入可以重试" in response.content.decode()  # still "导入中" (heartbeat not yet stale here)
    ImportJob.objects.filter(pk=crashed.pk).update(requested_by=unit_user)
    _crash(crashed, ImportStatus.SAVING)
    office_client.get(reverse("project_import:upload"))  # the job list finds it too
    crashed.refresh_from_db()
    assert crashed.status == ImportStatus.FAILED
    office_client.post(reverse("project_import:discard", args=[crashed.pk]))
    crashed.refresh_from_db()
    assert crashed.status == ImportStatus.DISCARDED


def test_a_bulletin_job_whose_worker_died_is_failed_too(demo, office, office_client):
    job = bulletin_request(actor=office, period="2025-07", enqueue=False)
    BulletinJob.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING,
                                                 heartbeat_at=timezone.now() - datetime.timedelta(minutes=30))
    row_html = office_client.get(reverse("reports:bulletin_row", args=[job.pk])).content.decode()
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and "后台任务中断" in job.message and "请重新生成" in row_html
    assert "hx-trigger" not in row_html  # the row stops polling
