"""The innovation registries' own rules: a platform's opening date and status, an incubatee's firm or project and
its leaving, a transfer's amount, one 高企培育 row per firm, an award's grade; and the links both ways."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from zhaoshang.registries.catalog import registry_named
from zhaoshang.registries.links import links_of
from zhaoshang.registries.services import entry_delete

DAY = datetime.date(2025, 3, 1)


def _errors(call) -> dict:
    with pytest.raises(ValidationError) as error:
        call()
    return error.value.message_dict


def test_platform_opening_date_follows_its_status(entry):
    assert "since" in _errors(lambda: entry("innovation", name="示例科创中心", status="operating"))
    assert "尚未投用" in _errors(lambda: entry("innovation", name="示例研究院", status="planning", since=DAY))["since"][0]
    assert "until" in _errors(lambda: entry("innovation", name="示例中心", since=DAY, until=datetime.date(2025, 5, 1)))
    closed = entry("innovation", name="示例旧孵化器", kind="incubator", status="closed", since=DAY, until=datetime.date(2025, 5, 1))
    assert closed.until.month == 5


def test_platform_kind_rules(entry):
    assert "孵化器等级" in _errors(lambda: entry("innovation", name="示例众创空间", kind="maker_space", status="planning",
                                                incubator_tier="basic"))["incubator_tier"][0]
    assert "place" in _errors(lambda: entry("innovation", name="示例离岸中心", kind="offshore_center", status="planning"))
    assert "area_sqm" in _errors(lambda: entry("innovation", name="示例中心", status="planning", area_sqm=0))
    row = entry("innovation", name="示例孵化器", kind="incubator", incubator_tier="high_energy", status="building")
    assert row.get_incubator_tier_display() == "高能级"


def test_incubatee_names_a_firm_or_project_and_takes_its_name(entry, firm):
    host = entry("innovation", name="示例科创中心", since=datetime.date(2024, 6, 1))
    assert "企业或项目" in _errors(lambda: entry("incubatee", platform=host, since=DAY))["enterprise"][0]
    row = entry("incubatee", platform=host, enterprise=firm, since=DAY, is_startup=True)
    assert row.name == "示例光电科技有限公司" and str(row) == row.name


def test_incubatee_dates_and_leaving(entry, firm):
    host = entry("innovation", name="示例科创中心", since=datetime.date(2024, 6, 1))
    assert "平台投用日期" in _errors(lambda: entry("incubatee", platform=host, enterprise=firm,
                                                  since=datetime.date(2024, 1, 1)))["since"][0]
    assert "since" in _errors(lambda: entry("incubatee", platform=host, enterprise=firm))
    left = datetime.date(2025, 9, 1)
    assert "exit_kind" in _errors(lambda: entry("incubatee", platform=host, enterprise=firm, since=DAY, until=left))
    assert "until" in _errors(lambda: entry("incubatee", platform=host, enterprise=firm, since=DAY, exit_kind="graduated"))
    assert entry("incubatee", platform=host, enterprise=firm, since=DAY, until=left, exit_kind="graduated").until == left


def test_achievement_amounts(entry, firm):
    base = {"name": "示例成果", "source_institution": "示例大学", "enterprise": firm, "since": DAY}
    assert "负数" in _errors(lambda: entry("achievement", **base, value_wan=-1))["value_wan"][0]
    assert "作价金额" in _errors(lambda: entry("achievement", **base, kind="equity"))["value_wan"][0]
    assert "since" in _errors(lambda: entry("achievement", **{**base, "since": None}))
    assert entry("achievement", **base, kind="equity", value_wan=300).value_wan == 300


def test_cultivation_one_live_row_per_firm(entry, firm, office):
    first = entry("cultivation", enterprise=firm)
    assert first.name == "示例光电科技有限公司"
    assert "已在高企培育库中" in str(_errors(lambda: entry("cultivation", enterprise=firm)))
    entry_delete(registry=registry_named("cultivation"), actor=office, row=first)
    assert entry("cultivation", enterprise=firm, stage="applying", year=2025).pk != first.pk


def test_cultivation_stage_year_and_money(entry, firm):
    assert "年度" in _errors(lambda: entry("cultivation", enterprise=firm, stage="certified"))["year"][0]
    assert "year" in _errors(lambda: entry("cultivation", enterprise=firm, year=1990))
    assert "证书编号" in _errors(lambda: entry("cultivation", enterprise=firm, certificate_number="GR1"))["certificate_number"][0]
    assert "研发投入" in _errors(lambda: entry("cultivation", enterprise=firm, revenue_wan=100, rd_expense_wan=200))["rd_expense_wan"][0]
    row = entry("cultivation", enterprise=firm, stage="certified", year=2025, certificate_number="GR202542000001",
                revenue_wan=8000, rd_expense_wan=400, new_species="gazelle")
    assert row.rd_ratio == 5


def test_award_project_rules(entry, firm):
    assert "完成企业或完成单位" in _errors(lambda: entry("award_project", name="示例奖励项目"))["enterprise"][0]
    assert "奖励等级" in _errors(lambda: entry("award_project", name="示例项目", institution="示例大学", status="awarded",
                                              year=2024))["grade"][0]
    assert "grade" in _errors(lambda: entry("award_project", name="示例项目", institution="示例大学", grade="first"))
    assert "year" in _errors(lambda: entry("award_project", name="示例项目", enterprise=firm, status="nominated"))
    row = entry("award_project", name="示例项目", enterprise=firm, status="awarded", year=2024, grade="second")
    assert row.get_grade_display() == "二等奖"


def test_links_both_ways(entry, firm, office, office_client):
    host = entry("innovation", name="示例科创中心", since=datetime.date(2024, 6, 1))
    hosted = entry("incubatee", platform=host, enterprise=firm, since=DAY)
    transfer = entry("achievement", name="示例成果转化", source_institution="示例大学", enterprise=firm, since=DAY, platform=host)
    on_host = {(link.kind, link.obj_id) for link in links_of(user=office, kind="innovation", obj=host)}
    assert {("incubatee", hosted.pk), ("achievement", transfer.pk)} <= on_host
    on_firm = {(link.kind, link.obj_id) for link in links_of(user=office, kind="enterprise", obj=firm)}
    assert {("incubatee", hosted.pk), ("achievement", transfer.pk)} <= on_firm
    page = office_client.get(f"/registries/enterprise/{firm.pk}/").content.decode()
    assert "示例成果转化" in page and f"/registries/incubatee/{hosted.pk}/" in page


def test_registry_lists_render_and_search(entry, firm, office_client):
    entry("innovation", name="示例光电子研究院", kind="institute", status="planning", partner="示例理工大学")
    for key in ("innovation", "incubatee", "achievement", "cultivation", "award_project"):
        assert office_client.get(f"/registries/{key}/").status_code == 200, key
    assert "示例光电子研究院" in office_client.get("/registries/innovation/?q=理工").content.decode()
    assert office_client.get("/registries/innovation/?kind=institute&status=planning").status_code == 200
