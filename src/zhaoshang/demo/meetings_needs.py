"""Months of meetings and enterprise needs for the demo's projects: weekly 会商研判 and bi-weekly 现场调度 with
agendas, attendance, minutes, decisions and action items (some done, some overdue); needs settled on time or late,
some still open and late, most settled ones rated by the enterprise.

Deterministic (seeded): the same demo and `today` give the same meetings and needs. `today` is where the history
stops (the loader passes the plan's last day once its year is over): nothing is dated after it. Writes go through the
real services; only the times are moved back to when each thing "happened", audit entries included (`recorded_at`),
so a need's 办理记录 reads as it happened. Texts are data in demo_data/meetings_needs.json."""

import datetime
import json
import random
from dataclasses import dataclass
from pathlib import Path

from django.utils import timezone

from zhaoshang.accounts.models import Unit, User
from zhaoshang.core.audit import recorded_at
from zhaoshang.meetings.choices import MeetingKind, MeetingStatus
from zhaoshang.meetings.models import Meeting
from zhaoshang.meetings.services.actions import action_item_create, action_item_update
from zhaoshang.meetings.services.meetings import (attendees_set, decision_add, meeting_agenda_build, meeting_update,
                                                  series_create, series_schedule)
from zhaoshang.needs.choices import NeedType, Satisfaction
from zhaoshang.needs.models import Need
from zhaoshang.needs.services.tickets import NeedInput, need_accept, need_create, need_rate, need_settle
from zhaoshang.projects.choices import State
from zhaoshang.projects.models import Project
from zhaoshang.supervision.cycles import work_calendar
from zhaoshang.supervision.models import Notification

TEXTS = json.loads((Path(__file__).resolve().parent / "demo_data" / "meetings_needs.json").read_text(encoding="utf-8"))
# what became of the needs, in turn: settled on time or late, still open (long overdue, or raised lately)
OUTCOMES = ("on_time", "open_late", "on_time", "settled_late", "on_time", "open_recent", "on_time", "on_time")
RATINGS = ((Satisfaction.SATISFIED, 0.7), (Satisfaction.BASIC, 0.2), (Satisfaction.UNSATISFIED, 0.1))


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@dataclass
class Written:
    meetings: int = 0
    action_items: int = 0
    needs: int = 0


class MeetingsNeedsWriter:
    """Writes `months` months of meetings and needs up to `today` for the given projects, and schedules the meetings
    of the next `ahead_days` days (none when the history ends with the plan's year)."""

    def __init__(self, office: User, today: datetime.date, months: int = 4, seed: int = 2025, ahead_days: int = 14):
        self.office, self.today, self.ahead = office, today, datetime.timedelta(days=ahead_days)
        self.start = today - datetime.timedelta(days=30 * months)
        self.now = min(timezone.now(), _at(today, 23))  # the latest moment the history may be dated
        self.rng = random.Random(seed)
        self.units = {u.code: u for u in Unit.objects.exclude(code=None)}
        self.members = {u.unit_id: u for u in User.objects.filter(role="unit", is_active=True).order_by("id")}
        self.calendar = work_calendar()

    def write(self, projects=None) -> Written:
        """Needs first (the agendas list the open ones), then the meetings. Their notifications are old news."""
        projects = projects if projects is not None else Project.objects.select_related("lead_unit").order_by("id")
        projects = [p for p in projects if p.state != State.TERMINATED]
        written = Written()
        for project in projects:
            for _ in range(self.rng.choice((1, 1, 1, 2))):
                self._need(project, OUTCOMES[written.needs % len(OUTCOMES)])
                written.needs += 1
        for kind, weekday in ((MeetingKind.REVIEW, 2), (MeetingKind.DISPATCH, 4)):
            meetings = self._series(kind, weekday)
            written.meetings += len(meetings)
            written.action_items += sum(self._meeting(m, projects) for m in meetings)
        Notification.objects.filter(read_at__isnull=True).update(read_at=timezone.now())
        return written

    # --- needs ----------------------------------------------------------------------------------------
    def _need(self, project: Project, outcome: str) -> Need:
        need_type = self.rng.choice(NeedType.values)
        unit = self.units.get(TEXTS["need_units"].get(need_type, "")) or project.lead_unit
        title = self.rng.choice(TEXTS["need_titles"][need_type]).format(
            mu=self.rng.randint(20, 300), kva=self.rng.choice((2000, 5000, 10000)), wan=self.rng.choice((3000, 5000, 8000)),
            people=self.rng.randint(30, 200))
        span = (self.today - self.start).days
        first, last = {"open_late": (0, span - 40), "open_recent": (span - 4, span - 1)}.get(outcome, (0, span - 1))
        raised_on = self.start + datetime.timedelta(days=self.rng.randint(max(first, 0), max(last, 0)))
        raised_at = _at(raised_on, self.rng.randint(9, 17))
        with recorded_at(raised_at):
            need = need_create(actor=self.office, data=NeedInput(
                title=title, need_type=need_type, unit=unit, project=project, raised_at=raised_at,
                description=f"{project.name}：{title}。"))
        self._outcome(need, outcome)
        return need

    def _outcome(self, need: Need, outcome: str) -> None:
        raised_on = timezone.localdate(need.raised_at)
        actor = self.members.get(need.unit_id, self.office)
        if outcome.startswith("open"):  # still open: accepted or not
            if self.rng.random() < 0.6:
                accepted = min(need.raised_at + datetime.timedelta(hours=self.rng.randint(2, 20)), self.now)
                with recorded_at(accepted):
                    need_accept(actor=actor, need=need)
                Need.objects.filter(pk=need.pk).update(accepted_at=accepted)
            return
        if outcome == "on_time":
            settled_on = self._workday_between(raised_on, need.settle_due)
        else:
            settled_on = need.settle_due + datetime.timedelta(days=self.rng.randint(1, 12))
        if settled_on >= self.today:
            return
        accepted = need.raised_at + datetime.timedelta(hours=self.rng.choice((2, 5, 20, 30)))
        settled = max(_at(settled_on, 16), accepted)
        with recorded_at(settled):
            need_settle(actor=actor, need=need, reply=self.rng.choice(TEXTS["replies"]))
        Need.objects.filter(pk=need.pk).update(accepted_at=accepted, settled_at=settled)
        if self.rng.random() < 0.85:
            rating = self._rating(outcome == "settled_late")
            note = TEXTS["rating_notes"][[r for r, _ in RATINGS].index(rating)]
            rated = max(_at(min(settled_on + datetime.timedelta(days=2), self.today), 11), settled)
            with recorded_at(rated):
                need_rate(actor=self.office, need=need, satisfaction=rating, note=note)
            Need.objects.filter(pk=need.pk).update(rated_at=rated)

    def _workday_between(self, first: datetime.date, last: datetime.date) -> datetime.date:
        days = [first + datetime.timedelta(days=n) for n in range(1, (last - first).days + 1)]
        workdays = [d for d in days if self.calendar.is_workday(d)] or [last]
        return self.rng.choice(workdays)

    def _rating(self, late: bool) -> str:
        roll = self.rng.random() + (0.15 if late else 0)  # late answers please less
        for rating, chance in RATINGS:
            if roll < chance:
                return rating
            roll -= chance
        return Satisfaction.UNSATISFIED

    # --- meetings -------------------------------------------------------------------------------------
    def _series(self, kind: str, weekday: int) -> list[Meeting]:
        series = series_create(actor=self.office, kind=kind, weekday=weekday, start_date=self.start,
                               place=TEXTS["places"][kind], chair=TEXTS["chairs"][kind])
        return series_schedule(actor=self.office, series=series, until=self.today + self.ahead)

    def _meeting(self, meeting: Meeting, projects: list[Project]) -> int:
        if meeting.date >= self.today:
            return 0  # still to come: planned
        if self.rng.random() < 0.05:
            with recorded_at(_at(meeting.date, 9)):
                meeting_update(actor=self.office, meeting=meeting, status=MeetingStatus.CANCELLED)
            return 0
        with recorded_at(_at(meeting.date, 17)):  # minutes, decisions and action items are written on the day
            return self._hold(meeting, projects)

    def _hold(self, meeting: Meeting, projects: list[Project]) -> int:
        agenda = meeting_agenda_build(actor=self.office, meeting=meeting)
        topics = [a.project for a in agenda if a.project] or self.rng.sample(projects, min(3, len(projects)))
        units = [p.lead_unit for p in topics]
        if self.office.unit:
            units.append(self.office.unit)
        units = list(dict.fromkeys(units))  # each unit once, in order
        attendees_set(actor=self.office, meeting=meeting, units=units, people="\n".join(TEXTS["people"]))
        meeting_update(actor=self.office, meeting=meeting, status=MeetingStatus.HELD,
                       minutes="\n".join(TEXTS["minutes"][meeting.kind]))
        written = 0
        for project in topics[:self.rng.randint(1, 3)]:
            text = self.rng.choice(TEXTS["decisions"]).format(project=project.name, unit=project.lead_unit.display_name)
            decision = decision_add(actor=self.office, meeting=meeting, text=text)
            due = meeting.date + datetime.timedelta(days=self.rng.choice((7, 10, 14, 21)))
            item = action_item_create(actor=self.office, meeting=meeting, decision=decision, project=project,
                                      owner_unit=project.lead_unit, due_date=due,
                                      text=self.rng.choice(TEXTS["actions"]).format(project=project.name))
            written += 1
            self._follow_up(item, due)
        return written

    def _follow_up(self, item, due: datetime.date) -> None:
        """Most items are done by their due date (or a little after); some stay open, overdue or not yet due."""
        if self.rng.random() < 0.3:
            return
        done_on = due - datetime.timedelta(days=self.rng.randint(0, 5)) if self.rng.random() < 0.8 else \
            due + datetime.timedelta(days=self.rng.randint(1, 6))
        done_on = max(done_on, item.meeting.date)
        if done_on > self.today:
            return
        actor = self.members.get(item.owner_unit_id, self.office)
        with recorded_at(_at(done_on, 16)):
            action_item_update(actor=actor, item=item, progress="已按会议要求落实，相关情况已报督办办公室。", done=True,
                               done_on=done_on)
