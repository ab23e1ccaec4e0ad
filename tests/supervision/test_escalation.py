"""The office escalates to a leader with a numbered 督办单 that opens in Word."""

import io

import pytest
from docx import Document

from zhaoshang.core.services import PermissionDenied
from zhaoshang.supervision.errors import SupervisionError
from zhaoshang.supervision.models import Notification
from zhaoshang.supervision.services.escalation import assignment_escalate


def test_escalation_is_numbered_per_year_and_tells_the_leader(task5_assignment, office, leader):
    first = assignment_escalate(actor=office, assignment=task5_assignment, leader=leader, reason="连续两期未报送，请督促")
    second = assignment_escalate(actor=office, assignment=task5_assignment, leader=leader, reason="仍未整改")
    assert second.serial == first.serial + 1 and first.number.startswith("督办〔")
    assert Notification.objects.filter(user=leader, text__contains=first.number).exists()


def test_only_the_office_escalates_and_only_to_a_leader(task5_assignment, office, leader, agri_user):
    with pytest.raises(PermissionDenied):
        assignment_escalate(actor=agri_user, assignment=task5_assignment, leader=leader, reason="x")
    with pytest.raises(SupervisionError):
        assignment_escalate(actor=office, assignment=task5_assignment, leader=agri_user, reason="x")


def test_the_notice_downloads_as_word_with_its_fields(task5_assignment, office, leader, leader_client):
    escalation = assignment_escalate(actor=office, assignment=task5_assignment, leader=leader, reason="请于本周内报送")
    response = leader_client.get(f"/supervision/escalations/{escalation.pk}/notice.docx")
    assert response.status_code == 200
    document = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs) + "\n".join(c.text for row in document.tables[0].rows for c in row.cells)
    for expected in ("督 办 单", escalation.number, "市农业农村局", "请于本周内报送", "领导批示", "2025年9月"):
        assert expected in text
