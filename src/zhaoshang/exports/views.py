"""Export pages: a long list's export link starts a job and lands here, where its progress shows until the file is
ready to download; the user's recent exports are listed below."""

from django.http import FileResponse, Http404
from django.shortcuts import redirect, render

from zhaoshang.core.decorators import page
from zhaoshang.core.downloads import XLSX, download
from zhaoshang.exports.selectors import export_for, exports_for
from zhaoshang.exports.services import SYNC_ROWS, export_is_long, export_jobs_recover, export_request

RECENT = 10


def export_response(request, *, rows, kind: str, label: str, list_url: str, build):
    """What a list's export link answers: the file at once (`build()` → (content, file name)), or, for a list longer
    than SYNC_ROWS, a job and its page."""
    if export_is_long(rows):
        job = export_request(actor=request.user, kind=kind, label=label, params=request.GET.urlencode(), list_url=list_url)
        return redirect("exports:job", job.pk)
    return download(*build())


@page()
def job(request, pk: int):
    export_jobs_recover()  # a job whose runner died shows as failed
    found = export_for(user=request.user, pk=pk)
    return render(request, "exports/job.html", {"job": found, "others": exports_for(user=request.user).exclude(pk=pk)[:RECENT],
                                                "sync_rows": SYNC_ROWS})


@page()
def job_status(request, pk: int):
    """The job's progress block; while it runs, it polls itself every second (HTMX)."""
    export_jobs_recover()
    return render(request, "exports/_status.html", {"job": export_for(user=request.user, pk=pk)})


@page()
def job_file(request, pk: int):
    found = export_for(user=request.user, pk=pk)
    if not found.file:
        raise Http404("文件尚未生成")
    return FileResponse(found.file.open("rb"), as_attachment=True, filename=found.filename, content_type=XLSX)
