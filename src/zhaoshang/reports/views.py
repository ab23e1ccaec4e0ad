"""Bulletin pages: the office requests a month's bulletin and watches it being built; office and leaders download."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from zhaoshang.core.decorators import page
from zhaoshang.core.permissions import can
from zhaoshang.core.services import PermissionDenied
from zhaoshang.reports.bulletin_data import bulletin_collect
from zhaoshang.reports.errors import BulletinError
from zhaoshang.reports.forms import BulletinRequestForm, DocSettingsForm, last_month
from zhaoshang.reports.letterhead import doc_settings, letterhead_for
from zhaoshang.reports.selectors import bulletin_for, bulletins_for, can_read_bulletins
from zhaoshang.reports.services import bulletin_jobs_recover, bulletin_request, doc_settings_save

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _list(request, form, status=200):
    bulletin_jobs_recover()  # a job whose worker died shows as failed
    return render(request, "reports/bulletins.html", {
        "jobs": bulletins_for(user=request.user)[:50], "form": form, "can_request": can(request.user, "supervise"),
    }, status=status)


@page()
def bulletins(request):
    if not can_read_bulletins(request.user):
        raise DjangoPermissionDenied("无权查看通报")
    return _list(request, BulletinRequestForm(initial={"period": last_month()}))


@require_POST
@page("supervise")
def bulletin_new(request):
    form = BulletinRequestForm(request.POST)
    if form.is_valid():
        try:
            job = bulletin_request(actor=request.user, period=form.cleaned_data["period"])
        except (BulletinError, PermissionDenied) as error:
            form.add_error("period", str(error))
        else:
            messages.success(request, f"已提交{job.period_label}通报的生成任务。")
            return redirect("reports:bulletins")
    return _list(request, form, status=400)


@page()
def bulletin_row(request, pk: int):
    """One job's table row; while it runs, the row polls itself every second (HTMX)."""
    bulletin_jobs_recover()
    return render(request, "reports/_bulletin_row.html", {"job": bulletin_for(user=request.user, pk=pk)})


@page()
def bulletin_download(request, pk: int, kind: str):
    job = bulletin_for(user=request.user, pk=pk)
    field = getattr(job, kind, None) if kind in CONTENT_TYPES else None
    if not field:
        raise Http404("文件不存在")
    return FileResponse(field.open("rb"), as_attachment=True, filename=job.filename(kind), content_type=CONTENT_TYPES[kind])


@page()
def bulletin_preview(request, pk: int):
    """The bulletin read on screen: its head and the sections leaders read first (overall, 目标指标完成情况),
    collected as the Word file collects them (as of the month's last day)."""
    job = bulletin_for(user=request.user, pk=pk)
    if job.plan is None or job.plan.is_deleted:
        raise Http404("该任务清单已删除")
    data = bulletin_collect(user=request.user, period=job.period, plan=job.plan)
    head = letterhead_for(year=data.as_of.year, seq=data.issue_seq, issue=True)
    return render(request, "reports/bulletin_preview.html", {"job": job, "data": data, "head": head})


@page("supervise")
def doc_settings_page(request):
    """The office sets the issuer, the red header, the 文号 and 期号 patterns and 主送/抄送 of its documents."""
    form = DocSettingsForm(request.POST or None, instance=doc_settings())
    if request.method == "POST" and form.is_valid():
        doc_settings_save(actor=request.user, data=form.cleaned_data)
        messages.success(request, "公文格式设置已保存。")
        return redirect("reports:doc_settings")
    return render(request, "reports/doc_settings.html", {"form": form}, status=400 if form.errors else 200)
