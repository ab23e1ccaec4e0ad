"""The pages every registry shares: the index of registries, a registry's list (filters, search, sort, totals,
pages, Excel export), a row's page (its values, links both ways, files, history), the form to add or edit a row,
delete to and restore from the registry's recycle bin, links and attachments, and the office's registry settings.
Each view parses, calls one selector or service, renders."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from zhaoshang.accounts.models import Unit
from zhaoshang.core.decorators import page
from zhaoshang.core.pagination import CountedPaginator
from zhaoshang.core.models import AuditLog
from zhaoshang.core.permissions import can
from zhaoshang.core.query_params import query_id
from zhaoshang.core.services import PermissionDenied
from zhaoshang.exports.views import export_response
from zhaoshang.registries.access import can_add, can_change, changeable_q, keeper_unit_ids
from zhaoshang.registries.catalog import groups, registry_named
from zhaoshang.registries.choices import LinkRelation
from zhaoshang.registries.errors import RegistryError
from zhaoshang.registries.exports import registry_file
from zhaoshang.registries.forms import EntryForm, initial_of
from zhaoshang.registries.links import LinkTargetNotFound, find_linkable, kinds, links_of
from zhaoshang.registries.models import RegistryAttachment, RegistryLink, RegistrySetting
from zhaoshang.registries.selectors import (attachments_of, entries_for, entry_for, list_columns, totals_of,
                                            values_shown)
from zhaoshang.registries.services import (attachment_add, entry_create, entry_delete, entry_restore, entry_update, link_add,
                                           link_remove, registry_setting_update)

PER_PAGE = 50


@page("view")
def index(request):
    """Every registry by group, with its row count and the units that keep it."""
    settings = {s.key: s for s in RegistrySetting.objects.prefetch_related("units").select_related("measure__task")}
    cards = []
    for group, registries in groups().items():
        cards.append((group, [(r, r.model.objects.count(), settings.get(r.key)) for r in registries]))
    return render(request, "registries/index.html", {"groups": cards})


@page("view")
def entry_list(request, key: str):
    registry = registry_named(key)
    listing = entries_for(user=request.user, registry=registry, params=request.GET)
    totals = totals_of(registry, listing.rows)
    page_obj = CountedPaginator(listing.rows, PER_PAGE, totals["count"]).get_page(request.GET.get("page"))
    columns = list_columns(registry)
    rows = [(row, list(zip(columns, values_shown(registry, request.user, row, registry.columns)))) for row in page_obj]
    for field in listing.filterset.form.fields.values():
        field.widget.attrs.setdefault("class", "form-select form-select-sm" if hasattr(field, "choices") else "form-control form-control-sm")
    return render(request, "registries/list.html", {
        "registry": registry, "columns": columns, "rows": rows, "page_obj": page_obj, "totals": totals,
        "total_cells": [(c, totals.get(f"sum_{c.name}")) for c in columns],
        "filter_form": listing.filterset.form, "query": listing.query, "truncated": listing.truncated,
        "sort": listing.sort, "filtered": any(request.GET.get(name) for name in listing.filterset.form.fields),
        "can_add": can_add(request.user, registry), "can_import": can_add(request.user, registry),
        "can_manage": can(request.user, "manage"),
    })


@page("view")
def export(request, key: str):
    """The list as filtered, as Excel; a long one is written in the background (exports)."""
    registry = registry_named(key)
    rows = entries_for(user=request.user, registry=registry, params=request.GET).rows
    return export_response(request, rows=rows, kind=f"registry:{key}", label=registry.name,
                           list_url=reverse("registries:list", args=[key]),
                           build=lambda: registry_file(registry=registry, user=request.user, params=request.GET))


def _history(registry, row):
    return AuditLog.objects.filter(object_type=registry.model._meta.label_lower, object_id=str(row.pk)).select_related("actor")[:50]


@page("view")
def detail(request, key: str, pk: int):
    registry = registry_named(key)
    row = entry_for(registry=registry, pk=pk)
    names = [*registry.form_fields, "owner_unit", "since", "until", "source", "notes"]
    values = values_shown(registry, request.user, row, names)
    return render(request, "registries/detail.html", {
        "registry": registry, "row": row, "fields": [(registry.label(n), v) for n, v in zip(names, values)],
        "links": links_of(user=request.user, kind=key, obj=row, pipeline=True), "attachments": attachments_of(registry, row),
        "history": _history(registry, row) if can(request.user, "audit") else [],
        "can_change": can_change(request.user, row), "relations": LinkRelation.choices, "link_kinds": kinds(),
    })


def _save(request, registry, row=None):
    form = EntryForm(request.POST or None, registry=registry, user=request.user, initial=initial_of(registry, row) if row else None)
    if request.method == "POST" and form.is_valid():
        data = {name: value for name, value in form.cleaned_data.items()}
        try:
            if row is None:
                row = entry_create(registry=registry, actor=request.user, data=data)
                messages.success(request, f"已新增：{row}")
            else:
                row = entry_update(registry=registry, actor=request.user, row=row, data=data)
                messages.success(request, "已保存修改")
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for name, errors in error.message_dict.items():
                    form.add_error(name if name in form.fields else None, errors)
            else:
                form.add_error(None, error.messages)
        except (PermissionDenied, RegistryError) as error:
            form.add_error(None, str(error))
        else:
            return redirect("registries:detail", registry.key, row.pk)
    return render(request, "registries/form.html", {"registry": registry, "form": form, "row": row},
                  status=400 if form.errors else 200)


@page("work")
def new(request, key: str):
    registry = registry_named(key)
    if not can_add(request.user, registry):
        raise DjangoPermissionDenied("本单位不是该数据库的维护单位")
    return _save(request, registry)


@page("work")
def edit(request, key: str, pk: int):
    registry, row = _row_to_change(request, key, pk, "只能修改本单位维护的记录")
    return _save(request, registry, row)


def _row_to_change(request, key: str, pk: int, refusal: str, *, deleted: bool = False):
    """The registry and its row (live, or in the recycle bin) the user may change; 404 when missing, 403 with
    `refusal` when it is another unit's. The services check again under lock."""
    registry = registry_named(key)
    row = entry_for(registry=registry, pk=pk, deleted=deleted)
    if not can_change(request.user, row):
        raise DjangoPermissionDenied(refusal)
    return registry, row


@require_POST
@page("work")
def delete(request, key: str, pk: int):
    registry, row = _row_to_change(request, key, pk, "只能删除本单位维护的记录")
    entry_delete(registry=registry, actor=request.user, row=row)
    messages.success(request, f"已删除“{row}”，可在本库回收站恢复")
    return redirect("registries:list", registry.key)


@page("work")
def trash(request, key: str):
    registry = registry_named(key)
    rows = registry.model.all_objects.filter(deleted_at__isnull=False).filter(changeable_q(request.user)).select_related("deleted_by")
    page_obj = Paginator(rows.order_by("-deleted_at"), PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "registries/trash.html", {"registry": registry, "page_obj": page_obj})


@require_POST
@page("work")
def restore(request, key: str, pk: int):
    registry, row = _row_to_change(request, key, pk, "只能恢复本单位维护的记录", deleted=True)
    try:
        entry_restore(registry=registry, actor=request.user, row=row)
    except RegistryError as error:
        messages.error(request, str(error))
        return redirect("registries:trash", registry.key)
    messages.success(request, f"已恢复“{row}”")
    return redirect("registries:detail", registry.key, row.pk)


@require_POST
@page("work")
def link_new(request, key: str, pk: int):
    """Link this row to another row (a project, an enterprise, another registry's row) named by its name or number."""
    registry, row = _row_to_change(request, key, pk, "只能为本单位维护的记录添加关联")
    to_kind, relation = request.POST.get("to_kind", ""), request.POST.get("relation", "")
    try:
        if relation not in LinkRelation.values:
            raise LinkTargetNotFound("请选择关系")
        to_id = find_linkable(request.user, to_kind, request.POST.get("to_ref", ""))
    except LinkTargetNotFound as error:
        messages.error(request, str(error))
    else:
        link_add(actor=request.user, from_kind=key, from_id=row.pk, to_kind=to_kind, to_id=to_id, relation=relation,
                 note=request.POST.get("note", ""))
        messages.success(request, "已添加关联")
    return redirect("registries:detail", key, row.pk)


@require_POST
@page("work")
def link_delete(request, pk: int):
    link = RegistryLink.objects.filter(pk=pk).first()
    if link is None:
        raise Http404("关联不存在")
    registry = registry_named(link.from_kind)  # links are made from a registry row's page
    row = entry_for(registry=registry, pk=link.from_id)
    if not can_change(request.user, row):
        raise DjangoPermissionDenied("只能删除本单位记录的关联")
    link_remove(actor=request.user, link=link)
    messages.success(request, "已删除关联")
    return redirect("registries:detail", link.from_kind, link.from_id)


@require_POST
@page("work")
def attachment_upload(request, key: str, pk: int):
    registry, row = _row_to_change(request, key, pk, "只能为本单位维护的记录上传附件")
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, "请选择要上传的文件")
    else:
        try:
            attachment_add(actor=request.user, registry=registry, row=row, filename=upload.name, data=upload.read())
        except RegistryError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"已上传附件：{upload.name}")
    return redirect("registries:detail", key, row.pk)


@page("view")
def attachment(request, pk: int):
    item = RegistryAttachment.objects.filter(pk=pk).first()
    if item is None:
        raise Http404("附件不存在")
    entry_for(registry=registry_named(item.kind), pk=item.object_id)  # a deleted row's files go with it
    return FileResponse(item.file.open("rb"), as_attachment=True, filename=item.filename)


@page("manage")
def registry_settings(request, key: str):
    """The office binds the registry to the measure that ordered it and chooses the units that keep it."""
    registry = registry_named(key)
    setting = RegistrySetting.objects.filter(key=key).first()
    if request.method == "POST":
        unit_ids = [int(v) for v in request.POST.getlist("units") if v.isdigit()]
        measure_id = query_id(request.POST, "measure", label="举措")
        from zhaoshang.plans.models import Measure

        measure = Measure.objects.filter(pk=measure_id).first() if measure_id else None
        registry_setting_update(actor=request.user, registry=registry, measure=measure, unit_ids=unit_ids)
        messages.success(request, "已保存维护单位设置")
        return redirect("registries:list", key)
    return render(request, "registries/settings.html", {
        "registry": registry, "setting": setting, "units": Unit.objects.all(),
        "keepers": keeper_unit_ids(registry),
    })
