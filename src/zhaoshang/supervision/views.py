"""Supervision pages: a unit's work, the office's overview, reporting, review, urging, problems."""

import datetime
from dataclasses import replace

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from zhaoshang.accounts.models import Unit, User
from zhaoshang.core.decorators import page
from zhaoshang.core.downloads import DOCX, download
from zhaoshang.core.permissions import UNIT, can, get_for, role_of
from zhaoshang.core.query_params import query_date
from zhaoshang.core.services import PermissionDenied
from zhaoshang.plans.models import Assignment, Focus, Task
from zhaoshang.plans.errors import PlanError
from zhaoshang.plans.selectors import ALIVE_ASSIGNMENT, current_plan_for, default_as_of, page_as_of
from zhaoshang.plans.services.tasks import MAX_TITLE, task_short_title_set
from zhaoshang.supervision.errors import SupervisionError
from zhaoshang.supervision.forms import ReturnForm, UrgeForm
from zhaoshang.supervision.lights import LIGHT_LABELS, Light
from zhaoshang.supervision.models import Escalation, ProgressReport, ReportAttachment
from zhaoshang.supervision.notice_docx import escalation_docx
from zhaoshang.supervision.selectors.timeline import task_measures, task_timeline
from zhaoshang.supervision.selectors.overview import (
    OverviewFilters, assignment_statuses_for, overview_for, problems_for,
)
from zhaoshang.supervision.selectors.work import unit_work
from zhaoshang.supervision.services.attachments import attachment_add
from zhaoshang.supervision.services.escalation import assignment_escalate
from zhaoshang.supervision.services.reports import report_accept, report_return
from zhaoshang.supervision.services.urging import assignment_urge


def _as_of(request) -> datetime.date | None:
    return query_date(request.GET, "as_of", label="截至日期")


def _overview_filters(request):
    """The overview's filters, the current plan and the date note: without ?as_of= the day is the plan's default."""
    filters = OverviewFilters.from_query(request.GET)
    plan = current_plan_for(user=request.user)
    as_of, note = page_as_of(plan, filters.as_of)
    return (replace(filters, as_of=as_of) if note else filters), plan, note


@page()
def my_work(request):
    if role_of(request.user) != UNIT:
        return redirect("supervision:overview")
    # a finished plan's year is read as it ended: its periods are due within it, not every month since
    as_of, note = page_as_of(current_plan_for(user=request.user), _as_of(request))
    return render(request, "supervision/my_work.html", {"work": unit_work(user=request.user, as_of=as_of), "note": note,
                                                        "as_of": as_of})


@page()
def overview(request):
    filters, plan, as_of_note = _overview_filters(request)
    view = overview_for(user=request.user, filters=filters)
    return render(request, "supervision/overview.html", {
        "plan": plan, "rows": view.rows, "as_of": filters.as_of, "filters": filters, "overdue": view.overdue,
        "as_of_note": as_of_note,
        "count_cards": [(item.value, LIGHT_LABELS[item], view.light_count(item)) for item in Light],
        "problems": problems_for(user=request.user, unit_id=filters.unit)[:50],
        "focuses": Focus.objects.filter(plan=plan) if plan else [],
        "tasks": [row.task for row in view.all_rows],
        "units": Unit.objects.restrict(request.user, "view"),
        "deadlines": sorted({r.task.deadline_code for r in view.all_rows if r.task.deadline_code}),
        "light_labels": LIGHT_LABELS,
    })


@page()
def assignment_list(request):
    """The rows behind a count of the overview: every assignment of a light, every overdue one, paged."""
    filters = _overview_filters(request)[0]
    statuses = assignment_statuses_for(user=request.user, filters=filters)
    unit = Unit.objects.filter(pk=filters.unit).first() if filters.unit else None
    return render(request, "supervision/assignments.html", {
        "filters": filters, "unit": unit, "total": len(statuses), "light_labels": LIGHT_LABELS,
        "page_obj": Paginator(statuses, 50).get_page(request.GET.get("page")),
    })


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
    return render(request, "supervision/task_detail.html", {
        "task": task, "measures": task_measures(task=task, as_of=_as_of(request) or default_as_of(task.plan)),
        "events": task_timeline(task),
        "can_name": can(request.user, "supervise"), "max_title": MAX_TITLE,
    })


@require_POST
@page("supervise")
def task_title(request, pk: int):
    """The office names a task (简称); an empty name goes back to the one derived from the notice."""
    task = get_for(request.user, "view", Task.objects.all(), pk=pk)
    try:
        task = task_short_title_set(actor=request.user, task=task, short_title=request.POST.get("short_title", ""))
        messages.success(request, f"已保存任务简称：{task.display_name}")
    except (PlanError, PermissionDenied) as error:
        messages.error(request, str(error))
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return redirect(back)
    return redirect("supervision:task", pk=task.pk)


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
