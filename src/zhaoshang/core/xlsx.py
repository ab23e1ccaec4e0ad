"""The house style of every Excel list we export: a title row, a shaded header row, column widths, frozen panes."""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

HEADER_FILL = PatternFill("solid", fgColor="DDE4F0")


def list_workbook(*, sheet_title: str, title: str, columns, rows, freeze: str = "A3", wrap: bool = False) -> bytes:
    """One sheet: `title` in row 1, the `columns` ((name, width) pairs) in row 2, then `rows`."""
    book = Workbook()
    sheet = book.active
    sheet.title = sheet_title
    sheet.append([title])
    sheet.append([name for name, _ in columns])
    for row in rows:
        sheet.append(row)
    sheet["A1"].font = Font(size=14, bold=True)
    for index, (_, width) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
        header = sheet.cell(row=2, column=index)
        header.font, header.fill = Font(bold=True), HEADER_FILL
        header.alignment = Alignment(horizontal="center", wrap_text=True)
    if wrap:
        for row in sheet.iter_rows(min_row=3):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = freeze
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
