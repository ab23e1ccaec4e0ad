"""The 督办单 is dated by the Beijing day it was issued (not the UTC day: after 16:00 UTC it is already tomorrow), and
carries the office's header with its number, the unit it is addressed to, page numbers and the office as author."""

import datetime
import io

from docx import Document

from zhaoshang.supervision.models import Escalation
from zhaoshang.supervision.notice_docx import escalation_docx
from zhaoshang.supervision.services.escalation import assignment_escalate


def test_the_notice_is_dated_in_beijing_time_and_headed_officially(task5_assignment, office, leader):
    escalation = assignment_escalate(actor=office, assignment=task5_assignment, leader=leader, reason="请于本周内报送")
    late_evening_utc = datetime.datetime(2026, 12, 4, 17, 30, tzinfo=datetime.UTC)  # 5 December 01:30 in Beijing
    Escalation.objects.filter(pk=escalation.pk).update(created_at=late_evening_utc)
    escalation.refresh_from_db()
    document = Document(io.BytesIO(escalation_docx(escalation)))
    texts = [p.text for p in document.paragraphs]
    assert "2026年12月5日" in texts and "2026年12月4日" not in "\n".join(texts)
    assert escalation.number in texts  # the number line under the red header
    assert f"{task5_assignment.unit.name}：" in texts  # 主送
    assert document.core_properties.author == "市招商服务中心"
    assert "PAGE" in document.sections[0].footer._element.xml
