"""Nothing typed is lost on the report form: files go with the text (before the first save too), a wrong file is
removed before submitting, and an error re-renders everything typed with the message next to its field."""

import datetime

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from zhaoshang.core.models import AuditLog
from zhaoshang.supervision.models import ProgressReport, ReportAttachment

SEPT = datetime.datetime(2025, 9, 10, 10, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"
EXE = b"MZ\x90\x00" + b"\0" * 200
TEXT = "对接农业龙头企业3家，签约1家"


@pytest.fixture
def post(task5_assignment, agri_user):
    client = Client()
    client.force_login(agri_user)

    def send(button="submit", files=(), **fields):
        body = {"period_key": "2025-09", "version": "", "done_text": TEXT, "next_steps": "", "problems": "",
                "percent": "40", "work_status": "in_progress", button: "1",
                "evidence": [SimpleUploadedFile(name, data) for name, data in files], **fields}
        return client.post(f"/supervision/assignments/{task5_assignment.pk}/report/", body)

    return send


@time_machine.travel(SEPT, tick=False)
def test_an_error_keeps_the_text_and_the_file_and_says_so_next_to_the_field(post):
    page = post(percent="150", files=[("签约协议.pdf", PDF)])
    html = page.content.decode()
    assert page.status_code == 400
    assert TEXT in html and 'value="150"' in html  # everything typed is back
    assert 'id="error-percent"' in html  # the error sits under its field
    report = ProgressReport.objects.get()  # the file waits on the period's draft
    assert report.status == "draft" and report.done_text == ""
    assert [a.filename for a in report.attachments.all()] == ["签约协议.pdf"]
    assert "签约协议.pdf" in html and page.context["form"]["version"].value() == str(report.version)


@time_machine.travel(SEPT, tick=False)
def test_fixing_the_error_submits_the_text_with_the_file(post):
    first = post(percent="150", files=[("签约协议.pdf", PDF)])
    version = first.context["form"]["version"].value()
    response = post(version=version)
    assert response.status_code == 302
    report = ProgressReport.objects.get()
    assert report.status == "submitted" and report.done_text == TEXT and report.percent == 40
    assert report.attachments.count() == 1


@time_machine.travel(SEPT, tick=False)
def test_a_file_sent_with_the_first_submission_is_attached(post):
    assert post(files=[("签约协议.pdf", PDF)]).status_code == 302
    report = ProgressReport.objects.get()
    assert report.status == "submitted" and [a.filename for a in report.attachments.all()] == ["签约协议.pdf"]


@time_machine.travel(SEPT, tick=False)
def test_a_refused_file_stops_the_submission_and_keeps_the_text(post):
    page = post(files=[("报告.pdf", EXE)])
    html = page.content.decode()
    assert page.status_code == 400 and 'id="error-evidence"' in html and "报告.pdf" in html and TEXT in html
    assert not ProgressReport.objects.exists()


@time_machine.travel(SEPT, tick=False)
def test_a_wrong_file_is_removed_before_submitting_and_the_text_stays(post, agri_user):
    post(button="draft", files=[("错的.pdf", PDF), ("对的.pdf", PDF)])
    wrong = ReportAttachment.objects.get(filename="错的.pdf")
    page = post(button="upload", done_text="还没写完的文字", version="2", remove_attachment=str(wrong.pk))
    assert page.status_code == 200 and "还没写完的文字" in page.content.decode()
    assert not page.context["form"].errors  # removing a file judges nothing else
    report = ProgressReport.objects.get()
    assert [a.filename for a in report.attachments.all()] == ["对的.pdf"]
    assert ReportAttachment.all_objects.get(pk=wrong.pk).deleted_by == agri_user  # hidden, kept for the record
    assert AuditLog.objects.filter(action="delete", object_id=str(wrong.pk)).exists()
    assert report.done_text == TEXT  # the draft still holds what was saved


@time_machine.travel(SEPT, tick=False)
def test_files_of_a_submitted_report_stay(post):
    post(files=[("签约协议.pdf", PDF)])
    attachment = ReportAttachment.objects.get()
    page = post(button="upload", remove_attachment=str(attachment.pk))
    assert ReportAttachment.objects.filter(pk=attachment.pk).exists()
    assert "不能再修改" in page.content.decode()
