"""Each platform, fund and SOE registry's own rules, the referral of a project by a platform, and the binding of the
registries to the notice's measures (tasks 16-18)."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from zhaoshang.accounts.models import Unit
from zhaoshang.network.selectors import project_referrals, referral_summary
from zhaoshang.network.services import referral_add
from zhaoshang.projects.services.projects import ProjectInput, project_create
from zhaoshang.registries.catalog import registry_named
from zhaoshang.registries.services import entry_create


@pytest.fixture
def entry(demo, office):
    def make(key, **data):
        return entry_create(registry=registry_named(key), actor=office, data=data)

    return make


def _errors(make, key, **data) -> dict:
    with pytest.raises(ValidationError) as error:
        make(key, **data)
    return error.value.message_dict


def test_an_active_platform_needs_its_agreement_date_and_an_ended_one_its_end(entry):
    assert "协议签订日期" in _errors(entry, "platform", name="某平台", status="active")["since"][0]
    assert "协议终止日期" in _errors(entry, "platform", name="某平台", status="ended", since=datetime.date(2025, 1, 1))["until"][0]
    assert "洽谈中" in _errors(entry, "platform", name="某平台", status="negotiating", since=datetime.date(2025, 1, 1))["status"][0]
    assert "隐藏的号码" in _errors(entry, "platform", name="某平台", status="negotiating", contact_phone="139****0000")["contact_phone"][0]
    row = entry("platform", name="某平台", status="active", since=datetime.date(2025, 3, 1), leads_count=3)
    assert row.leads_count == 3


def test_a_funds_amounts_and_filing_hold_together(entry):
    errors = _errors(entry, "fund", name="某基金", scale_wan=Decimal("1000"), paid_in_wan=Decimal("2000"), filing_status="filed")
    assert "不能超过认缴规模" in errors["paid_in_wan"][0] and "备案编码" in errors["filing_code"][0]
    assert "注销日期" in _errors(entry, "fund", name="某基金", filing_status="deregistered")["until"][0]
    assert "已注销" in _errors(entry, "fund", name="某基金", since=datetime.date(2020, 1, 1), until=datetime.date(2025, 1, 1))["filing_status"][0]
    assert "应大于0" in _errors(entry, "fund", name="某基金", scale_wan=Decimal("0"))["scale_wan"][0]
    fund = entry("fund", name="某基金", kind="merger", scale_wan=Decimal("50000"), filing_status="filed", filing_code=" saq101 ")
    assert fund.filing_code == "SAQ101"


def test_an_investment_names_a_firm_or_project_and_takes_its_name(entry, office):
    fund = entry("fund", name="某基金")
    day = datetime.date(2025, 6, 1)
    assert "至少一项" in _errors(entry, "fund_investment", fund=fund, amount_wan=Decimal("100"), since=day)["enterprise"][0]
    enterprise = entry("enterprise", name="某某科技有限公司")
    assert "持股比例" in _errors(entry, "fund_investment", fund=fund, enterprise=enterprise, amount_wan=Decimal("100"), since=day,
                              stake_percent=Decimal("120"))["stake_percent"][0]
    assert "退出日期" in _errors(entry, "fund_investment", fund=fund, enterprise=enterprise, amount_wan=Decimal("100"), since=day,
                              status="exited")["until"][0]
    row = entry("fund_investment", fund=fund, enterprise=enterprise, amount_wan=Decimal("100"), since=day)
    assert row.investee == "某某科技有限公司" and str(row) == "某基金→某某科技有限公司"
    assert list(fund.investments.all()) == [row]


def test_the_soe_ledger_takes_only_soes_and_their_own_amount(entry):
    soe = Unit.objects.get(code="cfjt")
    bureau = Unit.objects.get(short_name="市发改委")
    assert "不是国有企业" in _errors(entry, "soe_project", name="某项目", soe=bureau, mode="introduce")["soe"][0]
    assert "国企出资金额" in _errors(entry, "soe_project", name="某项目", soe=soe, mode="equity")["soe_amount_wan"][0]
    assert "不能超过" in _errors(entry, "soe_project", name="某项目", soe=soe, mode="joint", amount_wan=Decimal("100"),
                              soe_amount_wan=Decimal("200"))["soe_amount_wan"][0]
    assert "终止日期" in _errors(entry, "soe_project", name="某项目", soe=soe, mode="joint", status="stopped")["until"][0]
    row = entry("soe_project", name="大数据产业园", soe=soe, mode="equity", soe_amount_wan=Decimal("3000"))
    assert row.soe == soe


def test_a_platform_refers_a_project(entry, office):
    project = project_create(actor=office, data=ProjectInput(name="示例平台引荐项目", enterprise_name="示例平台引荐项目公司",
                                                             amount_wan=5000, lead_unit=Unit.objects.get(code="zsfwzx")))
    platform = entry("platform", name="示例招商平台", status="active", since=datetime.date(2025, 2, 1))
    referral_add(actor=office, project=project, kind="platform", entry_id=platform.pk)
    assert [(r.kind, r.name) for r in project_referrals(project)] == [("platform", "示例招商平台")]
    summary = referral_summary(user=office, kind="platform")
    assert [r.kind for r in summary.rows] == ["platform"] and summary.projects == 1


def test_registries_bind_to_the_notices_measures(demo, office):
    from zhaoshang.registries.models import RegistrySetting
    from zhaoshang.registries.services import registries_bind

    keys = ("platform", "fund", "fund_investment", "soe_project")
    RegistrySetting.objects.filter(key__in=keys).delete()
    bound = registries_bind(actor=office, plan=demo)
    assert {key: (bound[key].measure.task.number, bound[key].measure.ordinal) for key in keys} == {
        "platform": ("16", 1), "fund": ("18", 1), "fund_investment": ("18", 2), "soe_project": ("17", 2)}
    assert set(bound["soe_project"].units.values_list("code", flat=True)) == {"gzw"}
    assert {"gxjt", "jht"} <= set(bound["fund_investment"].units.values_list("code", flat=True))
    assert set(bound["platform"].units.values_list("code", flat=True)) == {"zsfwzx"}
