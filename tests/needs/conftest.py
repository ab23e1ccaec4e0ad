"""Needs fixtures: two projects (led by 市发改委 and 市商务局) and a way to register a need as of a past time."""

import datetime

import pytest
from django.utils import timezone

from zhaoshang.accounts.models import Unit
from zhaoshang.needs.services.tickets import NeedInput, need_create
from zhaoshang.projects.services.projects import ProjectInput, project_create

BEIJING = datetime.timezone(datetime.timedelta(hours=8))


def at(year, month, day, hour=10) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, tzinfo=BEIJING)


@pytest.fixture
def fgw(demo):
    return Unit.objects.get(short_name="市发改委")


@pytest.fixture
def swj(demo):
    return Unit.objects.get(name="市商务局")


@pytest.fixture
def fgw_project(office, fgw):
    return project_create(actor=office, data=ProjectInput(
        name="LNG调峰储备中心项目", enterprise_name="湖北某能源有限公司", amount_wan="50000", lead_unit=fgw,
        stage="negotiating", stage_since=datetime.date(2025, 3, 1)))


@pytest.fixture
def swj_project(office, swj):
    return project_create(actor=office, data=ProjectInput(
        name="年产5万吨铝型材项目", enterprise_name="广东某铝业有限公司", amount_wan="30000", lead_unit=swj,
        stage="signed", stage_since=timezone.localdate()))


@pytest.fixture
def raise_need(office):
    """Register a need routed to `unit` as if raised at `raised_at` (by the office unless `actor`)."""

    def make(project, unit, raised_at=None, need_type="power", title="生产线投运需电力增容", actor=None):
        return need_create(actor=actor or office, data=NeedInput(
            title=title, need_type=need_type, unit=unit, project=project, raised_at=raised_at))

    return make
