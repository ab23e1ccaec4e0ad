"""The import pages every importer shares: upload → validation report → confirm (all rows, or explicitly only the
good ones) → done, with progress for large files, the template download and the error report.

An importer declares its pages once (`ImportPages`: its kind, URL namespace, titles, where "back" leads and the
permission the pages ask of the gate) and mounts `pages.urlpatterns()` under its namespace. Each person sees the
uploads they made; the office sees every upload of the kind (core.excel_import.selectors)."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.views.decorators.http import require_POST

from zhaoshang.core.decorators import page
from zhaoshang.core.downloads import XLSX, download
from zhaoshang.core.excel_import.errors import ExcelImportError
from zhaoshang.core.excel_import.forms import WorkbookUploadForm
from zhaoshang.core.excel_import.models import ImportStatus
from zhaoshang.core.excel_import.selectors import import_job_for, import_jobs_for
from zhaoshang.core.permissions import OFFICE, role_of
from zhaoshang.core.excel_import.services import (import_job_confirm, import_job_create, import_job_discard, import_job_retry,
                                                  import_jobs_recover, spec_for)
from zhaoshang.core.excel_import.template import template_workbook
from zhaoshang.core.services import PermissionDenied

ERRORS_SHOWN = 50
JOBS_SHOWN = 20


def _no_notes(user) -> Sequence[str]:
    return ()


# (route, view name, POST only)
ROUTES = (("", "upload", False), ("template.xlsx", "template", False), ("<id:pk>/", "job", False),
          ("<id:pk>/status/", "status", False), ("<id:pk>/confirm/", "confirm", True), ("<id:pk>/discard/", "discard", True),
          ("<id:pk>/retry/", "retry", True), ("<id:pk>/errors.xlsx", "errors", False))


def _routes(view_named: Callable[[str], Callable], permission: str) -> list:
    gate = page(permission)
    return [path(route, require_POST(gate(view_named(name))) if post else gate(view_named(name)), name=name)
            for route, name, post in ROUTES]


@dataclass(frozen=True)
class ImportPages:
    """The pages of one importer. `kind` is the dotted path of its spec factory (services.spec_for); `title` heads
    the pages ("导入项目台账"); `back_url`/`back_label` is the list the breadcrumb leads back to, `done_label` the
    button to it once imported; `notes(user)` adds importer-specific hints beside the upload form."""

    kind: str
    namespace: str
    title: str
    template_filename: str
    back_url: str
    back_label: str
    done_label: str
    permission: str = "work"
    notes: Callable[[object], Sequence[str]] = _no_notes
    url_args: tuple = ()  # the mount's own URL arguments (a registry's key), before the job's id

    def urlpatterns(self) -> list:
        """The pages' URLs, to mount under `namespace` (as the including module's `app_name`)."""
        return _routes(lambda name: getattr(self, name), self.permission)

    @staticmethod
    def keyed_urlpatterns(pages_for: Callable[[str], "ImportPages"], permission: str = "work") -> list:
        """The same pages for importers chosen by the `key` the including URL captures (one per registry):
        `pages_for(key)` gives the key's ImportPages (with url_args=(key,))."""
        def view(name: str):
            def keyed(request, key: str, **kwargs):
                return getattr(pages_for(key), name)(request, **kwargs)
            return keyed

        return _routes(view, permission)

    def _url(self, name: str, *args) -> str:
        return reverse(f"{self.namespace}:{name}", args=(*self.url_args, *args))

    def _page_context(self) -> dict:
        return {"pages": self, "upload_url": self._url("upload"), "template_url": self._url("template"),
                "list_url": reverse(self.back_url, args=self.url_args)}

    def upload(self, request):
        form = WorkbookUploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            upload_file = form.cleaned_data["file"]
            try:
                job = import_job_create(actor=request.user, kind=self.kind, filename=upload_file.name, data=upload_file.read(),
                                        sheet=form.cleaned_data["sheet"])
            except (ExcelImportError, PermissionDenied) as error:
                form.add_error("file", str(error))
            else:
                return redirect(self._url("job", job.pk))
        import_jobs_recover()  # a job whose worker died shows as failed, with retry and discard
        return render(request, "core/import.html", {
            **self._page_context(), "form": form, "notes": self.notes(request.user),
            "jobs": [(job, self._url("job", job.pk)) for job in import_jobs_for(user=request.user, kind=self.kind)[:JOBS_SHOWN]],
        }, status=400 if form.errors else 200)

    def template(self, request):
        """The template to fill in (the importer may pre-fill rows, ImportSpec.template_rows)."""
        try:
            content = template_workbook(spec_for(self.kind, request.user))
        except (ExcelImportError, PermissionDenied) as error:
            messages.error(request, str(error))
            return redirect(self._url("upload"))
        response = download(content, self.template_filename)
        return response

    def _job_context(self, request, pk: int) -> dict:
        import_jobs_recover()  # a job whose worker died shows as failed, with retry and discard
        job = import_job_for(user=request.user, kind=self.kind, pk=pk)
        urls = {name: self._url(name, job.pk) for name in ("status", "confirm", "discard", "errors", "retry")}
        is_owner = job.requested_by_id == request.user.pk
        return {**self._page_context(), "job": job, "urls": urls, "errors": job.errors[:ERRORS_SHOWN],
                "is_owner": is_owner, "can_recover": is_owner or role_of(request.user) == OFFICE}

    def job(self, request, pk: int):
        return render(request, "core/import_job.html", self._job_context(request, pk))

    def status(self, request, pk: int):
        """The job's report block; while the job runs, it polls itself every second (HTMX)."""
        return render(request, "core/_import_status.html", self._job_context(request, pk))

    def confirm(self, request, pk: int):
        job = import_job_for(user=request.user, kind=self.kind, pk=pk)
        good_rows_only = request.POST.get("mode") == "good"
        if good_rows_only and request.POST.get("confirm_good") != "yes":
            messages.error(request, "请勾选确认：只导入无误的行，有错误的行不会导入。")
            return redirect(self._url("job", job.pk))
        try:
            job = import_job_confirm(job=job, actor=request.user, good_rows_only=good_rows_only)
        except (ExcelImportError, PermissionDenied) as error:
            messages.error(request, str(error))
        else:
            if job.status == ImportStatus.DONE:
                messages.success(request, job.message)
        return redirect(self._url("job", job.pk))

    def discard(self, request, pk: int):
        job = import_job_for(user=request.user, kind=self.kind, pk=pk)
        try:
            import_job_discard(job=job, actor=request.user)
        except (ExcelImportError, PermissionDenied) as error:
            messages.error(request, str(error))
        else:
            messages.info(request, "已放弃本次导入，未写入任何数据。")
        return redirect(self._url("upload"))

    def retry(self, request, pk: int):
        job = import_job_for(user=request.user, kind=self.kind, pk=pk)
        try:
            import_job_retry(job=job, actor=request.user)
        except (ExcelImportError, PermissionDenied) as error:
            messages.error(request, str(error))
        return redirect(self._url("job", job.pk))

    def errors(self, request, pk: int):
        job = import_job_for(user=request.user, kind=self.kind, pk=pk)
        if not job.error_file:
            raise Http404("没有错误报告")
        stem = job.filename.rsplit(".", 1)[0]
        suffix = "未导入的行" if job.status == ImportStatus.DONE else "错误报告"
        return FileResponse(job.error_file.open("rb"), as_attachment=True, filename=f"{stem}-{suffix}.xlsx", content_type=XLSX)
