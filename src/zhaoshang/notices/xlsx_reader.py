"""Excel .xlsx, read with python-calamine: each sheet a table, merged ranges filled in."""

import datetime
import io

from zhaoshang.notices import errors
from zhaoshang.notices.document import Document
from zhaoshang.notices.errors import NoticeError
from zhaoshang.notices.normalize import cell_text

MAX_ROWS = 5000


def read_xlsx(data: bytes) -> Document:
    try:
        from python_calamine import CalamineWorkbook

        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = [workbook.get_sheet_by_index(i) for i in range(len(workbook.sheet_names))]
        document = Document(source_format="xlsx")
        for sheet in sheets:
            document.add_table(_sheet_rows(sheet))
    except NoticeError:
        raise
    except Exception as exc:  # calamine raises its own error types for damaged or encrypted files
        raise NoticeError(errors.XLSX_BROKEN) from exc
    return document


def _sheet_rows(sheet) -> list[list[str]]:
    values = sheet.to_python(skip_empty_area=False)[:MAX_ROWS]
    rows = [[_cell_text(v) for v in row] for row in values]
    width = max((len(r) for r in rows), default=0)
    rows = [r + [""] * (width - len(r)) for r in rows]
    for (r0, c0), (r1, c1) in sheet.merged_cell_ranges or []:
        if r0 >= len(rows) or c0 >= width:
            continue
        value = rows[r0][c0]
        for r in range(r0, min(r1 + 1, len(rows))):
            for c in range(c0, min(c1 + 1, width)):
                rows[r][c] = value
    return rows


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat(" ")
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return cell_text(str(value))
