"""The demo's sample rows of the platform, fund and SOE registries, and what it draws from the demo pipeline."""

import datetime

import pytest
from django.db.models import F

from zhaoshang.accounts.models import Unit
from zhaoshang.demo.registries_platforms import load_platforms
from zhaoshang.network.selectors import referral_summary
from zhaoshang.platforms.models import Fund, FundInvestment, Platform, SoeProject
from zhaoshang.projects.models import Enterprise
from zhaoshang.projects.services.lifecycle import project_stage_change
from zhaoshang.projects.services.projects import ProjectInput, project_create

SAMPLE = "演示数据（示例）"


def _project(office, name, channel, detail, unit="zsfwzx"):
    return project_create(actor=office, data=ProjectInput(
        name=name, enterprise_name=f"{name}有限公司", amount_wan=20000, lead_unit=Unit.objects.get(code=unit),
        channel=channel, channel_detail=detail, stage="negotiating", stage_since=datetime.date(2025, 5, 1)))


@pytest.fixture
def pipeline(demo, office):
    fund = _project(office, "示例基金带动项目", "fund", "并购基金")
    project_stage_change(actor=office, project=fund, stage="signed", happened_on=datetime.date(2025, 8, 1), note="签约")
    return {"platform": [_project(office, "示例平台推介项目", "platform", "粤海"), _project(office, "示例平台洽谈项目", "platform", "中伦")],
            "fund": fund, "soe": _project(office, "示例国企直投项目", "soe", "江汉投（股权直投）", unit="jht")}


def test_the_demo_loads_samples_without_a_pipeline(demo, office):
    load_platforms(actor=office, plan=demo)
    counts = [model.objects.count() for model in (Platform, Fund, FundInvestment, SoeProject)]
    assert counts == [12, 12, 14, 12]
    for model in (Platform, Fund, FundInvestment, SoeProject):
        assert set(model.objects.values_list("source", flat=True)) == {SAMPLE}
    assert set(Platform.objects.values_list("owner_unit__code", flat=True)) == {"zsfwzx"}
    assert set(SoeProject.objects.values_list("soe__kind", flat=True)) == {"soe"}
    assert not SoeProject.objects.exclude(owner_unit_id=F("soe_id")).exists()  # each SOE keeps its own rows
    assert Fund.objects.filter(chain__isnull=False).count() >= 8
    assert not FundInvestment.objects.filter(enterprise=None).exists()
    assert Enterprise.objects.filter(name="华岳新材料科技有限公司").count() == 1  # two funds invested in it: one firm
    assert set(FundInvestment.objects.values_list("status", flat=True)) == {"planned", "signed", "paid", "exited"}


def test_the_demo_ties_the_pipelines_platform_fund_and_soe_projects(demo, office, pipeline):
    load_platforms(actor=office, plan=demo)
    summary = referral_summary(user=office, kind="platform")
    assert summary.projects == 2
    assert {row.name for row in summary.rows} == {"粤海产业合作平台", "中伦产业招商服务平台"}
    investment = FundInvestment.objects.get(project=pipeline["fund"])
    assert investment.fund.name == "市产业并购基金" and investment.is_attracted and investment.since == datetime.date(2025, 8, 1)
    assert investment.amount_wan > 0 and investment.enterprise.name == "示例基金带动项目有限公司"
    ledger = SoeProject.objects.get(project=pipeline["soe"])
    assert (ledger.soe.code, ledger.mode, ledger.status, ledger.owner_unit.code) == ("jht", "equity", "negotiating", "jht")
    assert ledger.soe_amount_wan == 4000
