"""The bell: a user's notifications, newest first; opening the list marks them read."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone

from zhaoshang.core.decorators import page
from zhaoshang.supervision.models import Notification


@page()
def notification_list(request):
    notes = Notification.objects.filter(user=request.user)
    page_obj = Paginator(notes, 30).get_page(request.GET.get("page"))
    unread = [n.pk for n in page_obj if n.read_at is None]
    response = render(request, "supervision/notifications.html", {"page_obj": page_obj, "unread": set(unread)})
    Notification.objects.filter(pk__in=unread).update(read_at=timezone.now())
    return response
