"""The bell: a user's notifications grouped by kind (or one kind, paged), marked read one by one or in bulk."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from zhaoshang.core.decorators import page
from zhaoshang.core.query_params import QueryError
from zhaoshang.supervision.choices import NotificationKind
from zhaoshang.supervision.models import Notification
from zhaoshang.supervision.selectors.notifications import kind_groups, notifications_for
from zhaoshang.supervision.services.notify import notifications_mark_read

PAGE_SIZE = 30


def _kind(params) -> str:
    kind = params.get("kind", "")
    if kind and kind not in NotificationKind.values:
        raise QueryError("通知类别不正确")
    return kind


@page()
def notification_list(request):
    """Without `kind`: every kind with its counts and newest few; with `kind`: that kind's notifications, paged."""
    kind = _kind(request.GET)
    context = {"kind": kind, "kind_label": NotificationKind(kind).label if kind else "",
               "groups": kind_groups(user=request.user, preview=not kind)}
    if kind:
        context["page_obj"] = Paginator(notifications_for(user=request.user, kind=kind), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "supervision/notifications.html", context)


@require_POST
@page()
def notifications_read(request):
    """Mark read: the ticked ones (`note`), or one kind (`kind`), or all (`all`)."""
    kind = _kind(request.POST)
    if "all" in request.POST:
        count = notifications_mark_read(user=request.user)
    elif "selected" in request.POST:
        count = notifications_mark_read(user=request.user, ids=[int(v) for v in request.POST.getlist("note") if v.isdigit()])
    else:
        count = notifications_mark_read(user=request.user, kind=kind) if kind else 0
    messages.success(request, f"已将{count}条通知标为已读。" if count else "没有需要标为已读的通知。")
    back = reverse("supervision:notifications")
    return redirect(f"{back}?kind={kind}" if kind and "back_to_kind" in request.POST else back)


@page()
def notification_open(request, pk: int):
    """Follow a notification to its page, marking it read on the way."""
    note = get_object_or_404(Notification, pk=pk, user=request.user)
    notifications_mark_read(user=request.user, ids=[note.pk])
    target = note.url if note.url and url_has_allowed_host_and_scheme(note.url, allowed_hosts=None) else ""
    return redirect(target or reverse("supervision:notifications"))
