"""Action items: the list (a unit: its own) with its Excel export; the owner reports progress, the office urges."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from zhaoshang.accounts.models import Unit
from zhaoshang.core.decorators import page
from zhaoshang.core.downloads import download
from zhaoshang.core.permissions import OFFICE, UNIT, role_of
from zhaoshang.core.services import PermissionDenied
from zhaoshang.meetings.choices import ActionStatus, MeetingKind
from zhaoshang.meetings.exports import actions_workbook
from zhaoshang.meetings.selectors.meetings import (ActionRow, action_item_for, action_items_for, action_light_counts,
                                                   action_rows, light_of)
from zhaoshang.meetings.services.actions import action_item_update, action_item_urge
from zhaoshang.projects.errors import ProjectError
from zhaoshang.supervision.lights import LIGHT_LABELS


@page()
def action_list(request):
    items = action_items_for(user=request.user, params=request.GET)
    rows = action_rows(items)
    page_obj = Paginator(rows, 50).get_page(request.GET.get("page"))
    counts = action_light_counts(rows)
    return render(request, "meetings/actions.html", {
        "page_obj": page_obj, "filters": request.GET, "statuses": ActionStatus.choices, "kinds": MeetingKind.choices,
        "units": Unit.objects.all() if role_of(request.user) != UNIT else [],
        "light_cards": [(key, LIGHT_LABELS[key], counts[key]) for key in counts if key in ("red", "yellow", "green")],
        "is_office": role_of(request.user) == OFFICE,
    })


@page()
def action_export(request):
    today = timezone.localdate()
    rows = action_rows(action_items_for(user=request.user, params=request.GET))
    return download(actions_workbook(rows, f"会议交办事项落实情况（截至{today:%Y-%m-%d}）"), f"会议交办事项-{today.isoformat()}.xlsx")


def _row(request, item, error: str = ""):
    if request.htmx:
        item = action_item_for(user=request.user, pk=item.pk)
        return render(request, "meetings/_action_row.html", {"row": ActionRow(item, light_of(item)), "error": error,
                                                             "is_office": role_of(request.user) == OFFICE})
    if error:
        messages.error(request, error)
    else:
        messages.success(request, "已保存。")
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return redirect(target)
    return redirect("meetings:actions")


@require_POST
@page("work")
def action_update(request, pk: int):
    item = action_item_for(user=request.user, pk=pk, action="work")
    done = {"1": True, "0": False}.get(request.POST.get("done", ""))
    try:
        action_item_update(actor=request.user, item=item, progress=request.POST.get("progress"), done=done)
    except (ProjectError, PermissionDenied) as error:
        return _row(request, item, str(error))
    return _row(request, item)


@require_POST
@page("supervise")
def action_urge(request, pk: int):
    item = action_item_for(user=request.user, pk=pk)
    try:
        action_item_urge(actor=request.user, item=item, message=request.POST.get("message", ""))
    except (ProjectError, PermissionDenied) as error:
        return _row(request, item, str(error))
    return _row(request, item)
