"""The 督办单 as a Word document: number, matter, unit, deadline, progress, problems, requirements, leader's note."""

import io

from django.utils import timezone
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from zhaoshang.core import docx_style as style
from zhaoshang.reports.letterhead import letterhead_for
from zhaoshang.supervision.models import Escalation
from zhaoshang.supervision.selectors.status import statuses_as_of


def escalation_docx(escalation: Escalation) -> bytes:
    """The 督办单 under GB/T 9704: the office's (optional red) header with the 督办单's number, addressed to the
    responsible unit, dated in Beijing time (the day it was issued there, not the UTC day)."""
    assignment = escalation.assignment
    task = assignment.measure.task
    issued_on = timezone.localtime(escalation.created_at).date()
    status = statuses_as_of([assignment], issued_on)[assignment.pk]
    latest = status.latest
    office = escalation.created_by.unit
    head = letterhead_for(year=escalation.year, seq=escalation.serial, number=escalation.number)
    issuer = office.name if office else head.issuer
    document = Document()
    style.setup(document, title=f"督办单 {escalation.number}", author=issuer)
    style.letterhead(document, mark=head.mark, number=head.number, red=head.red)
    style.title(document, "督 办 单")
    style.paragraph(document, f"{issued_on.year}年{issued_on.month}月{issued_on.day}日",
                    align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    style.recipients(document, assignment.unit.name)
    rows = [
        ["督办事项", f"任务{task.number} 举措{assignment.measure.ordinal}：{assignment.measure.text}"],
        ["责任单位", f"{assignment.unit.name}（{'牵头' if assignment.is_lead else '配合'}）"],
        ["完成时限", task.deadline_display],
        ["当前状态", f"{status.result.reason}；应报{len(status.due)}期，未报{len(status.missing)}期"],
        ["最近进展", f"{latest.period_label}：{latest.done_text}" if latest else "尚未报送"],
        ["存在问题", latest.problems if latest and latest.problems else "无"],
        ["督办要求", escalation.reason],
        ["领导批示", "\n\n\n"],
    ]
    style.table(document, ["项目", "内容"], rows, [30, 126])
    style.paragraph(document, f"{issuer}（督办）", align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
    style.colophon(document, copy_to=head.copy_to, issuer=issuer, issued_on=issued_on)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
