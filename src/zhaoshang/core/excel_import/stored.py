"""The checked rows, kept from the report to the confirmation so that confirming does not parse the workbook again,
written as they are checked and read back a chunk at a time: memory holds a chunk of rows, not the file.

A gzip'd file of JSON lines: a header line (format, sheet, ignored headers, column keys, counts, and the model
instances the rows name), then one line per data row: its number with its errors, or with its parsed cell values
(as they were before the importer's checks). A decimal, a date and a model instance are tagged objects
({"$date": "2025-03-01"}); a model instance is kept as its label and primary key, and all of them are fetched
again (one query per model) when the file is opened. The header is known only once every row is written: the rows
go to a gzip member of their own, which is copied after the header's (gzip reads consecutive members as one stream).
"""

import datetime
import gzip
import json
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import islice
from typing import IO

from django.apps import apps
from django.db import models

from zhaoshang.core.excel_import.columns import ImportSpec, Row
from zhaoshang.core.excel_import.errors import ExcelImportError
from zhaoshang.core.excel_import.validate import ImportReport, Progress, validate_rows
from zhaoshang.core.excel_import.workbook import SheetData

FORMAT = 2
COMPACT = {"ensure_ascii": False, "separators": (",", ":")}
Reference = tuple[str, object]  # (model label, primary key)


class _Writer:
    """The rows' gzip member, in a temporary file, and the model instances they name."""

    def __init__(self, keys: list[str]):
        self.keys, self.parsed, self.references = keys, {}, set()
        self.file = tempfile.TemporaryFile()
        self.lines = gzip.GzipFile(fileobj=self.file, mode="wb", compresslevel=1)

    def write(self, rows: list[Row]) -> None:
        lines = [json.dumps([row.number, row.errors, None if row.errors else [self.parsed[row.number][key] for key in self.keys]],
                            default=self._tagged, **COMPACT) for row in rows]
        self.lines.write(("\n".join(lines) + "\n").encode())

    def _tagged(self, value) -> dict:
        """What JSON has no type for (json.dumps calls this only for those)."""
        if isinstance(value, models.Model):
            self.references.add((value._meta.label_lower, value.pk))
            return {"$model": [value._meta.label_lower, value.pk]}
        return _tagged(value)

    def finish(self, header: dict, file: IO[bytes]) -> None:
        self.lines.close()
        models_named = defaultdict(list)
        for label, pk in sorted(self.references):
            models_named[label].append(pk)
        header = {**header, "keys": self.keys, "instances": models_named}
        file.write(gzip.compress((json.dumps(header, **COMPACT) + "\n").encode(), compresslevel=1))
        self.file.seek(0)
        shutil.copyfileobj(self.file, file)
        self.file.close()


@dataclass
class StoredReport(ImportReport):
    """A report whose rows are kept in a file: it holds the rows with errors (those read so far, when reading), and
    `chunks()` reads the rows back, the good ones restored and checked again against the database, which may have
    changed since."""

    total_rows: int = 0
    last_row: int = 0
    bad_when_checked: int = 0
    instances: dict[Reference, models.Model] = field(default_factory=dict)
    open_file: Callable[[], IO[bytes]] | None = None
    writer: _Writer | None = None

    @property
    def total(self) -> int:
        return self.total_rows

    @property
    def last_number(self) -> int:
        return self.last_row

    @property
    def good_count(self) -> int:
        return self.total_rows - self.bad_when_checked

    def before_checks(self, rows: list[Row]) -> None:
        self.writer.parsed = {row.number: dict(row.data) for row in rows if row.ok}

    def keep(self, rows: list[Row]) -> None:
        self.writer.write(rows)
        self.rows.extend(row for row in rows if not row.ok)
        self.total_rows += len(rows)
        self.last_row = rows[-1].number if rows else self.last_row
        self.bad_when_checked = len(self.rows)

    def chunks(self) -> Iterator[list[Row]]:
        """The rows, `chunk_size` at a time; each chunk's rows with errors are kept once it is done with."""
        check, size = self.spec.checks()
        keys = [column.key for column in self.spec.columns]
        with self.open_file() as handle, gzip.GzipFile(fileobj=handle, mode="rb") as lines:
            lines.readline()  # the header
            while part := list(islice(lines, size)):
                rows = [self._row(line, keys) for line in part]
                good = [row for row in rows if row.ok]
                if check and good:
                    check(good)
                for start in range(0, len(rows), self.spec.chunk_size):
                    chunk = rows[start:start + self.spec.chunk_size]
                    try:
                        yield chunk
                    finally:
                        self.rows.extend(row for row in chunk if not row.ok)

    def _row(self, line: bytes, keys: list[str]) -> Row:
        number, errors, values = json.loads(line, object_hook=self._untagged)
        return Row(number=number, data={} if values is None else dict(zip(keys, values)), errors=errors)

    def _untagged(self, obj: dict):
        if len(obj) == 1 and "$model" in obj:
            label, pk = obj["$model"]
            return self.instances[(label, pk)]
        return _untagged(obj)


def store_rows(spec: ImportSpec, sheet: SheetData, file: IO[bytes], progress: Progress | None = None) -> StoredReport:
    """Validate the sheet, writing its rows into `file` as they are checked; the report holds the rows with errors."""
    report = StoredReport(spec=spec, sheet_name=sheet.name, ignored_headers=sheet.header.ignored, load_sheet=lambda: sheet,
                          writer=_Writer([column.key for column in spec.columns]))
    validate_rows(spec, sheet, progress, report)
    report.writer.finish({"format": FORMAT, "sheet": report.sheet_name, "ignored": report.ignored_headers,
                          "total": report.total_rows, "last": report.last_row, "bad": report.bad_when_checked}, file)
    report.writer = None
    return report


def load_rows(spec: ImportSpec, open_file: Callable[[], IO[bytes]], load_sheet: Callable[[], SheetData]) -> StoredReport:
    """The report of the rows `open_file()` holds, read back when saved; ExcelImportError if the file is of an
    earlier version of the import or a model instance it names is gone. `load_sheet` reads the sheet if an error
    report needs its cells."""
    with open_file() as handle, gzip.GzipFile(fileobj=handle, mode="rb") as lines:
        header = json.loads(lines.readline())
    if header.get("format") != FORMAT or header["keys"] != [column.key for column in spec.columns]:
        raise ExcelImportError("导入功能已更新，请重新上传文件。")
    return StoredReport(spec=spec, sheet_name=header["sheet"], ignored_headers=header["ignored"], load_sheet=load_sheet,
                        total_rows=header["total"], last_row=header["last"], bad_when_checked=header["bad"],
                        instances=_instances(header["instances"]), open_file=open_file)


def _tagged(value) -> dict:
    if isinstance(value, Decimal):
        return {"$decimal": str(value)}
    if isinstance(value, datetime.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, datetime.date):
        return {"$date": value.isoformat()}
    raise TypeError(f"cannot keep a parsed {type(value).__name__}")


def _untagged(obj: dict):
    if len(obj) != 1:
        return obj
    [(tag, raw)] = obj.items()
    if tag == "$decimal":
        return Decimal(raw)
    if tag == "$datetime":
        return datetime.datetime.fromisoformat(raw)
    if tag == "$date":
        return datetime.date.fromisoformat(raw)
    return obj


def _instances(named: dict[str, list]) -> dict[Reference, models.Model]:
    """Every instance the rows name, one query per model; ExcelImportError if one is gone since."""
    instances = {}
    for label, pks in named.items():
        model = apps.get_model(label)
        found = model._default_manager.in_bulk(pks)
        if len(found) < len(pks):
            raise ExcelImportError(f"校验之后，文件中用到的{model._meta.verbose_name}已被删除，请重新上传文件。")
        instances.update(((label, pk), instance) for pk, instance in found.items())
    return instances
