"""The project ledger import pages: upload → validation report → confirm, with progress for large files.

The office imports any unit's projects; a unit user imports its own unit's. Each person sees the uploads they
made (the office: everyone's)."""

from urllib.parse import quote

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from zhaoshang.core.decorators import page
from zhaoshang.core.excel_import import ExcelImportError, template_workbook
from zhaoshang.core.excel_import.forms import WorkbookUploadForm
from zhaoshang.core.excel_import.models import ImportStatus
from zhaoshang.core.excel_import.selectors import import_job_for, import_jobs_for
from zhaoshang.core.excel_import.services import import_job_confirm, import_job_create, import_job_discard
from zhaoshang.core.services import PermissionDenied
from zhaoshang.projects.ledger import KIND, ledger_import

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ERRORS_SHOWN = 50


def _attachment(filename: str) -> str:
    return f"attachment; filename*=UTF-8''{quote(filename)}"


@page("work")
def upload(request):
    form = WorkbookUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["file"]
        try:
            job = import_job_create(actor=request.user, kind=KIND, filename=upload_file.name, data=upload_file.read(),
                                    sheet=form.cleaned_data["sheet"])
        except ExcelImportError as error:
            form.add_error("file", str(error))
        else:
            return redirect("project_import:job", pk=job.pk)
    return render(request, "projects/import.html", {
        "form": form, "jobs": import_jobs_for(user=request.user, kind=KIND)[:20],
    }, status=400 if form.errors else 200)


@page("work")
def template(request):
    response = HttpResponse(template_workbook(ledger_import(actor=request.user)), content_type=XLSX)
    response["Content-Disposition"] = _attachment("项目台账导入模板.xlsx")
    return response


def _job_context(request, pk: int) -> dict:
    job = import_job_for(user=request.user, kind=KIND, pk=pk)
    urls = {name: reverse(f"project_import:{name}", args=[job.pk]) for name in ("status", "confirm", "discard", "errors")}
    return {"job": job, "urls": urls, "errors": job.errors[:ERRORS_SHOWN], "is_owner": job.requested_by_id == request.user.pk,
            "list_url": reverse("projects:list")}


@page("work")
def job(request, pk: int):
    return render(request, "projects/import_job.html", _job_context(request, pk))


@page("work")
def status(request, pk: int):
    """The job's report block; while the job runs, it polls itself every second (HTMX)."""
    return render(request, "core/_import_status.html", _job_context(request, pk))


@require_POST
@page("work")
def confirm(request, pk: int):
    job = import_job_for(user=request.user, kind=KIND, pk=pk)
    good_rows_only = request.POST.get("mode") == "good"
    if good_rows_only and request.POST.get("confirm_good") != "yes":
        messages.error(request, "请勾选确认：只导入无误的行，有错误的行不会导入。")
        return redirect("project_import:job", pk=job.pk)
    try:
        job = import_job_confirm(job=job, actor=request.user, good_rows_only=good_rows_only)
    except (ExcelImportError, PermissionDenied) as error:
        messages.error(request, str(error))
    else:
        if job.status == ImportStatus.DONE:
            messages.success(request, job.message)
    return redirect("project_import:job", pk=job.pk)


@require_POST
@page("work")
def discard(request, pk: int):
    job = import_job_for(user=request.user, kind=KIND, pk=pk)
    try:
        import_job_discard(job=job, actor=request.user)
    except (ExcelImportError, PermissionDenied) as error:
        messages.error(request, str(error))
    else:
        messages.info(request, "已放弃本次导入，未写入任何数据。")
    return redirect("project_import:upload")


@page("work")
def errors(request, pk: int):
    job = import_job_for(user=request.user, kind=KIND, pk=pk)
    if not job.error_file:
        raise Http404("没有错误报告")
    stem = job.filename.rsplit(".", 1)[0]
    suffix = "未导入的行" if job.status == ImportStatus.DONE else "错误报告"
    return FileResponse(job.error_file.open("rb"), as_attachment=True, filename=f"{stem}-{suffix}.xlsx", content_type=XLSX)
