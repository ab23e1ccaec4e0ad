"""The minutes (会议纪要) as an official Word document: heading, attendance, topics, decisions, the work assigned."""

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from zhaoshang.core import docx_style as style
from zhaoshang.core.numerals import heading_ordinal, paren_ordinal
from zhaoshang.meetings.models import Meeting

def _date(day) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def minutes_docx(meeting: Meeting, parts: dict, issuer: str) -> bytes:
    """`parts` is `selectors.meetings.meeting_parts(meeting)`; `issuer` signs the minutes (the office's unit)."""
    document = Document()
    style.setup(document)
    style.title(document, f"{meeting.get_kind_display()}会议纪要")
    style.paragraph(document, f"第{meeting.number}期", align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    style.paragraph(document, f"{issuer}　　　　{_date(meeting.date)}", align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    style.paragraph(document)
    where = f"在{meeting.place}" if meeting.place else ""
    who = f"{meeting.chair}" if meeting.chair else ""
    style.paragraph(document, f"{_date(meeting.date)}，{who}{where}主持召开{meeting.title}，"
                              f"研究项目推进和企业诉求办理中的问题。现将会议议定事项纪要如下：")
    sections = []
    if meeting.minutes.strip():
        sections.append(("会议情况", [line for line in meeting.minutes.splitlines() if line.strip()]))
    if parts["agenda"]:
        sections.append(("会议议题", [f"{paren_ordinal(i)}{a.topic}" + (f"：{a.reason}" if a.reason else "")
                                      for i, a in enumerate(parts["agenda"], start=1)]))
    sections.append(("议定事项", [f"{i}. {d.text}" for i, d in enumerate(parts["decisions"], start=1)] or ["无。"]))
    for index, (heading, lines) in enumerate(sections, start=1):
        style.heading(document, f"{heading_ordinal(index)}{heading}")
        for line in lines:
            style.paragraph(document, line.strip())
    if parts["actions"]:
        style.heading(document, f"{heading_ordinal(len(sections) + 1)}责任分工")
        rows = [[i, row.item.text, row.item.owner_unit.name, _date(row.item.due_date)]
                for i, row in enumerate(parts["actions"], start=1)]
        style.table(document, ["序号", "工作事项", "责任单位", "完成时限"], rows, [14, 86, 30, 26])
    present = "、".join(str(a) for a in parts["attendees"])
    style.paragraph(document)
    style.paragraph(document, f"出席：{present or '（未登记）'}", indent=False)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
