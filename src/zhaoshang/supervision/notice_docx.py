"""The 督办单 as a Word document: number, matter, unit, deadline, progress, problems, requirements, leader's note."""

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from zhaoshang.core import docx_style as style
from zhaoshang.supervision.models import Escalation
from zhaoshang.supervision.selectors.status import statuses_as_of


def escalation_docx(escalation: Escalation) -> bytes:
    assignment = escalation.assignment
    task = assignment.measure.task
    status = statuses_as_of([assignment], escalation.created_at.date())[assignment.pk]
    latest = status.latest
    document = Document()
    style.setup(document)
    style.title(document, "督 办 单")
    style.paragraph(document, f"{escalation.number}　　{escalation.created_at:%Y年%m月%d日}",
                    align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
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
    office = escalation.created_by.unit
    style.paragraph(document, f"{office.name if office else '督办办公室'}（督办）", align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
