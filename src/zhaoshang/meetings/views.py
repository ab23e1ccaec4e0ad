"""Meeting pages: the list and its Excel export, a new meeting, one meeting, editing it, its minutes as Word."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from zhaoshang.accounts.models import Unit
from zhaoshang.core.decorators import page
from zhaoshang.core.downloads import DOCX, download
from zhaoshang.core.permissions import OFFICE, role_of
from zhaoshang.core.services import PermissionDenied
from zhaoshang.exports.views import export_response
from zhaoshang.meetings.choices import MeetingKind, MeetingStatus
from zhaoshang.meetings.exports import meeting_list_file
from zhaoshang.meetings.forms import ActionItemForm, AttendeesForm, MeetingEditForm, MeetingForm
from zhaoshang.meetings.minutes_docx import minutes_docx
from zhaoshang.meetings.selectors.meetings import meeting_for, meeting_listing, meeting_parts
from zhaoshang.meetings.services.meetings import meeting_create, meeting_update
from zhaoshang.projects.errors import ProjectError

OFFICE_NAME = "市招商引资领导小组办公室"  # when the meeting's creator has no unit


@page()
def meeting_list(request):
    listing = meeting_listing(user=request.user, params=request.GET)
    page_obj = Paginator(listing.rows, 30).get_page(request.GET.get("page"))
    return render(request, "meetings/list.html", {
        "page_obj": page_obj, "filters": request.GET, "truncated": listing.truncated, "kinds": MeetingKind.choices, "statuses": MeetingStatus.choices,
        "is_office": role_of(request.user) == OFFICE,
    })


@page()
def meeting_export(request):
    """The list as filtered, as Excel; a long one is written in the background (exports)."""
    rows = meeting_listing(user=request.user, params=request.GET).rows
    return export_response(request, rows=rows, kind="meetings", label="会商调度会议", list_url=reverse("meetings:list"),
                           build=lambda: meeting_list_file(user=request.user, params=request.GET))


@page("supervise")
def meeting_new(request):
    form = MeetingForm(request.POST or None, initial={"date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            meeting = meeting_create(actor=request.user, data=form.meeting_input())
        except (ProjectError, PermissionDenied) as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"已创建：{meeting.title}")
            return redirect("meetings:detail", pk=meeting.pk)
    return render(request, "meetings/form.html", {"form": form, "title": "新建会议"}, status=400 if form.errors else 200)


AGENDA_ROWS = 3  # empty topic rows the agenda form offers; "再加一行" adds more


@page()
def meeting_detail(request, pk: int):
    return meeting_page(request, meeting_for(user=request.user, pk=pk))


def meeting_page(request, meeting, *, action_form: ActionItemForm | None = None,
                 agenda_rows: list[tuple[str, str]] | None = None, agenda_error: str = ""):
    """A meeting's page; after a failed add, with what was typed and the error at its form (status 400)."""
    is_office = role_of(request.user) == OFFICE
    attendees = meeting.attendees.all()
    rows = list(agenda_rows or [])
    rows += [("", "")] * max(AGENDA_ROWS - len(rows), 0)
    return render(request, "meetings/detail.html", {
        "meeting": meeting, **meeting_parts(meeting), "is_office": is_office,
        "attendees_form": AttendeesForm(initial={
            "units": [a.unit_id for a in attendees if a.unit_id],
            "people": "\n".join(f"{a.name} {a.title}".strip() for a in attendees if a.name)}) if is_office else None,
        "action_form": (action_form or ActionItemForm(meeting=meeting, initial={"due_date": meeting.date}))
        if is_office else None,
        "agenda_rows": rows, "agenda_error": agenda_error, "units": Unit.objects.all(),
    }, status=400 if agenda_error or (action_form is not None and action_form.errors) else 200)


@page("supervise")
def meeting_edit(request, pk: int):
    meeting = meeting_for(user=request.user, pk=pk)
    fields = ("title", "date", "start_time", "place", "chair", "status", "minutes")
    form = MeetingEditForm(request.POST or None, initial={name: getattr(meeting, name) for name in fields})
    if request.method == "POST" and form.is_valid():
        try:
            meeting_update(actor=request.user, meeting=meeting, **{name: form.cleaned_data[name] for name in fields})
        except (ProjectError, PermissionDenied) as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "已保存。")
            return redirect("meetings:detail", pk=meeting.pk)
    return render(request, "meetings/form.html", {"form": form, "title": f"编辑：{meeting.title}", "meeting": meeting},
                  status=400 if form.errors else 200)


@page()
def minutes(request, pk: int):
    meeting = meeting_for(user=request.user, pk=pk)
    issuer = meeting.created_by.unit.name if meeting.created_by.unit else OFFICE_NAME  # the office that ran it
    content = minutes_docx(meeting, meeting_parts(meeting), issuer)
    return download(content, f"{meeting.title}纪要.docx", DOCX)
