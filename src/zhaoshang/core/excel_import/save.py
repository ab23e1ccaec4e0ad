"""Saving validated rows: all-or-nothing by default, or only the good rows when the user chose that explicitly.

Rows are saved in chunks. With `save_many` a chunk is written at once; if it refuses (one of the importer's
`row_errors`), the chunk is rolled back and saved row by row to find the row at fault. All-or-nothing runs in
one transaction: the first refused row rolls everything back and is reported.
"""

from dataclasses import dataclass, field

from django.db import transaction

from zhaoshang.core.excel_import.columns import ImportSpec, Row
from zhaoshang.core.excel_import.errors import ExcelImportError
from zhaoshang.core.excel_import.validate import ImportReport, Progress


@dataclass
class SaveResult:
    """How many rows were saved, and the rows that were not (invalid from the start, or refused when saving)."""

    saved: int
    failed: list[Row] = field(default_factory=list)
    message: str = ""


class _Refused(Exception):
    def __init__(self, row: Row):
        self.row = row


def save_report(report: ImportReport, *, good_rows_only: bool = False, progress: Progress | None = None) -> SaveResult:
    spec = report.spec
    good, bad = report.good_rows, report.bad_rows
    if bad and not good_rows_only:
        raise ExcelImportError(f"有{len(bad)}行存在错误，未导入任何数据。请修改后重新上传，或明确选择“仅导入无误的行”。")
    if not good:
        raise ExcelImportError("没有可以导入的行。")
    chunks = [good[i:i + spec.chunk_size] for i in range(0, len(good), spec.chunk_size)]
    if progress:
        progress(0, len(good))  # the only step others see of an all-or-nothing save: the rest is one transaction
    if not good_rows_only:
        try:
            with transaction.atomic():
                for done, chunk in enumerate(chunks, 1):
                    _save_chunk(spec, chunk, strict=True)
                    _tell(progress, done, chunks, good)
        except _Refused as refused:
            return SaveResult(saved=0, failed=[refused.row],
                              message=f"{refused.row.messages()[-1]}；已全部撤销，未导入任何数据。")
        return SaveResult(saved=len(good), message=f"已导入{len(good)}行。")
    failed = list(bad)
    for done, chunk in enumerate(chunks, 1):
        failed.extend(_save_chunk(spec, chunk, strict=False))
        _tell(progress, done, chunks, good)
    failed.sort(key=lambda row: row.number)
    saved = len(report.rows) - len(failed)
    return SaveResult(saved=saved, failed=failed, message=f"已导入{saved}行，{len(failed)}行未导入。")


def _tell(progress: Progress | None, done: int, chunks: list, good: list) -> None:
    if progress:
        progress(min(done * len(chunks[0]), len(good)), len(good))


def _save_chunk(spec: ImportSpec, chunk: list[Row], *, strict: bool) -> list[Row]:
    if spec.save_many is not None:
        try:
            with transaction.atomic():
                spec.save_many([row.data for row in chunk])
            return []
        except spec.row_errors:
            pass  # find the row at fault below
    failed = []
    for row in chunk:
        try:
            with transaction.atomic():
                spec.save_row(row.data)
        except spec.row_errors as error:
            row.add_error(None, str(error))
            if strict:
                raise _Refused(row) from error
            failed.append(row)
    return failed

