"""Building small workbooks for import tests (openpyxl), and reading results back (python-calamine)."""

import io
import re
import zipfile

from openpyxl import Workbook, load_workbook
from python_calamine import CalamineWorkbook


def xlsx(rows, *, title: str = "Sheet1", merges=(), before: dict | None = None, after: dict | None = None) -> bytes:
    """A workbook whose sheet `title` holds `rows`; `before`/`after` add sheets (name → rows) around it."""
    book = Workbook()
    book.remove(book.active)
    for name, sheet_rows in [*(before or {}).items(), (title, rows), *(after or {}).items()]:
        sheet = book.create_sheet(name)
        for row in sheet_rows:
            sheet.append(list(row))
        if name == title:
            for area in merges:
                sheet.merge_cells(area)
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def with_cached_values(data: bytes, values: dict[str, str]) -> bytes:
    """The workbook with calculated values written into formula cells (as Excel would on saving)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                for ref, value in values.items():
                    content = re.sub(rb'(<c r="' + ref.encode() + rb'"[^>]*>)(<f>.*?</f>)<v\s*/?>(?:</v>)?',
                                     lambda m: m.group(1) + m.group(2) + b"<v>" + value.encode() + b"</v>", content)
            target.writestr(info, content)
    return output.getvalue()


def sheet_rows(data: bytes, sheet: str | int = 0) -> list[list]:
    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    found = book.get_sheet_by_index(sheet) if isinstance(sheet, int) else book.get_sheet_by_name(sheet)
    return found.to_python(skip_empty_area=False)


def edited(data: bytes, changes: dict[str, object], sheet: int = 0) -> bytes:
    """The workbook with some cells changed, as a person fixing an error report would."""
    book = load_workbook(io.BytesIO(data))
    target = book.worksheets[sheet]
    for ref, value in changes.items():
        target[ref] = value
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()
