"""A small hand-built pipeline, as of 2025-10-15, for the pipeline pages."""

import datetime

import pytest
import time_machine

from zhaoshang.accounts.models import Unit
from zhaoshang.projects.lookups import chain_named, tags_named
from zhaoshang.projects.services.enterprises import contact_add
from zhaoshang.projects.services.lifecycle import project_stage_change
from zhaoshang.projects.services.projects import ProjectInput, project_create

TODAY = datetime.datetime(2025, 10, 15, 10, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))
D = datetime.date


@pytest.fixture
def frozen():
    with time_machine.travel(TODAY, tick=False):
        yield TODAY.date()


def _project(office, name, enterprise, unit, amount, **extra):
    return project_create(actor=office, data=ProjectInput(
        name=name, enterprise_name=enterprise, amount_wan=amount, lead_unit=Unit.objects.get(short_name=unit), **extra))


@pytest.fixture
def pipeline(demo, office, frozen):
    """salt: 盐化工, over its negotiating budget (red); reserve: the unit's, signed (green), with a contact;
    crayfish: a lead (no budget); stalled: the unit's, stalled (red); ended: terminated."""
    salt = _project(office, "年产10万吨氯碱深加工项目", "湖北某化工有限公司", "市自然资源和城乡建设局", 35000,
                    chain=chain_named("盐化工"), tags=tags_named(["新型工业化"]), channel="chushang",
                    stage="negotiating", stage_since=D(2025, 7, 1))
    reserve = _project(office, "LNG调峰储备站项目", "武汉某燃气有限公司", "市发改委", 20000, chain=chain_named("战略储备"),
                       tags=tags_named(["能源"]), channel="soe", channel_detail="城发集团", stage="negotiating",
                       stage_since=D(2025, 8, 1))
    project_stage_change(actor=office, project=reserve, stage="signed", happened_on=D(2025, 9, 20), note="签约")
    contact_add(actor=office, enterprise=reserve.enterprises.get(), name="王经理", title="总经理", phone="13812340000")
    crayfish = _project(office, "小龙虾精深加工项目", "某水产食品有限公司", "市农业农村局", 800,
                        chain=chain_named("小龙虾深加工"), tags=tags_named(["农业场景"]), stage_since=D(2025, 10, 1))
    stalled = _project(office, "储备库配套物流项目", "某物流有限公司", "市发改委", 5000, stage="negotiating",
                       stage_since=D(2025, 9, 1))
    project_stage_change(actor=office, project=stalled, stage="stalled", happened_on=D(2025, 10, 1), note="用地指标未落实")
    ended = _project(office, "铝型材项目", "某铝业有限公司", "市商务局", 12000, chain=chain_named("铝基新材料"),
                     stage="negotiating", stage_since=D(2025, 6, 1))
    project_stage_change(actor=office, project=ended, stage="terminated", happened_on=D(2025, 8, 1), note="企业撤资")
    return {"salt": salt, "reserve": reserve, "crayfish": crayfish, "stalled": stalled, "ended": ended}
