"""The registries over the API: the list of registries, and for each its rows (filtered and searched as on the page),
create, change, delete, the Excel export exactly as filtered, and the Excel import (all-or-nothing or good rows only)."""

from django.core.exceptions import ValidationError
from ninja import Body, File, Form, Router, Schema, Status
from ninja.files import UploadedFile

from zhaoshang.core.downloads import download
from zhaoshang.core.excel_import import ExcelImportError, save_report, validate_file
from zhaoshang.core.query_params import query_int
from zhaoshang.core.services import PermissionDenied
from zhaoshang.registries.access import can_add, can_change
from zhaoshang.registries.catalog import all_registries, registry_named
from zhaoshang.registries.exports import export_filename, registry_workbook
from zhaoshang.registries.importing import registry_import
from zhaoshang.registries.models import RegistrySetting
from zhaoshang.registries.payloads import entry_json, entry_values
from zhaoshang.registries.selectors import entries_for, entry_for
from zhaoshang.registries.services import entry_create, entry_delete, entry_update, validation_message

router = Router(tags=["数据库"])
PAGE_SIZE = 50


class RegistryOut(Schema):
    key: str
    name: str
    group: str
    count: int
    owner_units: list[str]


class Detail(Schema):
    detail: str
    errors: dict | None = None


class ImportError_(Schema):
    row: int
    column: str
    message: str


class ImportOut(Schema):
    created: int
    updated: int
    errors: list[ImportError_]
    detail: str = ""


@router.get("registries", response=list[RegistryOut])
def registry_list(request):
    """Every registry with its live row count and the units that keep it."""
    keepers = {s.key: [u.display_name for u in s.units.all()] for s in RegistrySetting.objects.prefetch_related("units")}
    return [{"key": r.key, "name": r.name, "group": r.group, "count": r.model.objects.count(), "owner_units": keepers.get(r.key, [])}
            for r in all_registries().values()]


@router.get("registries/{key}/entries")
def entry_list(request, key: str):
    """Rows filtered as the page filters them: `q` (search, two characters are enough), the registry's column filters
    (`<column>=`; numbers `<column>_min`/`_max`, dates `<column>_from`/`_to`), `as_of`, `sort`, `page`, `page_size`."""
    registry = registry_named(key)
    listing = entries_for(user=request.user, registry=registry, params=request.GET)
    page = query_int(request.GET, "page", label="页码", low=1, high=1_000_000, default=1)
    size = query_int(request.GET, "page_size", label="每页条数", low=1, high=500, default=PAGE_SIZE)
    rows = listing.rows
    count = rows.count()
    items = [entry_json(registry, request.user, row) for row in rows[(page - 1) * size: page * size]]
    return {"count": count, "page": page, "page_size": size, "truncated": listing.truncated, "items": items}


@router.get("registries/{key}/entries/{entry_id}")
def entry_get(request, key: str, entry_id: int):
    registry = registry_named(key)
    return entry_json(registry, request.user, entry_for(registry=registry, pk=entry_id))


def _refused(error: ValidationError, registry) -> tuple[int, dict]:
    errors = error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}
    return Status(400, {"detail": validation_message(error, registry), "errors": errors})


@router.post("registries/{key}/entries", response={201: dict, 400: Detail})
def entry_new(request, key: str, payload: Body[dict]):
    registry = registry_named(key)
    if not can_add(request.user, registry):
        raise PermissionDenied(f"本单位不是{registry.name}的维护单位，不能新增")
    try:
        row = entry_create(registry=registry, actor=request.user, data=entry_values(registry, request.user, payload))
    except ValidationError as error:
        return _refused(error, registry)
    return Status(201, entry_json(registry, request.user, row))


@router.patch("registries/{key}/entries/{entry_id}", response={200: dict, 400: Detail})
def entry_change(request, key: str, entry_id: int, payload: Body[dict]):
    registry = registry_named(key)
    row = entry_for(registry=registry, pk=entry_id)
    if not can_change(request.user, row):
        raise PermissionDenied("只能修改本单位维护的记录")
    try:
        row = entry_update(registry=registry, actor=request.user, row=row, data=entry_values(registry, request.user, payload, row))
    except ValidationError as error:
        return _refused(error, registry)
    return entry_json(registry, request.user, row)


@router.delete("registries/{key}/entries/{entry_id}", response={204: None})
def entry_remove(request, key: str, entry_id: int):
    """To the recycle bin (the page's 回收站 restores it)."""
    registry = registry_named(key)
    entry_delete(registry=registry, actor=request.user, row=entry_for(registry=registry, pk=entry_id))
    return Status(204, None)


@router.get("registries/{key}/export")
def entry_export(request, key: str):
    """The rows as filtered by the same parameters as the list, as an Excel workbook (contacts masked as for you)."""
    registry = registry_named(key)
    listing = entries_for(user=request.user, registry=registry, params=request.GET)
    return download(registry_workbook(registry=registry, user=request.user, listing=listing), export_filename(registry))


def _errors(rows) -> list[dict]:
    result = []
    for row in rows:
        for error in row.errors:
            column, _, message = error.partition("：") if "：" in error else ("", "", error)
            result.append({"row": row.number, "column": column, "message": message})
    return result


@router.post("registries/{key}/import", response={200: ImportOut, 400: ImportOut})
def entry_import(request, key: str, file: File[UploadedFile], mode: Form[str] = "all"):
    """Import a workbook at once: `mode=all` writes nothing when any row is bad (400 with every error), `mode=good`
    writes the good rows and reports the others."""
    if mode not in ("all", "good"):
        return Status(400, {"created": 0, "updated": 0, "errors": [], "detail": "mode 只能为 all（全部导入）或 good（仅导入无误的行）"})
    importer = registry_import(key, actor=request.user)
    try:
        report = validate_file(importer.spec, file.read(), filename=file.name or "")
        if mode == "all" and report.bad_rows:
            return Status(400, {"created": 0, "updated": 0, "errors": _errors(report.bad_rows),
                                "detail": f"有{len(report.bad_rows)}行存在错误，未导入任何数据"})
        result = save_report(report, good_rows_only=mode == "good")
    except ExcelImportError as error:
        return Status(400, {"created": 0, "updated": 0, "errors": [], "detail": str(error)})
    if result.saved == 0 and mode == "all" and result.failed:
        return Status(400, {"created": 0, "updated": 0, "errors": _errors(result.failed), "detail": result.message})
    return Status(200, {"created": importer.tally.created, "updated": importer.tally.updated, "errors": _errors(result.failed),
                        "detail": result.message})

