"""The bulletin's workbook: every assignment with its light and latest report, and the unit ranking."""


from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from zhaoshang.core.xlsx import append_row, workbook_bytes
from zhaoshang.reports.bulletin_data import AssignmentRow, BulletinData
from zhaoshang.supervision.ranking_export import write_ranking_sheet

COLUMNS = (
    ("任务序号", 8), ("工作重点", 14), ("举措", 60), ("责任单位", 18), ("牵头/配合", 9), ("灯色", 8), ("原因", 22),
    ("最近报送期", 12), ("报送状态", 10), ("完成进度(%)", 11), ("最近报告内容", 60),
)
FILLS = {"red": "FDE2E1", "yellow": "FFF4D6", "green": "E3F5E8", "blue": "E1ECFD", "grey": "ECEFF3"}
HEADER_ROW = 2


def _values(row: AssignmentRow) -> list:
    number = int(row.task_number) if row.task_number.isdigit() else row.task_number
    return [number, row.focus, f"{row.measure_ordinal}. {row.measure_text}", row.unit, row.role,
            row.light_label, row.reason, row.latest_period, row.report_state, row.progress, row.latest_text]


def _assignments_sheet(sheet, data: BulletinData) -> None:
    sheet.title = "责任分工明细"
    append_row(sheet, [f"{data.plan_title} 落实情况明细（{data.period_label}，截至{data.as_of.isoformat()}）"])
    append_row(sheet, [name for name, _ in COLUMNS])
    for row in data.rows:
        append_row(sheet, _values(row))
        sheet.cell(row=sheet.max_row, column=6).fill = PatternFill("solid", fgColor=FILLS[row.light])
    sheet["A1"].font = Font(size=14, bold=True)
    for index, (_, width) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
        header = sheet.cell(row=HEADER_ROW, column=index)
        header.font = Font(bold=True)
        header.fill = PatternFill("solid", fgColor="DDE4F0")
    for cells in sheet.iter_rows(min_row=HEADER_ROW + 1):
        for cell in cells:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=1)
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(COLUMNS))}{sheet.max_row}"


TARGET_COLUMNS = (("任务", 12), ("指标", 50), ("目标", 14), ("完成", 16), ("序时进度", 12), ("完成率", 30), ("灯色", 8),
                  ("说明", 40))


def _targets_sheet(sheet, data: BulletinData) -> None:
    """目标指标完成情况: every indicator (parts indented under theirs), as the indicator pages show it on the date."""
    append_row(sheet, [f"目标指标完成情况（{data.period_label}，截至{data.as_of.isoformat()}）"])
    append_row(sheet, [name for name, _ in TARGET_COLUMNS])
    for row in data.targets.rows:
        append_row(sheet, ["" if row.is_part else row.tasks, f"　└ {row.text}" if row.is_part else row.text, row.goal,
                           row.actual, row.expected, row.completion, row.light_label, row.reason])
        sheet.cell(row=sheet.max_row, column=7).fill = PatternFill("solid", fgColor=FILLS[row.light])
    if data.targets.chains_lacking_yi:
        append_row(sheet, ["", "尚未引进计划总投资1亿元以上项目的产业链：" + "、".join(data.targets.chains_lacking_yi)])
    sheet["A1"].font = Font(size=14, bold=True)
    for index, (_, width) in enumerate(TARGET_COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
        sheet.cell(row=HEADER_ROW, column=index).font = Font(bold=True)
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=1)


def bulletin_xlsx(data: BulletinData) -> bytes:
    """Sheet 1: one row per assignment (header in row 2); sheet 2: the indicators; sheet 3: the unit ranking."""
    book = Workbook()
    _assignments_sheet(book.active, data)
    _targets_sheet(book.create_sheet("目标指标完成情况"), data)
    write_ranking_sheet(book.create_sheet("责任单位排名"), list(data.ranking),
                        f"责任单位排名（{data.period_label}，截至{data.as_of.isoformat()}）")
    return workbook_bytes(book)
