"""Needs through their services: deadlines by type, who may do what, escalation once, satisfaction counts."""

import datetime

import pytest
from django.utils import timezone

from zhaoshang.core.models import AuditLog
from zhaoshang.core.services import PermissionDenied
from zhaoshang.needs.errors import NeedError
from zhaoshang.needs.models import Need
from zhaoshang.needs.selectors import need_counts, needs_for
from zhaoshang.needs.services.escalation import needs_escalate
from zhaoshang.needs.services.limits import need_limit_set
from zhaoshang.needs.services.tickets import need_accept, need_rate, need_route, need_settle, need_urge
from zhaoshang.supervision.models import Notification
from tests.needs.conftest import at

D = datetime.date


def test_need_deadlines_follow_its_type_and_the_holiday_calendar(raise_need, fgw_project, fgw):
    need = raise_need(fgw_project, fgw, raised_at=at(2025, 9, 29, 10))
    assert need.accept_due == at(2025, 9, 30, 10)
    assert need.settle_due == D(2025, 10, 15)
    assert need.enterprise.name == "湖北某能源有限公司"  # the project's investor
    assert AuditLog.objects.filter(object_type="needs.need", object_id=str(need.pk), action="create").exists()
    land = raise_need(fgw_project, fgw, raised_at=at(2025, 9, 29, 10), need_type="land", title="用地指标")
    assert land.settle_due == D(2025, 10, 27)  # land: 15 working days by default


def test_the_office_sets_limits_for_needs_raised_afterwards(office, raise_need, fgw_project, fgw):
    before = raise_need(fgw_project, fgw, raised_at=at(2025, 9, 29, 10))
    need_limit_set(actor=office, need_type="power", accept_hours=8, settle_workdays=3)
    after = raise_need(fgw_project, fgw, raised_at=at(2025, 9, 29, 10))
    assert (after.accept_due, after.settle_due) == (at(2025, 9, 29, 18), D(2025, 10, 10))
    before.refresh_from_db()
    assert before.settle_due == D(2025, 10, 15)


def test_a_unit_registers_needs_for_itself_only(unit_user, leader, raise_need, fgw_project, fgw, swj):
    assert raise_need(fgw_project, fgw, actor=unit_user).unit == fgw
    with pytest.raises(PermissionDenied):
        raise_need(fgw_project, swj, actor=unit_user)
    with pytest.raises(PermissionDenied):
        raise_need(fgw_project, fgw, actor=leader)


def test_bad_input_is_refused(office, raise_need, fgw, fgw_project):
    with pytest.raises(NeedError, match="项目或企业"):
        raise_need(None, fgw)
    with pytest.raises(NeedError, match="晚于"):
        raise_need(fgw_project, fgw, raised_at=timezone.now() + datetime.timedelta(hours=2))
    with pytest.raises(NeedError, match="诉求类型"):
        raise_need(fgw_project, fgw, need_type="roads")


def test_its_unit_accepts_and_settles_others_may_not(unit_user, other_unit_user, raise_need, fgw_project, fgw):
    need = raise_need(fgw_project, fgw)
    with pytest.raises(PermissionDenied):
        need_accept(actor=other_unit_user, need=need)
    need = need_accept(actor=unit_user, need=need)
    assert need.status == "accepted" and need.accepted_by == unit_user
    with pytest.raises(NeedError, match="答复"):
        need_settle(actor=unit_user, need=need, reply=" ")
    need = need_settle(actor=unit_user, need=need, reply="已协调供电公司完成增容")
    assert need.status == "settled" and need.settled_at is not None
    with pytest.raises(NeedError):
        need_settle(actor=unit_user, need=need, reply="again")


def test_only_the_office_rates_and_only_settled_needs(office, unit_user, raise_need, fgw_project, fgw):
    need = raise_need(fgw_project, fgw)
    with pytest.raises(NeedError, match="办结后"):
        need_rate(actor=office, need=need, satisfaction="satisfied")
    need_settle(actor=unit_user, need=need, reply="已办结")
    with pytest.raises(PermissionDenied):
        need_rate(actor=unit_user, need=need, satisfaction="satisfied")
    assert need_rate(actor=office, need=need, satisfaction="basic").get_satisfaction_display() == "基本满意"


def test_the_office_routes_and_urges(office, unit_user, raise_need, fgw_project, fgw, swj):
    need = need_accept(actor=unit_user, need=raise_need(fgw_project, fgw))
    need = need_route(actor=office, need=need, unit=swj, reason="属商务局职责")
    assert (need.unit, need.status, need.accepted_at) == (swj, "new", None)
    need = need_urge(actor=office, need=need, message="请今天受理")
    assert need.urge_count == 1
    assert Notification.objects.filter(user__unit=swj, kind="urged", text__contains="请今天受理").exists()
    with pytest.raises(PermissionDenied):
        need_urge(actor=unit_user, need=need, message="x")


def test_late_needs_go_to_the_office_once_per_stage(office, raise_need, fgw_project, fgw):
    need = raise_need(fgw_project, fgw, raised_at=at(2025, 9, 29, 10))
    office_told = Notification.objects.filter(user=office, dedupe_key__startswith="need-late:")
    assert needs_escalate(now=at(2025, 9, 30, 9)) == 0  # within 24 hours
    assert needs_escalate(now=at(2025, 9, 30, 11)) == 1  # not accepted in time
    assert needs_escalate(now=at(2025, 9, 30, 12)) == 0  # told once
    assert office_told.count() == 1 and "超时未受理" in office_told.get().text
    assert Notification.objects.filter(user__unit=fgw, dedupe_key=f"need-late:{need.pk}:1").exists()
    assert needs_escalate(now=at(2025, 10, 15, 20)) == 0  # the deadline day is not late
    assert needs_escalate(now=at(2025, 10, 16, 9)) == 1  # then not settled in time: told again, once
    assert needs_escalate(now=at(2025, 10, 17, 9)) == 0
    assert office_told.count() == 2
    need.refresh_from_db()
    assert need.escalation_level == 2 and AuditLog.objects.filter(object_id=str(need.pk), action="escalate").count() == 2
    assert not Notification.objects.filter(user__username="system").exists()


def test_settled_needs_are_never_escalated(unit_user, raise_need, fgw_project, fgw):
    need = raise_need(fgw_project, fgw, raised_at=at(2025, 9, 29, 10))
    need_settle(actor=unit_user, need=need, reply="已办结")
    assert needs_escalate(now=at(2025, 11, 1, 9)) == 0


def test_counts_per_unit_and_satisfaction_rate(office, unit_user, other_unit_user, raise_need, fgw_project, fgw, swj):
    needs = [raise_need(fgw_project, fgw, raised_at=at(2025, 9, 29, 10)) for _ in range(4)]
    for need, rating in zip(needs[:3], ("satisfied", "basic", "unsatisfied")):
        need_settle(actor=unit_user, need=need, reply="已办结")
        need_rate(actor=office, need=need, satisfaction=rating)
    Need.objects.filter(pk__in=[n.pk for n in needs[:2]]).update(settled_at=at(2025, 10, 10, 10))
    Need.objects.filter(pk=needs[2].pk).update(settled_at=at(2025, 10, 16, 10))  # settled a day late
    raise_need(fgw_project, swj, raised_at=at(2025, 10, 20, 10))  # 市商务局: open, on time
    total, by_unit = need_counts(needs_for(user=office), now=at(2025, 10, 21, 9))
    assert [(c.unit, c.total, c.open, c.late, c.settled, c.settled_late) for c in by_unit] == [
        ("市商务局", 1, 1, 0, 0, 0), ("市发改委", 4, 1, 1, 3, 1)]  # in the units' order
    assert by_unit[1].satisfaction_rate == pytest.approx(66.7) and by_unit[0].satisfaction_rate is None
    assert (total.total, total.late, total.rated) == (5, 1, 3)
    own, _ = need_counts(needs_for(user=other_unit_user), now=at(2025, 10, 21, 9))
    assert own.total == 1  # a unit counts only the needs routed to it


def test_need_create_refuses_another_units_project(other_unit_user, fgw_project, swj):
    """A unit cannot attach a need to a project it does not list, even calling the service directly."""
    from django.http import Http404

    from zhaoshang.needs.services.tickets import NeedInput, need_create

    with pytest.raises(Http404):
        need_create(actor=other_unit_user, data=NeedInput(title="用电", need_type="power", unit=swj, project=fgw_project))
    assert not Need.objects.filter(project=fgw_project).exists()
