"""Validating a sheet: every non-blank row becomes a clean dict or a list of errors ("第12行 统一社会信用代码：校验位错误")."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from zhaoshang.core.excel_import.columns import ImportSpec, Row
from zhaoshang.core.excel_import.errors import CellError, ExcelImportError
from zhaoshang.core.excel_import.parsers import EXCEL_ERRORS, is_blank
from zhaoshang.core.excel_import.workbook import MAX_ROWS, SheetData, read_sheet

Progress = Callable[[int, int], None]  # (rows done, rows in all)
UNCACHED = "公式没有计算结果（文件不是用Excel/WPS保存的），请在Excel中打开、保存后重新上传，或直接填写数值"
PROGRESS_EVERY = 1000


@dataclass
class ImportReport:
    """The outcome of validating one sheet: which rows are good, which are not and why. It holds every row; a report
    whose rows are kept in a file (stored.py) holds only those with errors. The sheet is read again (`load_sheet`)
    only if an error report needs its cells."""

    spec: ImportSpec
    sheet_name: str
    ignored_headers: list[str]
    load_sheet: Callable[[], SheetData]
    rows: list[Row] = field(default_factory=list)

    @cached_property
    def sheet(self) -> SheetData:
        return self.load_sheet()

    @property
    def total(self) -> int:
        """How many data rows the sheet has."""
        return len(self.rows)

    @property
    def last_number(self) -> int:
        """The row number of the sheet's last data row."""
        return self.rows[-1].number

    @property
    def good_count(self) -> int:
        """How many rows were good when validated (and are to be saved)."""
        return len(self.good_rows)

    @property
    def good_rows(self) -> list[Row]:
        return [row for row in self.rows if row.ok]

    @property
    def bad_rows(self) -> list[Row]:
        return [row for row in self.rows if not row.ok]

    def before_checks(self, rows: list[Row]) -> None:
        """Called with each chunk of parsed rows before the importer's checks (which may replace values)."""

    def keep(self, rows: list[Row]) -> None:
        """Take a chunk of checked rows, in file order."""
        self.rows.extend(rows)

    def chunks(self) -> Iterator[list[Row]]:
        """The rows to save, `chunk_size` at a time (with the bad ones: good_rows_only saves around them)."""
        size = self.spec.chunk_size
        for start in range(0, len(self.rows), size):
            yield self.rows[start:start + size]

    def error_messages(self, limit: int | None = None) -> list[str]:
        messages = []
        for row in self.rows:
            if row.errors:
                messages.extend(row.messages())
                if limit is not None and len(messages) >= limit:
                    return messages[:limit]
        return messages

    def summary(self) -> str:
        bad = len(self.bad_rows)
        return f"工作表“{self.sheet_name}”共{self.total}行数据：{self.total - bad}行无误，{bad}行有错误。"


def validate_rows(spec: ImportSpec, sheet: SheetData, progress: Progress | None = None,
                  report: ImportReport | None = None) -> ImportReport:
    """Parse every non-blank row below the header; let the importer check across rows (duplicates, database), all
    rows at once or a chunk at a time (ImportSpec.chunk_checks); hand them to `report` (a new one holding them all by
    default) as they are checked."""
    mapped = [(column, sheet.header.columns[column.key]) for column in spec.columns if column.key in sheet.header.columns]
    absent = [column.key for column in spec.columns if column.key not in sheet.header.columns]
    places = [place for _, place in mapped]
    if report is None:
        report = ImportReport(spec=spec, sheet_name=sheet.name, ignored_headers=sheet.header.ignored, load_sheet=lambda: sheet)
    check, size = spec.checks()
    first, total, count, pending = sheet.header.bottom + 1, sheet.height, 0, []
    for index, cells in enumerate(sheet.rows()):
        width = len(cells)
        if index < first or all(place >= width or is_blank(cells[place]) for place in places):
            continue  # blank rows (and rows filled only outside the declared columns) cost one pass over a few cells
        row = Row(number=index + 1, data=dict.fromkeys(absent))
        for column, place in mapped:
            value = cells[place] if place < width else ""
            row.data[column.key] = _cell(row, column, value, sheet.hidden.get((index, place)))
        pending.append(row)
        count += 1
        if count > MAX_ROWS:
            raise ExcelImportError(f"数据超过{MAX_ROWS:,}行的上限，请拆分后分批导入。")
        if size and len(pending) == size:
            _checked(report, check, pending)
            pending = []
        if progress and count % PROGRESS_EVERY == 0:
            progress(index - first, total - first)
    if not count:
        raise ExcelImportError(f"工作表“{sheet.name}”的表头（{sheet.header.row_numbers}）下方没有数据。")
    if pending:
        _checked(report, check, pending)
    return report


def _checked(report: ImportReport, check, rows: list[Row]) -> None:
    report.before_checks(rows)
    if check:
        check(rows)
    report.keep(rows)


def _cell(row: Row, column, value, hidden: str | None):
    if hidden is not None:
        row.add_error(column.header, UNCACHED if hidden == "" else f"单元格是错误值{hidden}，请检查公式")
        return None
    if is_blank(value):
        if column.required:
            row.add_error(column.header, "必填，不能为空")
        return None
    if isinstance(value, str) and value.strip() in EXCEL_ERRORS:
        row.add_error(column.header, f"单元格是错误值{value.strip()}，请检查公式")
        return None
    try:
        return column.parse(value)
    except CellError as error:
        row.add_error(column.header, str(error))
        return None


def validate_file(spec: ImportSpec, data: bytes, *, sheet_name: str = "", filename: str = "",
                  progress: Progress | None = None) -> ImportReport:
    """Read and validate an uploaded workbook; ExcelImportError when the file as a whole cannot be used."""
    return validate_rows(spec, read_sheet(data, spec, sheet_name=sheet_name, filename=filename), progress)
