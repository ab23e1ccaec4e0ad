"""Evidence is checked by content (not by name), limited in size, and served only to those who see the report."""

import datetime
import io

import pytest
import time_machine
from docx import Document
from django.test import Client

from zhaoshang.plans.models import Assignment
from zhaoshang.supervision.errors import SupervisionError
from zhaoshang.supervision.evidence import EvidenceError, evidence_type
from zhaoshang.supervision.services.attachments import attachment_add
from zhaoshang.supervision.services.reports import ReportInput, report_save

PNG = bytes.fromhex("89504E470D0A1A0A0000000D4948445200000001000000010806000000") + b"\0" * 64
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"
EXE = b"MZ\x90\x00" + b"\0" * 200
SEPT = datetime.datetime(2025, 9, 10, 10, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))


def _docx() -> bytes:
    buffer = io.BytesIO()
    Document().save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(("name", "data"), [("a.png", PNG), ("a.pdf", PDF), ("a.docx", None)])
def test_allowed_evidence(name, data):
    assert evidence_type(name, data or _docx(), 1024 * 1024)


@pytest.mark.parametrize(("name", "data", "message"), [
    ("report.pdf", EXE, "只能上传"),             # an executable renamed .pdf
    ("photo.png", PDF, "后缀与实际内容不符"),     # a PDF dressed as a picture
    ("a.txt", b"hello", "只能上传"),
    ("empty.pdf", b"", "空"),
])
def test_disguised_or_unknown_files_are_refused(name, data, message):
    with pytest.raises(EvidenceError, match=message):
        evidence_type(name, data, 1024 * 1024)


def test_too_large_is_refused():
    with pytest.raises(EvidenceError, match="过大"):
        evidence_type("big.pdf", PDF + b"0" * 2048, 1024)


@pytest.fixture
def draft(task5_assignment, agri_user):
    with time_machine.travel(SEPT, tick=False):
        return report_save(actor=agri_user, assignment=task5_assignment, submit=False, data=ReportInput(done_text="A"))


def test_unit_attaches_to_its_draft_and_others_cannot(draft, agri_user, unit_user, office):
    attachment = attachment_add(actor=agri_user, report=draft, filename="签约协议.pdf", data=PDF)
    assert attachment.content_type == "application/pdf" and attachment.file.read() == PDF
    for actor in (unit_user, office):
        with pytest.raises(Exception):
            attachment_add(actor=actor, report=draft, filename="x.pdf", data=PDF)


def test_no_attachments_once_submitted(draft, agri_user, task5_assignment):
    with time_machine.travel(SEPT, tick=False):
        report_save(actor=agri_user, assignment=task5_assignment, submit=True, data=ReportInput(done_text="A"))
    draft.refresh_from_db()
    with pytest.raises(SupervisionError):
        attachment_add(actor=agri_user, report=draft, filename="x.pdf", data=PDF)


def test_download_only_for_those_who_see_the_report(draft, agri_user, unit_user, leader):
    attachment = attachment_add(actor=agri_user, report=draft, filename="photo.png", data=PNG)
    url = f"/supervision/attachments/{attachment.pk}/"
    for user, expected in ((agri_user, 200), (leader, 200), (unit_user, 404)):
        client = Client()
        client.force_login(user)
        assert client.get(url).status_code == expected, user


def test_upload_through_the_page(draft, agri_user):
    client = Client()
    client.force_login(agri_user)
    upload = io.BytesIO(EXE)
    upload.name = "看我是PDF.pdf"
    response = client.post(f"/supervision/reports/{draft.pk}/attachments/", {"file": upload}, follow=True)
    assert "只能上传" in response.content.decode()
    assert not draft.attachments.exists()


def test_co_units_see_each_others_reports_on_a_shared_measure(demo):
    lead = Assignment.objects.get(measure__task__number="4", is_lead=True)
    co = Assignment.objects.get(measure__task__number="4", unit__short_name="市经信局")
    from zhaoshang.accounts.models import User
    from zhaoshang.supervision.models import ProgressReport

    with time_machine.travel(SEPT, tick=False):
        report = report_save(actor=User.objects.get(unit=co.unit), assignment=co, submit=True, data=ReportInput(done_text="A"))
    lead_user = User.objects.get(unit=lead.unit)
    assert ProgressReport.objects.restrict(lead_user, "view").filter(pk=report.pk).exists()
    outsider = User.objects.get(unit__short_name="市商务局")
    assert not ProgressReport.objects.restrict(outsider, "view").filter(pk=report.pk).exists()
