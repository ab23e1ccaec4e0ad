"""Saving validated rows: all-or-nothing by default, or only the good rows when the user chose that explicitly.

Rows are saved in chunks. With `save_many` a chunk is written at once; if it refuses (one of the importer's
`row_errors`), the chunk is rolled back and saved row by row to find the row at fault. All-or-nothing runs in
one transaction: the first refused row rolls everything back and is reported; good rows only saves each chunk in
its own.
"""

from contextlib import closing
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
    """Save the report's good rows a chunk at a time. A report kept in a file checks each chunk again as it reads it
    (stored.py): in all-or-nothing a row found bad then stops the saving, the rest is checked to report every error,
    and everything is rolled back."""
    spec = report.spec
    bad = report.bad_rows
    if bad and not good_rows_only:
        raise ExcelImportError(f"有{len(bad)}行存在错误，未导入任何数据。请修改后重新上传，或明确选择“仅导入无误的行”。")
    good = report.good_count
    if not good:
        raise ExcelImportError("没有可以导入的行。")
    if progress:
        progress(0, good)  # the only step others see of an all-or-nothing save: the rest is one transaction
    failed, done = [], 0
    with closing(report.chunks()) as chunks:
        if good_rows_only:
            for chunk in chunks:
                rows = [row for row in chunk if row.ok]
                failed += [row for row in chunk if not row.ok] + (_save_chunk(spec, rows, strict=False) if rows else [])
                done += len(rows)
                _tell(progress, done, good)
            failed.sort(key=lambda row: row.number)
            saved = report.total - len(failed)
            return SaveResult(saved=saved, failed=failed, message=f"已导入{saved}行，{len(failed)}行未导入。")
        try:
            with transaction.atomic():
                for chunk in chunks:
                    rows = [row for row in chunk if row.ok]
                    failed += [row for row in chunk if not row.ok]
                    if rows and not failed:
                        _save_chunk(spec, rows, strict=True)
                    done += len(rows)
                    _tell(progress, done, good)
                if failed:
                    transaction.set_rollback(True)
        except _Refused as refused:
            return SaveResult(saved=0, failed=[refused.row],
                              message=f"{refused.row.messages()[-1]}；已全部撤销，未导入任何数据。")
    if failed:
        return SaveResult(saved=0, failed=failed, message=f"导入前复核发现{len(failed)}行错误，未导入任何数据。{report.summary()}")
    return SaveResult(saved=done, message=f"已导入{done}行。")


def _tell(progress: Progress | None, done: int, total: int) -> None:
    if progress:
        progress(min(done, total), total)


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

