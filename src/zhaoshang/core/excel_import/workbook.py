"""Opening an uploaded workbook and reading the declared sheet: file type by content, size limits, the sheet
with the header, its rows with merged data cells filled in, and formula cells that carry no value.

python-calamine holds the sheet's cells (about 1.4 KB a ledger row, in Rust); the rows are handed out one at a time
as Python lists, each time they are read, never all at once (twice that again).
"""

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.conf import settings
from python_calamine import CalamineError, CalamineSheet, CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

from zhaoshang.archive_guard import ArchiveRefused, check_archive
from zhaoshang.core.excel_import.columns import ImportSpec
from zhaoshang.core.excel_import.errors import ExcelImportError
from zhaoshang.core.excel_import.formulas import hidden_cells
from zhaoshang.core.excel_import.header import Header, find_header

TEMPLATE_SHEETS = {"填写说明", "可选值"}  # template.INSTRUCTIONS_SHEET, template.OPTIONS_SHEET
HEADER_SEARCH_ROWS = 30
MAX_COLUMNS = 200
MAX_ROWS = 100_000
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SAVE_AS = "请在Excel或WPS中“另存为”Excel工作簿（*.xlsx）后重新上传。"


def max_bytes() -> int:
    return getattr(settings, "MAX_UPLOAD_BYTES", 20 * 1024 * 1024)


@dataclass
class SheetData:
    """The sheet an import reads: its rows (raw calamine values, read by `rows()`), the header, and the cells
    calamine shows as blank though they hold a formula without a value or an error value (`hidden`: place → "" or
    "#REF!")."""

    name: str
    sheet: CalamineSheet
    header: Header
    merged: list = field(default_factory=list)
    hidden: dict[tuple[int, int], str] = field(default_factory=dict)

    @property
    def height(self) -> int:
        """Rows from the first to the last used one (calamine's `end` is the last used cell's place)."""
        return self.sheet.end[0] + 1 if self.sheet.end else 0

    @property
    def width(self) -> int:
        return self.sheet.end[1] + 1 if self.sheet.end else 0

    def rows(self) -> Iterator[list]:
        """Every row from the sheet's first, as a new list of `width` cells; a range merged below the header gives
        its value to each of its cells (a unit merged down over its projects belongs to each row)."""
        starts: dict[int, list[tuple[int, int, int]]] = {}
        for (r0, c0), (r1, c1) in self.merged:
            if r0 > self.header.bottom:
                starts.setdefault(r0, []).append((c0, c1, r1))
        filling: list[tuple[int, int, int, object]] = []  # (last row, first column, last column, value)
        # calamine's rows begin at the sheet's first used column: pad them to start at column A
        pad = [""] * (self.sheet.start or (0, 0))[1]
        for r, cells in enumerate(self.sheet.iter_rows()):
            row = pad + cells
            filling = [fill for fill in filling if fill[0] >= r]
            filling += [(r1, c0, c1, row[c0] if c0 < len(row) else "") for c0, c1, r1 in starts.get(r, ())]
            for _, c0, c1, value in filling:
                row[c0:c1 + 1] = [value] * (min(c1 + 1, len(row)) - c0)
            yield row


def check_file(data: bytes, filename: str = "") -> str:
    """"xlsx" or "xls" if `data` is a workbook we can read, else ExcelImportError saying what it is instead."""
    if not data:
        raise ExcelImportError("文件是空的。")
    if len(data) > max_bytes():
        raise ExcelImportError(f"文件过大（{len(data) / 1024 / 1024:.1f}MB），上限为{max_bytes() // 1024 // 1024}MB；请拆分后分批导入。")
    if data.startswith(b"PK\x03\x04"):
        try:
            check_archive(data)  # the one archive guard: unpacked size, ratio, members, nesting
        except ArchiveRefused as refused:
            raise ExcelImportError(refused.message) from None
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            raise ExcelImportError("文件已损坏，无法打开。" + SAVE_AS) from None
        if "xl/workbook.xml" not in names:
            kind = "Word文档" if "word/document.xml" in names else "PowerPoint文件" if "ppt/presentation.xml" in names else \
                "OpenDocument表格（.ods）" if "content.xml" in names else "压缩包"
            raise ExcelImportError(f"这是{kind}，不是Excel工作簿。" + SAVE_AS)
        return "xlsx"
    if data.startswith(OLE2):
        return "xls"  # an encrypted .xlsx is also an OLE2 file: opening it says so
    if filename.lower().endswith((".csv", ".txt")) or _looks_like_text(data):
        raise ExcelImportError("不支持CSV或文本文件（编码和日期格式无法可靠识别）。" + SAVE_AS)
    raise ExcelImportError("文件不是Excel工作簿（.xlsx或.xls）。" + SAVE_AS)


def _looks_like_text(data: bytes) -> bool:
    head = data[:2048]
    return b"\x00" not in head and any(sep in head for sep in (b",", b"\t", b"\n"))


def open_workbook(data: bytes, filename: str = "") -> tuple[CalamineWorkbook, str]:
    kind = check_file(data, filename)
    try:
        return CalamineWorkbook.from_filelike(io.BytesIO(data)), kind
    except CalamineError as error:
        if kind == "xls" and ("encrypt" in str(error).lower() or "password" in str(error).lower() or b"EncryptionInfo" in data[:65536]):
            raise ExcelImportError("文件设置了打开密码，无法读取；请取消密码后重新上传。") from None
        raise ExcelImportError("文件已损坏或格式不受支持，无法打开。" + SAVE_AS) from None
    except Exception:  # calamine raises plain errors on some damaged files
        raise ExcelImportError("文件已损坏或格式不受支持，无法打开。" + SAVE_AS) from None


def _worksheets(book: CalamineWorkbook) -> list[str]:
    """Visible worksheets, without the template's own instruction sheets (their example row is not data)."""
    return [m.name for m in book.sheets_metadata if m.typ == SheetTypeEnum.WorkSheet and m.visible == SheetVisibleEnum.Visible
            and m.name not in TEMPLATE_SHEETS]


def _head(book: CalamineWorkbook, name: str, spec: ImportSpec):
    sheet = book.get_sheet_by_name(name)
    if sheet.total_width > MAX_COLUMNS:
        raise ExcelImportError(f"工作表“{name}”有{sheet.total_width}列，超过{MAX_COLUMNS}列；请删除多余的列后重新上传。")
    head = sheet.to_python(skip_empty_area=False, nrows=HEADER_SEARCH_ROWS)
    merged = sheet.merged_cell_ranges or []
    return sheet, find_header(head, merged, list(spec.columns), spec.min_header_matches), merged


def read_sheet(data: bytes, spec: ImportSpec, sheet_name: str = "", filename: str = "") -> SheetData:
    """The named sheet, or else the first visible worksheet whose header names the declared columns."""
    book, kind = open_workbook(data, filename)
    names = _worksheets(book)
    if not names:
        raise ExcelImportError("工作簿中没有可读取的工作表。")
    wanted = sheet_name.strip()
    if wanted:
        if wanted not in book.sheet_names:
            raise ExcelImportError(f"工作簿中没有名为“{wanted}”的工作表（现有：{'、'.join(book.sheet_names)}）。")
        sheet, header, merged = _head(book, wanted, spec)
        if header is None:
            elsewhere = next((n for n in names if n != wanted and _head(book, n, spec)[1] is not None), None)
            hint = f"工作表“{elsewhere}”中有{spec.title}的表头，请选择该工作表。" if elsewhere else "请使用导入模板。"
            raise ExcelImportError(f"工作表“{wanted}”不是{spec.title}：前{HEADER_SEARCH_ROWS}行中没有找到表头。{hint}")
        return _read(data, kind, sheet, wanted, header, merged)
    for name in names:
        sheet, header, merged = _head(book, name, spec)
        if header is not None:
            return _read(data, kind, sheet, name, header, merged)
    headers = "、".join(c.header for c in spec.columns if c.required)
    raise ExcelImportError(f"没有找到{spec.title}的表头：工作簿（{'、'.join(names)}）各工作表的前{HEADER_SEARCH_ROWS}行中都没有"
                           f"“{headers}”等列名。请使用导入模板。")


def _read(data: bytes, kind: str, sheet, name: str, header: Header, merged: list) -> SheetData:
    if sheet.total_height > 2 * MAX_ROWS:  # memory guard; data rows are counted (blank ones skipped) when validating
        raise ExcelImportError(f"工作表“{name}”有{sheet.total_height}行，超过{MAX_ROWS:,}行的上限；请拆分后分批导入。")
    hidden = hidden_cells(data, name) if kind == "xlsx" else {}
    return SheetData(name=name, sheet=sheet, header=header, merged=merged, hidden=hidden)
