"""The office fills in a meeting: the agenda, attendance, decisions and the work it assigns."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from zhaoshang.core.decorators import page
from zhaoshang.core.services import PermissionDenied
from zhaoshang.meetings.forms import ActionItemForm, AttendeesForm
from zhaoshang.meetings.selectors.meetings import meeting_for
from zhaoshang.meetings.services.actions import action_item_create
from zhaoshang.meetings.services.meetings import agenda_items_add, attendees_set, decision_add, meeting_agenda_build
from zhaoshang.meetings.views import meeting_page
from zhaoshang.projects.errors import ProjectError

MAX_ROWS = 50  # topic rows read from one post


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
    """With topic rows: add the filled ones (an error keeps what was typed); without: (re)build the agenda from
    flagged projects and open needs."""
    meeting = meeting_for(user=request.user, pk=pk)
    if "topic" not in request.POST:
        return _back(request, meeting, "已根据预警项目和未办结诉求生成议题。",
                     lambda: meeting_agenda_build(actor=request.user, meeting=meeting))
    topics, reasons = request.POST.getlist("topic")[:MAX_ROWS], request.POST.getlist("reason")[:MAX_ROWS]
    rows = [(topic, reasons[n] if n < len(reasons) else "") for n, topic in enumerate(topics)]
    try:
        added = agenda_items_add(actor=request.user, meeting=meeting, rows=rows)
    except (ProjectError, PermissionDenied) as error:
        return meeting_page(request, meeting, agenda_rows=rows, agenda_error=str(error))
    messages.success(request, f"已添加{len(added)}个议题。")
    return redirect("meetings:detail", pk=meeting.pk)


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
    """Assign work; an error re-renders the meeting's page with the form as typed and the error next to it."""
    meeting = meeting_for(user=request.user, pk=pk)
    form = ActionItemForm(request.POST, meeting=meeting)
    if form.is_valid():
        data = form.cleaned_data
        try:
            action_item_create(actor=request.user, meeting=meeting, text=data["text"], owner_unit=data["owner_unit"],
                               due_date=data["due_date"], decision=data["decision"], project=data["project"])
        except (ProjectError, PermissionDenied) as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "已交办。")
            return redirect("meetings:detail", pk=meeting.pk)
    return meeting_page(request, meeting, action_form=form)
