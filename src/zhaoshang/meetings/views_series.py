"""The office's recurring meetings: set up a series, create its meetings up to a date."""

import datetime

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone

from zhaoshang.core.decorators import page
from zhaoshang.core.services import PermissionDenied
from zhaoshang.meetings.forms import SeriesForm
from zhaoshang.meetings.models import MeetingSeries
from zhaoshang.meetings.services.meetings import series_create, series_schedule
from zhaoshang.projects.errors import ProjectError

SCHEDULE_AHEAD = datetime.timedelta(weeks=8)


@page("supervise")
def series_page(request):
    form = SeriesForm(request.POST if request.POST.get("what") == "create" else None)
    if request.method == "POST":
        try:
            message = _apply(request, form)
        except (ProjectError, PermissionDenied) as error:
            messages.error(request, str(error))
        else:
            if message:
                messages.success(request, message)
                return redirect("meetings:series")
    return render(request, "meetings/series.html", {"form": form, "series": MeetingSeries.objects.all()},
                  status=400 if form.errors else 200)


def _apply(request, form) -> str:
    if request.POST.get("what") == "schedule":
        series = MeetingSeries.objects.filter(pk=request.POST.get("series") or 0).first()
        if series is None:
            return ""
        until = timezone.localdate() + SCHEDULE_AHEAD
        created = series_schedule(actor=request.user, series=series, until=until)
        return f"已生成{len(created)}次会议（至{until:%Y年%m月%d日}）。"
    if form.is_valid():
        data = form.cleaned_data
        series = series_create(actor=request.user, kind=data["kind"], weekday=data["weekday"], start_date=data["start_date"],
                               interval_weeks=data["interval_weeks"], title=data["title"], place=data["place"],
                               chair=data["chair"])
        return f"已设置例会：{series}"
    return ""
