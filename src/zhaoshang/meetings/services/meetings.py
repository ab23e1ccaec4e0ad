"""The office runs the meetings: recurring series and their dates, the agenda, attendance, minutes, decisions."""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from zhaoshang.core.audit import audit_record, snapshot
from zhaoshang.core.services import require
from zhaoshang.meetings.choices import DEFAULT_INTERVAL, MeetingKind, MeetingStatus
from zhaoshang.meetings.errors import MeetingError
from zhaoshang.meetings.models import AgendaItem, Attendee, Decision, Meeting, MeetingSeries
from zhaoshang.meetings.recurrence import occurrences
from zhaoshang.meetings.search import index_meetings
from zhaoshang.meetings.selectors.agenda import agenda_candidates
from zhaoshang.supervision.cycles import work_calendar


@transaction.atomic
def series_create(*, actor, kind: str, weekday: int, start_date: datetime.date, interval_weeks: int | None = None,
                  title: str = "", place: str = "", chair: str = "") -> MeetingSeries:
    """A recurring meeting: 单周会商研判 weekly and 双周现场调度 every two weeks unless told otherwise."""
    require(actor, "supervise")
    if kind not in MeetingKind.values:
        raise MeetingError(f"会议类型“{kind}”不正确")
    if not 1 <= weekday <= 7:
        raise MeetingError("星期应为1至7")
    interval = interval_weeks or DEFAULT_INTERVAL[kind]
    if not 1 <= interval <= 8:
        raise MeetingError("会议间隔应为1至8周")
    series = MeetingSeries.objects.create(kind=kind, weekday=weekday, interval_weeks=interval, start_date=start_date,
                                          title=title.strip()[:100], place=place.strip()[:100], chair=chair.strip()[:50],
                                          created_by=actor)
    audit_record(actor=actor, action="create", obj=series, after=snapshot(series))
    return series


def _next_number(kind: str, year: int) -> int:
    found = Meeting.all_objects.select_for_update().filter(kind=kind, date__year=year).aggregate(n=Max("number"))["n"]
    return (found or 0) + 1


def _default_title(kind: str, date: datetime.date, number: int) -> str:
    return f"{date.year}年第{number}期{MeetingKind(kind).label}会"


@dataclass
class MeetingInput:
    kind: str
    date: datetime.date
    title: str = ""
    place: str = ""
    chair: str = ""
    start_time: datetime.time | None = None


@transaction.atomic
def meeting_create(*, actor, data: MeetingInput, series: MeetingSeries | None = None) -> Meeting:
    """One meeting, numbered within its kind and year (第N期)."""
    require(actor, "supervise")
    if data.kind not in MeetingKind.values:
        raise MeetingError(f"会议类型“{data.kind}”不正确，可选：{'、'.join(MeetingKind.labels)}")
    number = _next_number(data.kind, data.date.year)
    meeting = Meeting.objects.create(
        series=series, kind=data.kind, number=number, date=data.date, start_time=data.start_time,
        title=data.title.strip()[:100] or _default_title(data.kind, data.date, number),
        place=data.place.strip()[:100], chair=data.chair.strip()[:50], created_by=actor)
    index_meetings([meeting])
    audit_record(actor=actor, action="create", obj=meeting, after=snapshot(meeting))
    return meeting


@transaction.atomic
def series_schedule(*, actor, series: MeetingSeries, until: datetime.date) -> list[Meeting]:
    """Create the series' meetings up to `until` that do not exist yet (a cancelled one stays cancelled)."""
    require(actor, "supervise")
    last = min(until, series.end_date) if series.end_date else until
    existing = set(Meeting.all_objects.filter(series=series).values_list("date", flat=True))
    dates = occurrences(start=series.start_date, weekday=series.weekday, interval_weeks=series.interval_weeks,
                        first=series.start_date, last=last, calendar=work_calendar())
    return [meeting_create(actor=actor, series=series, data=MeetingInput(series.kind, day, place=series.place, chair=series.chair))
            for day in dates if day not in existing]


@transaction.atomic
def meeting_update(*, actor, meeting: Meeting, **changes) -> Meeting:
    """Change a meeting's title, date, time, place, chair, status or minutes; a meeting is held only once its day came."""
    require(actor, "supervise")
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    allowed = {"title", "date", "start_time", "place", "chair", "status", "minutes"}
    unknown = set(changes) - allowed
    if unknown:
        raise MeetingError(f"不能修改：{'、'.join(sorted(unknown))}")
    before = snapshot(meeting)
    for name, value in changes.items():
        setattr(meeting, name, value.strip() if isinstance(value, str) and name != "status" else value)
    if meeting.status not in MeetingStatus.values:
        raise MeetingError("会议状态不正确")
    if not meeting.title:
        raise MeetingError("请填写会议名称")
    if meeting.status == MeetingStatus.HELD and meeting.date > timezone.localdate():
        raise MeetingError("会议日期未到，不能标记为已召开")
    meeting.save()
    if changes.keys() & {"title", "minutes", "place"}:
        index_meetings([meeting])
    audit_record(actor=actor, action="update", obj=meeting, before=before, after=snapshot(meeting))
    return meeting


@transaction.atomic
def meeting_agenda_build(*, actor, meeting: Meeting) -> list[AgendaItem]:
    """(Re)build the agenda from the projects flagged and the needs open on the meeting's day; topics the office
    added by hand stay."""
    require(actor, "supervise")
    meeting.agenda.exclude(project__isnull=True, need__isnull=True).delete()
    start = (meeting.agenda.aggregate(n=Max("order"))["n"] or 0) + 1
    items = AgendaItem.objects.bulk_create([
        AgendaItem(meeting=meeting, order=start + i, topic=c.topic[:300], reason=c.reason[:200], project=c.project, need=c.need)
        for i, c in enumerate(agenda_candidates(as_of=meeting.date))])
    audit_record(actor=actor, action="agenda", obj=meeting, after={"agenda": [[i.topic, i.reason] for i in items]})
    return items


@transaction.atomic
def agenda_item_add(*, actor, meeting: Meeting, topic: str, reason: str = "") -> AgendaItem:
    """A topic the office adds by hand."""
    require(actor, "supervise")
    if not topic.strip():
        raise MeetingError("请填写议题")
    order = (meeting.agenda.aggregate(n=Max("order"))["n"] or 0) + 1
    item = AgendaItem.objects.create(meeting=meeting, order=order, topic=topic.strip()[:300], reason=reason.strip()[:200])
    audit_record(actor=actor, action="create", obj=item, after=snapshot(item))
    return item


@transaction.atomic
def agenda_items_add(*, actor, meeting: Meeting, rows: list[tuple[str, str]]) -> list[AgendaItem]:
    """Topics the office adds by hand, several at once: rows of (topic, reason); blank rows are skipped."""
    require(actor, "supervise")
    filled = [(number, topic.strip(), reason.strip()) for number, (topic, reason) in enumerate(rows, start=1)
              if topic.strip() or reason.strip()]
    if not filled:
        raise MeetingError("请至少填写一个议题")
    missing = [str(number) for number, topic, _ in filled if not topic]
    if missing:
        raise MeetingError(f"第{'、'.join(missing)}行只填了说明，请填写议题")
    return [agenda_item_add(actor=actor, meeting=meeting, topic=topic, reason=reason) for _, topic, reason in filled]


@transaction.atomic
def attendees_set(*, actor, meeting: Meeting, units=(), people: str = "") -> list[Attendee]:
    """Replace the attendance: the units present and people, one per line as "姓名 职务"."""
    require(actor, "supervise")
    before = [str(a) for a in meeting.attendees.select_related("unit")]
    meeting.attendees.all().delete()
    rows = [Attendee(meeting=meeting, unit=unit) for unit in units]
    for line in people.splitlines():
        name, _, title = line.strip().partition(" ")
        if name:
            rows.append(Attendee(meeting=meeting, name=name[:30], title=title.strip()[:50]))
    created = Attendee.objects.bulk_create(rows)
    audit_record(actor=actor, action="attendance", obj=meeting, before={"attendees": before},
                 after={"attendees": [str(a) for a in created]})
    return created


@transaction.atomic
def decision_add(*, actor, meeting: Meeting, text: str) -> Decision:
    """A matter the meeting decided."""
    require(actor, "supervise")
    if not text.strip():
        raise MeetingError("请填写议定事项")
    order = (meeting.decisions.aggregate(n=Max("order"))["n"] or 0) + 1
    decision = Decision.objects.create(meeting=meeting, order=order, text=text.strip()[:5000])
    audit_record(actor=actor, action="create", obj=decision, after=snapshot(decision))
    return decision
