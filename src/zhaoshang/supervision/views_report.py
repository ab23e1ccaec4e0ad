"""The unit's report form: the period it chooses, files sent with the text, nothing typed ever lost."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse

from zhaoshang.core.decorators import page
from zhaoshang.core.permissions import get_for
from zhaoshang.core.query_params import QueryError
from zhaoshang.core.services import PermissionDenied
from zhaoshang.plans.models import Assignment
from zhaoshang.plans.selectors import ALIVE_ASSIGNMENT
from zhaoshang.supervision.errors import SupervisionError
from zhaoshang.supervision.forms import ReportForm, ReturnForm, UrgeForm
from zhaoshang.supervision.models import ReportAttachment
from zhaoshang.supervision.selectors.report_page import ReportPage, report_page
from zhaoshang.supervision.services.attachments import attachment_remove, attachments_upload
from zhaoshang.supervision.services.reports import report_save

SAVE_ACTIONS = ("submit", "draft")


def _page_for(request, assignment, key) -> ReportPage:
    try:
        return report_page(user=request.user, assignment=assignment, period_key=key)
    except SupervisionError as error:  # a period that is not one of the cycle's, not begun, or not reported on
        raise QueryError(str(error)) from None


def _uploads(request) -> tuple[list[tuple[str, bytes]], list[str]]:
    """The chosen files, read only when within the size limit."""
    limit = settings.MAX_ATTACHMENT_BYTES
    files, errors = [], []
    for upload in request.FILES.getlist("evidence"):
        if upload.size > limit:
            errors.append(f"{upload.name}：文件过大，单个附件不超过{limit // 1024 // 1024}MB。")
        else:
            files.append((upload.name, upload.read()))
    return files, errors


def _post(request, assignment, view: ReportPage):
    """Attach the chosen files and take off a removed one first, so that whatever else happens they are kept;
    then save or submit the text. Returns the form to show again, a notice, or None when saved."""
    data = request.POST.copy()
    files, file_errors = _uploads(request)
    notices = []
    try:
        if files:
            report, refused = attachments_upload(actor=request.user, assignment=assignment, period=view.period, files=files)
            file_errors += refused
            if report is not None:
                notices.append(f"已上传附件{len(files) - len(refused)}个，已随本期草稿保存，报送时一并提交。")
                if view.report is None:  # the draft was made just now: the form edits that version
                    data["version"] = str(report.version)
        removed = request.POST.get("remove_attachment", "")
        if removed.isdigit() and view.report is not None:
            attachment = ReportAttachment.objects.filter(pk=int(removed), report=view.report).first()
            if attachment is None:
                file_errors.append("该附件不存在或已移除。")
            else:
                attachment_remove(actor=request.user, attachment=attachment)
                notices.append(f"已移除附件“{attachment.filename}”。")
    except (SupervisionError, PermissionDenied) as error:
        file_errors.append(str(error))
    form = ReportForm(data)
    action = next((name for name in SAVE_ACTIONS if name in request.POST), None)
    if action is None:  # only files were sent or removed: keep the text as typed, judge it when it is saved
        form.is_valid()
        form.errors.clear()
    elif form.is_valid() and not file_errors:
        try:
            report_save(actor=request.user, assignment=assignment, data=form.report_input(), submit=action == "submit",
                        version=form.cleaned_data["version"], period=view.period)
        except (SupervisionError, PermissionDenied) as error:
            form.add_error(None, str(error))
        else:
            return None, notices
    for error in file_errors:
        form.add_error("evidence", error)
    return form, notices


@page()
def assignment_report(request, pk: int):
    assignment = get_for(request.user, "view", Assignment.objects.filter(ALIVE_ASSIGNMENT).select_related(
        "unit", "measure__task__plan", "measure__task__focus", "measure__task__target"), pk=pk)
    key = request.POST.get("period_key") if request.method == "POST" else request.GET.get("period")
    view = _page_for(request, assignment, key)
    form, notices = None, []
    if view.can_report and view.period is not None:
        if request.method == "POST":
            form, notices = _post(request, assignment, view)
            if form is None:
                messages.success(request, ("已报送。" if "submit" in request.POST else "草稿已保存。") + "".join(notices))
                return redirect(f"{reverse('supervision:report', args=[assignment.pk])}?period={view.period.key}")
            view = _page_for(request, assignment, view.period.key)  # the draft and its files as they are now
        else:
            form = ReportForm(initial=ReportForm.initial_for(view.period, view.report))
    return render(request, "supervision/report.html", {
        "assignment": assignment, "view": view, "status": view.status, "period": view.period, "report": view.report,
        "form": form, "notices": notices, "return_form": ReturnForm(), "urge_form": UrgeForm(),
    }, status=400 if form is not None and form.errors else 200)
