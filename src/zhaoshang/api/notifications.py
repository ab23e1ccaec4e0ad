"""The caller's notifications over the API (the bell), newest first, paged; and marking them read."""

import datetime

from ninja import Field, Query, Router, Schema

from zhaoshang.supervision.choices import NotificationKind
from zhaoshang.supervision.selectors.notifications import notifications_for
from zhaoshang.supervision.services.notify import notifications_mark_read

router = Router(tags=["通知"])


class NotificationQuery(Schema):
    kind: NotificationKind | None = None
    unread: bool = False
    page: int = Field(1, ge=1, le=1_000_000)
    page_size: int = Field(50, ge=1, le=500)


class NotificationOut(Schema):
    id: int
    kind: str
    text: str
    url: str
    read: bool
    created_at: datetime.datetime


@router.get("notifications", response=list[NotificationOut])
def notification_list(request, filters: Query[NotificationQuery]):
    """The caller's own notifications, newest first; `kind`, `unread=true`, `page`, `page_size`."""
    notes = notifications_for(user=request.user, kind=filters.kind or "")
    if filters.unread:
        notes = notes.filter(read_at__isnull=True)
    start = (filters.page - 1) * filters.page_size
    return [{"id": n.pk, "kind": n.kind, "text": n.text, "url": n.url, "read": n.read_at is not None, "created_at": n.created_at}
            for n in notes[start:start + filters.page_size]]


class ReadIn(Schema):
    ids: list[int] | None = None
    kind: NotificationKind | None = None


@router.post("notifications/read")
def notification_read(request, payload: ReadIn):
    """Mark the caller's notifications read: the given ids, or one kind, or (neither) all. Returns how many."""
    return {"marked": notifications_mark_read(user=request.user, ids=payload.ids, kind=payload.kind or "")}
