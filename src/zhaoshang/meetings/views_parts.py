"""The office fills in a meeting: the agenda, attendance, decisions and the work it assigns."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from zhaoshang.core.decorators import page
from zhaoshang.core.services import PermissionDenied
from zhaoshang.meetings.forms import ActionItemForm, AttendeesForm
from zhaoshang.meetings.selectors.meetings import meeting_for
from zhaoshang.meetings.services.actions import action_item_create
from zhaoshang.meetings.services.meetings import agenda_item_add, attendees_set, decision_add, meeting_agenda_build
from zhaoshang.projects.errors import ProjectError


def _back(request, meeting, message: str, write):
    try:
        write()
    except (ProjectError, PermissionDenied) as error:
        messages.error(request, str(error))
    else:
        messages.success(request, message)
    return redirect("meetings:detail", pk=meeting.pk)


@require_POST
@page("supervise")
def agenda(request, pk: int):
    """With a topic: add it; without: (re)build the agenda from flagged projects and open needs."""
    meeting = meeting_for(user=request.user, pk=pk)
    topic = request.POST.get("topic", "").strip()
    if topic:
        return _back(request, meeting, "已添加议题。", lambda: agenda_item_add(
            actor=request.user, meeting=meeting, topic=topic, reason=request.POST.get("reason", "")))
    return _back(request, meeting, "已根据预警项目和未办结诉求生成议题。",
                 lambda: meeting_agenda_build(actor=request.user, meeting=meeting))


@require_POST
@page("supervise")
def attendees(request, pk: int):
    meeting = meeting_for(user=request.user, pk=pk)
    form = AttendeesForm(request.POST)
    data = form.cleaned_data if form.is_valid() else {"units": [], "people": ""}
    return _back(request, meeting, "已保存参会人员。",
                 lambda: attendees_set(actor=request.user, meeting=meeting, units=data["units"], people=data["people"]))


@require_POST
@page("supervise")
def decision(request, pk: int):
    """Add a decision; htmx gets the decisions list back."""
    meeting = meeting_for(user=request.user, pk=pk)
    error = ""
    try:
        decision_add(actor=request.user, meeting=meeting, text=request.POST.get("text", ""))
    except (ProjectError, PermissionDenied) as exc:
        error = str(exc)
    if request.htmx:
        return render(request, "meetings/_decisions.html", {"meeting": meeting, "decisions": meeting.decisions.all(),
                                                            "is_office": True, "error": error})
    if error:
        messages.error(request, error)
    else:
        messages.success(request, "已添加议定事项。")
    return redirect("meetings:detail", pk=meeting.pk)


@require_POST
@page("supervise")
def action_add(request, pk: int):
    meeting = meeting_for(user=request.user, pk=pk)
    form = ActionItemForm(request.POST, meeting=meeting)
    data = form.cleaned_data if form.is_valid() else {}
    return _back(request, meeting, "已交办。", lambda: action_item_create(
        actor=request.user, meeting=meeting, text=data.get("text", ""), owner_unit=data.get("owner_unit"),
        due_date=data.get("due_date"), decision=data.get("decision"), project=data.get("project")))
