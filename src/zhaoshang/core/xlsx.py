"""The house style of every Excel list we export: a title row, a shaded header row, column widths, frozen panes,
print set-up (landscape A4, the title and header rows repeated on every page, fitted to the page's width, page numbers
"第 1 页，共 N 页"; `workbook_bytes` applies it to every sheet); and the one cell writer every workbook we write goes through (`safe_value`, `append_row`, `text_cell`), so that
no text from a user becomes a live formula (formula injection, issue 13 finding 4)."""

import io
from collections.abc import Callable

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

HEADER_FILL = PatternFill("solid", fgColor="DDE4F0")
# Rows of one exported list. openpyxl writes 4,700 rows of 29 columns a second here, and a download must end well
# within the server's time-out (gunicorn's 30 s): the project list's 50,000 rows take 15 s, 100,000 took 31 s and
# failed. A longer list is cut, and its title says so (`cut_title`).
EXPORT_LIMIT = 50_000
Progress = Callable[[int, int], None]  # told (rows written, rows in all) while a long export is written
PROGRESS_ROWS = 2_000
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def text_cell(sheet, value) -> Cell:
    """A cell for `value`; a text Excel or WPS could read as a formula stays text, shown exactly as written.

    The cell is typed as a string (openpyxl would store "=…" as a formula) and carries the quotePrefix style: that is
    what Excel and WPS set themselves when someone types a leading apostrophe, so the sheet shows the original text,
    the formula bar shows '=SUM(A1), and editing the cell does not turn it into a formula. The value itself is not
    changed (no "'" added to the data), so copying, filtering and re-importing give back what the user entered."""
    cell = value if isinstance(value, Cell) else WriteOnlyCell(sheet, value)
    if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def safe_value(sheet, value):
    """`value` as it may go into sheet.append: numbers, dates and harmless text unchanged, risky text as a text cell."""
    return text_cell(sheet, value) if isinstance(value, str) and value.startswith(FORMULA_START) else value


def append_row(sheet, values) -> None:
    """sheet.append for every workbook we write (normal or write-only)."""
    sheet.append([safe_value(sheet, value) for value in values])


def print_setup(sheet, *, title_rows: str = "1:2") -> None:
    """Landscape A4, `title_rows` repeated on every printed page, all columns on one page's width, page numbers."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = 9  # A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0  # 0: as many pages tall as needed
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = title_rows
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"


def workbook_bytes(book, *, title_rows: str = "1:2") -> bytes:
    """The workbook as a file, every sheet set up for printing (the one way our exports save a workbook)."""
    for sheet in book.worksheets:
        print_setup(sheet, title_rows=title_rows)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def cut_title(title: str) -> str:
    """The title of an export cut at EXPORT_LIMIT rows."""
    return f"{title}（超过{EXPORT_LIMIT}行，只导出了前{EXPORT_LIMIT}行，请缩小筛选范围后分批导出）"


def list_workbook(*, sheet_title: str, title: str, columns, rows, freeze: str = "A3", wrap: bool = False,
                  progress: Progress | None = None, total: int = 0) -> bytes:
    """One sheet: `title` in row 1, the `columns` ((name, width) pairs) in row 2, then `rows` (at most EXPORT_LIMIT:
    the title then says the list was cut). `progress(rows written, total)` is told every PROGRESS_ROWS rows and at the end."""
    book = Workbook()
    sheet = book.active
    sheet.title = sheet_title
    append_row(sheet, [title])
    append_row(sheet, [name for name, _ in columns])
    written = 0
    for row in rows:
        if written == EXPORT_LIMIT:
            sheet["A1"] = cut_title(title)
            break
        append_row(sheet, row)
        written += 1
        if progress and written % PROGRESS_ROWS == 0:
            progress(written, min(total, EXPORT_LIMIT))
    if progress:
        progress(written, written)
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
    return workbook_bytes(book)
