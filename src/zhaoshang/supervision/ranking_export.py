"""The unit ranking as an Excel sheet: the ranking page's export and the bulletin workbook's second sheet."""

import datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from zhaoshang.core.xlsx import append_row, workbook_bytes
from zhaoshang.supervision.selectors.ranking import UnitRank

COLUMNS = (
    ("排名", 6), ("责任单位", 22), ("责任分工", 10), ("其中牵头", 10), ("应报期次", 10), ("按时报送", 10),
    ("逾期报送", 10), ("未报送", 8), ("按时报送率(%)", 14), ("完成进度(%)", 12), ("已完成", 8),
    ("催办次数", 10), ("退回次数", 10), ("灯色", 8),
)


def ranking_values(row: UnitRank) -> list:
    """One unit's cells, in COLUMNS order (a rate of None, nothing due yet, is left blank)."""
    return [
        row.rank, row.unit_name, row.assignments, row.lead_assignments, row.due_periods, row.on_time, row.late,
        row.missing, row.on_time_rate, row.completion, row.done, row.urged, row.returned, row.light_label,
    ]


def write_ranking_sheet(sheet, rows: list[UnitRank], title: str) -> None:
    """Title in row 1, headers in row 2, one row per unit from row 3."""
    append_row(sheet, [title])
    append_row(sheet, [name for name, _ in COLUMNS])
    for row in rows:
        append_row(sheet, ranking_values(row))
    sheet["A1"].font = Font(size=14, bold=True)
    for index, (_, width) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
        header = sheet.cell(row=2, column=index)
        header.font = Font(bold=True)
        header.fill = PatternFill("solid", fgColor="DDE4F0")
        header.alignment = Alignment(horizontal="center", wrap_text=True)
    sheet.freeze_panes = "C3"


def ranking_title(as_of: datetime.date) -> str:
    return f"责任单位排名（截至{as_of.year}年{as_of.month}月{as_of.day}日）"


def ranking_workbook(rows: list[UnitRank], as_of: datetime.date) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "责任单位排名"
    write_ranking_sheet(sheet, rows, ranking_title(as_of))
    return workbook_bytes(book)
