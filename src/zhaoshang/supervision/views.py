"""Supervision pages: a unit's work, the office's overview, reporting, review, urging, problems."""

import datetime

from django.conf import settings
from django.contrib import messages
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from zhaoshang.accounts.models import Unit, User
from zhaoshang.core.decorators import page
from zhaoshang.core.downloads import DOCX, download
from zhaoshang.core.permissions import UNIT, get_for, role_of
from zhaoshang.core.query_params import query_date, query_id, query_month
from zhaoshang.core.services import PermissionDenied
from zhaoshang.plans.models import Assignment, Focus, Task
from zhaoshang.plans.selectors import ALIVE_ASSIGNMENT, current_plan_for
from zhaoshang.supervision.errors import SupervisionError
from zhaoshang.supervision.forms import ReportForm, ReturnForm, UrgeForm
from zhaoshang.supervision.lights import LIGHT_LABELS, Light
from zhaoshang.supervision.models import Escalation, ProgressReport, ReportAttachment
from zhaoshang.supervision.notice_docx import escalation_docx
from zhaoshang.supervision.selectors.report_page import report_page
from zhaoshang.supervision.selectors.status import statuses_as_of
from zhaoshang.supervision.selectors.timeline import task_timeline
from zhaoshang.supervision.selectors.work import (
    filter_task_rows, light_counts, open_problems, statuses_for, task_rows, unit_work,
)
from zhaoshang.supervision.services.attachments import attachment_add
from zhaoshang.supervision.services.escalation import assignment_escalate
from zhaoshang.supervision.services.reports import report_accept, report_return, report_save
from zhaoshang.supervision.services.urging import assignment_urge


def _as_of(request) -> datetime.date | None:
    return query_date(request.GET, "as_of", label="截至日期")


@page()
def my_work(request):
    if role_of(request.user) != UNIT:
        return redirect("supervision:overview")
    return render(request, "supervision/my_work.html", {"work": unit_work(user=request.user, as_of=_as_of(request))})


@page()
def overview(request):
    as_of = _as_of(request)
    statuses = statuses_for(user=request.user, as_of=as_of, unit_id=query_id(request.GET, "unit", label="责任单位"))
    all_rows = task_rows(statuses)
    rows = filter_task_rows(all_rows, focus=request.GET.get("focus", ""), light=request.GET.get("light", ""),
                            deadline=request.GET.get("deadline", ""))
    plan = current_plan_for(user=request.user)
    counts = light_counts(statuses)
    return render(request, "supervision/overview.html", {
        "plan": plan, "rows": rows, "as_of": as_of,
        "count_cards": [(item.value, LIGHT_LABELS[item], counts[item.value]) for item in Light],
        "overdue": [s for s in statuses if s.missing],
        "problems": open_problems(user=request.user)[:50],
        "focuses": Focus.objects.filter(plan=plan) if plan else [],
        "units": Unit.objects.restrict(request.user, "view"),
        "deadlines": sorted({r.task.deadline_code for r in all_rows if r.task.deadline_code}),
        "light_labels": LIGHT_LABELS, "filters": request.GET,
    })


@page()
def assignment_report(request, pk: int):
    assignment = get_for(request.user, "view", Assignment.objects.filter(ALIVE_ASSIGNMENT).select_related(
        "unit", "measure__task__plan", "measure__task__focus", "measure__task__target"), pk=pk)
    view = report_page(user=request.user, assignment=assignment,
                       period_key=query_month(request.GET, "period", label="报送期") or request.POST.get("period_key"))
    form = None
    if view.can_report and view.period is not None:
        form = ReportForm(request.POST or None, initial=ReportForm.initial_for(view.period, view.report))
        if request.method == "POST" and form.is_valid():
            try:
                report_save(actor=request.user, assignment=assignment, data=form.report_input(),
                            submit="submit" in request.POST, version=form.cleaned_data["version"], period=view.period)
            except SupervisionError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, "已报送。" if "submit" in request.POST else "草稿已保存。")
                return redirect("supervision:report", pk=assignment.pk)
    return render(request, "supervision/report.html", {
        "assignment": assignment, "view": view, "status": view.status, "period": view.period, "report": view.report,
        "form": form, "return_form": ReturnForm(), "urge_form": UrgeForm(),
    }, status=400 if form is not None and form.errors else 200)


@require_POST
@page("supervise")
def report_review(request, pk: int):
    report = get_for(request.user, "view", ProgressReport.objects.select_related("assignment"), pk=pk)
    try:
        if request.POST.get("decision") == "return":
            form = ReturnForm(request.POST)
            if not form.is_valid():
                raise SupervisionError("退回时请填写理由。")
            report_return(actor=request.user, report=report, reason=form.cleaned_data["reason"])
            messages.success(request, "已退回。")
        else:
            report_accept(actor=request.user, report=report)
            messages.success(request, "已审核通过。")
    except (SupervisionError, PermissionDenied) as error:
        messages.error(request, str(error))
    return redirect("supervision:report", pk=report.assignment_id)


@require_POST
@page("supervise")
def urge(request, pk: int):
    assignment = get_for(request.user, "view", Assignment.objects.filter(ALIVE_ASSIGNMENT).select_related("measure__task"), pk=pk)
    form = UrgeForm(request.POST)
    try:
        if not form.is_valid():
            raise SupervisionError("请填写催办内容。")
        assignment_urge(actor=request.user, assignment=assignment, message=form.cleaned_data["message"])
        messages.success(request, "已催办。")
    except (SupervisionError, PermissionDenied) as error:
        messages.error(request, str(error))
    return redirect("supervision:report", pk=assignment.pk)


@page()
def task_detail(request, pk: int):
    task = get_for(request.user, "view", Task.objects.select_related("plan", "focus", "target"), pk=pk)
    statuses = statuses_as_of(Assignment.objects.filter(ALIVE_ASSIGNMENT, measure__task=task).select_related(
        "unit", "measure__task__plan"), _as_of(request))
    return render(request, "supervision/task_detail.html", {
        "task": task, "statuses": sorted(statuses.values(), key=lambda s: (s.assignment.measure.ordinal, s.assignment.order)),
        "events": task_timeline(task),
    })


@require_POST
@page("work")
def attachment_upload(request, pk: int):
    report = get_for(request.user, "work", ProgressReport.objects.select_related("assignment"), pk=pk)
    upload = request.FILES.get("file")
    try:
        if upload is None:
            raise SupervisionError("请选择要上传的文件。")
        if upload.size > settings.MAX_ATTACHMENT_BYTES:
            raise SupervisionError(f"文件过大，单个附件不超过{settings.MAX_ATTACHMENT_BYTES // 1024 // 1024}MB。")
        attachment_add(actor=request.user, report=report, filename=upload.name, data=upload.read())
        messages.success(request, "附件已上传。")
    except (SupervisionError, PermissionDenied) as error:
        messages.error(request, str(error))
    return redirect(f"{reverse('supervision:report', args=[report.assignment_id])}?period={report.period_key}")


@page()
def attachment_download(request, pk: int):
    """Evidence is served only to those who may see its report."""
    attachment = get_for(request.user, "view", ReportAttachment.objects.all(), pk=pk)
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.filename,
                        content_type=attachment.content_type)


@require_POST
@page("supervise")
def escalate(request, pk: int):
    assignment = get_for(request.user, "view", Assignment.objects.filter(ALIVE_ASSIGNMENT).select_related("measure__task", "unit"), pk=pk)
    leader = User.objects.filter(pk=request.POST.get("leader") or 0, role="leader").first()
    try:
        escalation = assignment_escalate(actor=request.user, assignment=assignment, leader=leader,
                                         reason=request.POST.get("reason", ""))
        messages.success(request, f"已生成{escalation.number}并呈报{leader.display_name}。")
    except SupervisionError as error:
        messages.error(request, str(error))
    return redirect("supervision:report", pk=assignment.pk)


@page("oversee")
def escalation_notice(request, pk: int):
    escalation = get_for(request.user, "view", Escalation.objects.select_related(
        "assignment__measure__task__plan", "assignment__unit", "created_by__unit"), pk=pk)
    response = download(escalation_docx(escalation), escalation.number + ".docx", DOCX)
    return response
