"""The checked rows, kept from the report to the confirmation so that confirming does not parse the workbook again.

Each row is kept as its number with its errors, or with its parsed cell values (as they were before check_rows):
gzip'd JSON, where a decimal, a date and a model instance are tagged objects ({"$date": "2025-03-01"}); a model
instance is kept as its label and primary key and fetched again (one query per model) on restoring.
"""

import datetime
import gzip
import json
from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal

from django.apps import apps
from django.db import models

from zhaoshang.core.excel_import.columns import ImportSpec, Row
from zhaoshang.core.excel_import.errors import ExcelImportError
from zhaoshang.core.excel_import.validate import ImportReport
from zhaoshang.core.excel_import.workbook import SheetData

FORMAT = 1
Reference = tuple[str, object]  # (model label, primary key), until the instance is fetched


def dump_rows(report: ImportReport) -> bytes:
    """The report's rows, to restore with `load_rows`."""
    keys = [column.key for column in report.spec.columns]
    rows = [[row.number, row.errors, None] if row.errors else [row.number, [], [report.parsed[row.number][key] for key in keys]]
            for row in report.rows]
    document = {"format": FORMAT, "sheet": report.sheet_name, "ignored": report.ignored_headers, "keys": keys, "rows": rows}
    return gzip.compress(json.dumps(document, ensure_ascii=False, separators=(",", ":"), default=_tagged).encode(), compresslevel=1)


def load_rows(spec: ImportSpec, stored: bytes, load_sheet: Callable[[], SheetData]) -> ImportReport:
    """The report again: bad rows keep their errors; good rows get their parsed values back and go through the
    importer's check_rows again, because the database may have changed since. `load_sheet` reads the sheet if an
    error report needs the cells."""
    references: set[Reference] = set()
    document = json.loads(gzip.decompress(stored), object_hook=lambda obj: _untagged(obj, references))
    keys = document["keys"]
    if document["format"] != FORMAT or keys != [column.key for column in spec.columns]:
        raise ExcelImportError("导入功能已更新，请重新上传文件。")
    instances = _instances(references)
    report = ImportReport(spec=spec, sheet_name=document["sheet"], ignored_headers=document["ignored"], load_sheet=load_sheet)
    for number, errors, values in document["rows"]:
        data = {} if values is None else dict(zip(keys, [
            _resolved(value, instances) if type(value) in (tuple, list) else value for value in values]))
        report.rows.append(Row(number=number, cells=[], data=data, errors=errors))
    if spec.check_rows:
        spec.check_rows(report.good_rows)
    return report


def _tagged(value) -> dict:
    """What JSON has no type for (json.dumps calls this only for those)."""
    if isinstance(value, Decimal):
        return {"$decimal": str(value)}
    if isinstance(value, datetime.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, datetime.date):
        return {"$date": value.isoformat()}
    if isinstance(value, models.Model):
        return {"$model": [value._meta.label_lower, value.pk]}
    raise TypeError(f"cannot keep a parsed {type(value).__name__}")


def _untagged(obj: dict, references: set[Reference]):
    if len(obj) != 1:
        return obj
    [(tag, raw)] = obj.items()
    if tag == "$decimal":
        return Decimal(raw)
    if tag == "$datetime":
        return datetime.datetime.fromisoformat(raw)
    if tag == "$date":
        return datetime.date.fromisoformat(raw)
    if tag == "$model":
        references.add(reference := (raw[0], raw[1]))
        return reference
    return obj


def _resolved(value, instances: dict[Reference, models.Model]):
    if type(value) is tuple:
        return instances[value]
    return [_resolved(item, instances) if type(item) in (tuple, list) else item for item in value]


def _instances(references: set[Reference]) -> dict[Reference, models.Model]:
    """Every referenced instance, one query per model; ExcelImportError if one is gone since."""
    wanted = defaultdict(set)
    for label, pk in references:
        wanted[label].add(pk)
    instances = {}
    for label, pks in wanted.items():
        model = apps.get_model(label)
        found = model._default_manager.in_bulk(pks)
        if len(found) < len(pks):
            raise ExcelImportError(f"校验之后，文件中用到的{model._meta.verbose_name}已被删除，请重新上传文件。")
        instances.update(((label, pk), instance) for pk, instance in found.items())
    return instances
