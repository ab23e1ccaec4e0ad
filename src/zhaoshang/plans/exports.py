"""The plan as an Excel workbook, the way offices pass task lists around: one row per measure."""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from zhaoshang.plans.models import Plan
from zhaoshang.plans.selectors import tasks_with_measures

COLUMNS = (("序号", 6), ("工作重点", 14), ("市目标", 36), ("工作举措", 70), ("牵头单位", 18), ("配合单位", 30), ("完成时限", 12))


def plan_workbook(plan: Plan, unit_id: int | None = None) -> bytes:
    """One sheet: a row per measure (only those `unit_id` works on, when given), lead and co-operating units apart."""
    book = Workbook()
    sheet = book.active
    sheet.title = "任务清单"
    sheet.append([plan.title])
    sheet.append([" ".join(filter(None, [plan.issuer, plan.doc_number, plan.issued_on and plan.issued_on.isoformat()]))])
    sheet.append([name for name, _ in COLUMNS])
    for task in tasks_with_measures(plan):
        for measure in task.measures.all():
            assignments = list(measure.assignments.all())
            if unit_id and all(a.unit_id != unit_id for a in assignments):
                continue
            sheet.append([
                task.number, task.focus.name if task.focus else "", task.target.text if task.target else "",
                f"{measure.ordinal}. {measure.text}",
                "、".join(a.unit.display_name for a in assignments if a.is_lead),
                "、".join(a.unit.display_name for a in assignments if not a.is_lead),
                task.deadline_display,
            ])
    _style(sheet)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _style(sheet) -> None:
    sheet["A1"].font = Font(size=14, bold=True)
    for index, (_, width) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
        header = sheet.cell(row=3, column=index)
        header.font = Font(bold=True)
        header.fill = PatternFill("solid", fgColor="DDE4F0")
    for row in sheet.iter_rows(min_row=4):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A4"
