"""The demo's meetings and needs: held meetings with minutes and work, late and settled needs, always the same."""

import datetime

from django.db import transaction
from django.utils import timezone

from zhaoshang.accounts.models import Unit
from zhaoshang.core.models import AuditLog
from zhaoshang.demo.meetings_needs import MeetingsNeedsWriter
from zhaoshang.meetings.models import ActionItem, Meeting
from zhaoshang.meetings.selectors.meetings import action_rows
from zhaoshang.needs.models import Need
from zhaoshang.needs.selectors import need_rows
from zhaoshang.projects.models import Project
from zhaoshang.projects.services.lifecycle import project_stage_change
from zhaoshang.projects.services.projects import ProjectInput, project_create

TODAY = datetime.date(2025, 12, 20)
NOW = datetime.datetime(2025, 12, 20, 10, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))


def _projects(office):
    rows = [("盐化工氯碱深加工项目", "湖北某化工有限公司", "市自然资源和城乡建设局", "negotiating", datetime.date(2025, 5, 1)),
            ("铝基新材料产业园项目", "广东某铝业有限公司", "市商务局", "signed", datetime.date(2025, 10, 1)),
            ("生物医药原料药项目", "某药业股份有限公司", "市卫生健康委员会", "permitting", datetime.date(2025, 8, 1))]
    projects = [project_create(actor=office, data=ProjectInput(name=name, enterprise_name=investor, amount_wan="30000",
                                                               lead_unit=Unit.objects.get(name=unit), stage=stage,
                                                               stage_since=since))
                for name, investor, unit, stage, since in rows]
    project_stage_change(actor=office, project=projects[2], stage="stalled", happened_on=datetime.date(2025, 9, 1),
                         note="企业资金链紧张")
    return Project.objects.select_related("lead_unit").order_by("id")


def _signature(written):
    return (written, list(Need.objects.order_by("id").values_list("title", "unit_id", "status", "satisfaction", "settle_due")),
            list(Meeting.objects.order_by("id").values_list("date", "status", "number")),
            list(ActionItem.objects.order_by("id").values_list("text", "owner_unit_id", "due_date", "status", "done_on")))


def test_demo_meetings_and_needs_are_realistic_and_deterministic(demo, office):
    projects = _projects(office)
    with transaction.atomic():
        first = _signature(MeetingsNeedsWriter(office, TODAY).write(projects))
        transaction.set_rollback(True)
    written = MeetingsNeedsWriter(office, TODAY).write(projects)
    assert _signature(written) == first
    held = Meeting.objects.filter(status="held")
    assert written.meetings == Meeting.objects.count() >= 20 and held.count() >= 15
    assert {m.kind for m in held} == {"review", "dispatch"}
    assert all(m.minutes and m.decisions.exists() and m.attendees.exists() and m.agenda.exists() for m in held)
    assert not Meeting.objects.filter(status="held", date__gte=TODAY).exists()
    lights = {row.light.light for row in action_rows(ActionItem.objects.all(), TODAY)}
    assert {"green", "red"} <= lights and ActionItem.objects.filter(status="done").exists()
    needs = need_rows(Need.objects.all(), NOW)
    assert written.needs == len(needs) >= 3
    assert {row.light.light for row in needs} & {"red", "yellow"}, "some needs are late"
    assert Need.objects.filter(status="settled").exclude(satisfaction="").exists()
    assert not Need.objects.filter(settled_at__date__gt=TODAY).exists()


def test_a_history_ending_with_the_plans_year_stays_in_it_and_its_trail_shows_when_things_happened(demo, office):
    """The loader ends the history on the plan's last day once the year is over (nothing scheduled after it); the
    needs' 办理记录 (audit trail) carries the faked times, not the day the demo was loaded."""
    year_end = datetime.date(2025, 12, 31)
    MeetingsNeedsWriter(office, year_end, ahead_days=0).write(_projects(office))
    assert not Meeting.objects.filter(date__gt=year_end).exists()
    assert Meeting.objects.filter(kind="review", status="held", date__month=12).exists()
    need = Need.objects.filter(rated_at__isnull=False).order_by("id").first()
    trail = dict(AuditLog.objects.filter(object_type="needs.need", object_id=str(need.pk)).values_list("action", "created_at"))
    assert trail["create"] == need.raised_at and trail["settle"] == need.settled_at and trail["rate"] == need.rated_at
    assert all(timezone.localdate(moment) <= year_end for moment in trail.values())
