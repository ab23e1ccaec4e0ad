"""The 督办单 as a Word document: number, matter, unit, deadline, progress, problems, requirements, leader's note."""

import io

from docx import Document

from zhaoshang.core.docx_style import add_text, add_title, fill_cell
from zhaoshang.supervision.models import Escalation
from zhaoshang.supervision.selectors.status import statuses_as_of


def escalation_docx(escalation: Escalation) -> bytes:
    assignment = escalation.assignment
    task = assignment.measure.task
    status = statuses_as_of([assignment], escalation.created_at.date())[assignment.pk]
    latest = status.latest
    document = Document()
    add_title(document, "督 办 单")
    add_text(document, f"{escalation.number}　　{escalation.created_at:%Y年%m月%d日}", size=14, center=True)
    rows = [
        ("督办事项", f"任务{task.number} 举措{assignment.measure.ordinal}：{assignment.measure.text}"),
        ("责任单位", f"{assignment.unit.name}（{'牵头' if assignment.is_lead else '配合'}）"),
        ("完成时限", task.deadline_display),
        ("当前状态", f"{status.result.reason}；应报{len(status.due)}期，未报{len(status.missing)}期"),
        ("最近进展", f"{latest.period_label}：{latest.done_text}" if latest else "尚未报送"),
        ("存在问题", latest.problems if latest and latest.problems else "无"),
        ("督办要求", escalation.reason),
        ("领导批示", ""),
    ]
    table = document.add_table(rows=len(rows), cols=2)
    table.style = "Table Grid"
    for (label, value), row in zip(rows, table.rows):
        fill_cell(row.cells[0], label, bold=True)
        fill_cell(row.cells[1], value)
    office = escalation.created_by.unit
    add_text(document, f"{office.name if office else '督办办公室'}（督办）", size=14)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
