"""The error report: the uploaded sheet written back with an extra "错误" column (openpyxl write_only).

With every row (before saving) the rows keep their numbers, so "第12行" in a message is row 12 of the report too;
the person fixes the cells, deletes nothing, and uploads the report again (the 错误 column is ignored). With only
the rows that were not saved (after "save only the good rows"), a "原行号" column gives each row's original number.
"""

import datetime
import io

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from zhaoshang.core.excel_import.columns import Row
from zhaoshang.core.excel_import.validate import ImportReport
from zhaoshang.core.xlsx import append_row, safe_value, text_cell

ERROR_HEADER, ROW_HEADER = "错误", "原行号"
RED = Font(color="C00000")
BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
ERROR_FILL = PatternFill("solid", fgColor="FCE4D6")


def _value(sheet, value):
    if isinstance(value, datetime.timedelta):
        return str(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        cell = text_cell(sheet, value)
        cell.number_format = "yyyy-mm-dd" if not isinstance(value, datetime.datetime) or value.time() == datetime.time() else "yyyy-mm-dd hh:mm"
        return cell
    return safe_value(sheet, value)


def _header_row(report: ImportReport, width: int) -> list[str]:
    header = report.sheet.header
    declared = {column.key: column.header for column in report.spec.columns}
    names = {place: declared[key] for key, place in header.columns.items()}
    return [names.get(c, header.labels.get(c, "")) for c in range(width)]


def _styled(sheet, value, font=None, fill=None):
    cell = text_cell(sheet, value)
    if font:
        cell.font = font
    if fill:
        cell.fill = fill
    return cell


def error_workbook(report: ImportReport, *, failed: list[Row] | None = None) -> bytes:
    """Every data row with its errors (failed=None), or only `failed` rows with their original row numbers; the cells
    are read from the sheet, once, in order."""
    source = report.sheet
    header = source.header
    width = source.width
    book = Workbook(write_only=True)
    sheet = book.create_sheet(source.name[:31] or "Sheet1")
    names = _header_row(report, width)
    bad = {row.number: row for row in (report.bad_rows if failed is None else failed)}
    if failed is None:
        last = report.last_number
        for index, cells in enumerate(source.rows()):
            if index < header.top:  # title rows above the header keep their place
                append_row(sheet, [_value(sheet, v) for v in cells])
            elif index == header.top:
                append_row(sheet, [_styled(sheet, name, BOLD, HEADER_FILL) for name in names]
                           + [_styled(sheet, ERROR_HEADER, BOLD, ERROR_FILL)])
            elif index <= header.bottom:
                append_row(sheet, [])  # a two-row header became one row: keep the numbering
            elif index < last:
                row = bad.get(index + 1)
                append_row(sheet, [_value(sheet, v) for v in cells] if row is None else _bad(sheet, cells, row, width))
            else:
                break
    else:
        append_row(sheet, [_styled(sheet, name, BOLD, HEADER_FILL) for name in names]
                     + [_styled(sheet, ROW_HEADER, BOLD, HEADER_FILL), _styled(sheet, ERROR_HEADER, BOLD, ERROR_FILL)])
        for index, cells in enumerate(source.rows()):
            row = bad.get(index + 1)
            if row is not None:
                written = _bad(sheet, cells, row, width)
                append_row(sheet, written[:width] + [row.number] + written[width:])
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def _bad(sheet, cells: list, row: Row, width: int) -> list:
    values = [_value(sheet, v) for v in cells] + [""] * (width - len(cells))
    return values[:width] + [_styled(sheet, "；".join(row.errors), RED)]
