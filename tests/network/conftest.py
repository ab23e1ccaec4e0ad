"""Rows of the network registries and two projects (one of 市发改委, one of 市商务局) for the referral tests."""

import datetime

import pytest

from zhaoshang.accounts.models import Unit
from zhaoshang.projects.services.lifecycle import project_stage_change
from zhaoshang.projects.services.projects import ProjectInput, project_create


def _project(office, name, unit, amount, **extra):
    return project_create(actor=office, data=ProjectInput(name=name, enterprise_name=f"{name}公司", amount_wan=amount,
                                                          lead_unit=Unit.objects.get(short_name=unit), **extra))


@pytest.fixture
def projects(demo, office):
    """ours: 市发改委's, signed, 30000万元; theirs: 市商务局's, a lead, 800万元."""
    ours = _project(office, "示例新材料产业园项目", "市发改委", 30000, stage="negotiating", stage_since=datetime.date(2025, 7, 1))
    project_stage_change(actor=office, project=ours, stage="signed", happened_on=datetime.date(2025, 9, 1), note="签约")
    theirs = _project(office, "示例商贸物流中心项目", "市商务局", 800)
    return {"ours": ours, "theirs": theirs}
