"""The talent registries' own rules: a firm named by the directory or by name, demand counts and statuses, training
bases' totals, placements' head counts and dates, and links to the firm's page."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from zhaoshang.registries.links import links_of
from zhaoshang.talent.models import TalentDemand
from tests.excel_files import xlsx

DAY = datetime.date(2025, 3, 1)


def _errors(call) -> dict:
    with pytest.raises(ValidationError) as error:
        call()
    return error.value.message_dict


def test_talent_needs_an_employer_from_the_directory_or_by_name(entry, firms, chain):
    errors = _errors(lambda: entry("talent", name="张某01", tier="craftsman", since=DAY))
    assert "请填写工作单位名称" in errors["employer_name"][0]
    row = entry("talent", name="张某01", tier="craftsman", since=DAY, employer=firms[0], employer_name="旧名称", chain=chain)
    assert row.employer_name == "示例盐化有限公司"  # the directory's name wins
    assert entry("talent", name="李某02", tier="leading", since=DAY, employer_name="市中心医院（示例）").employer_id is None


def test_talent_is_dated_and_its_subsidy_not_negative(entry):
    assert "since" in _errors(lambda: entry("talent", name="王某03", employer_name="示例单位"))
    errors = _errors(lambda: entry("talent", name="王某03", employer_name="示例单位", since=DAY, subsidy_wan=Decimal("-1")))
    assert errors["subsidy_wan"] == ["已兑现补贴不能为负数"]


def test_masked_phone_is_refused(entry):
    errors = _errors(lambda: entry("talent", name="赵某04", employer_name="示例单位", since=DAY, phone="138****1234"))
    assert "隐藏的号码" in errors["phone"][0]


def _demand(entry, **data):
    return entry("talent_demand", **{"enterprise_name": "示例化工有限公司", "name": "化工操作工", "headcount": 5, "since": DAY,
                                     **data})


def test_demand_filled_count_fits_the_headcount_and_the_status(entry):
    assert _errors(lambda: _demand(entry, filled_count=6))["filled_count"] == ["已到岗人数不能超过需求人数"]
    assert "不能标为已满足" in _errors(lambda: _demand(entry, filled_count=3, status="filled"))["status"][0]
    assert "部分到岗" in _errors(lambda: _demand(entry, filled_count=0, status="partly"))["status"][0]
    assert "请将状态改为已满足" in _errors(lambda: _demand(entry, filled_count=5, status="open"))["status"][0]
    assert "至少为1" in _errors(lambda: _demand(entry, headcount=0))["headcount"][0]
    assert _demand(entry, filled_count=5, status="filled", until=datetime.date(2025, 4, 1)).status == "filled"
    assert _demand(entry, filled_count=2, status="partly").filled_count == 2


def test_demand_dates_and_salaries(entry):
    errors = _errors(lambda: _demand(entry, due_on=datetime.date(2025, 2, 1)))
    assert errors["due_on"] == ["需求截止日期不能早于登记日期"]
    assert "只有已满足或已撤回" in _errors(lambda: _demand(entry, until=datetime.date(2025, 4, 1)))["until"][0]
    errors = _errors(lambda: _demand(entry, salary_min_wan=Decimal("12"), salary_max_wan=Decimal("8")))
    assert errors["salary_max_wan"] == ["年薪上限不能低于下限"]
    assert "年薪应大于0" in _errors(lambda: _demand(entry, salary_min_wan=Decimal("0")))["salary_min_wan"][0]


def test_training_base_totals(entry, firms):
    data = {"name": "示例联合培养基地", "school": "示例职业技术学院", "programme": "化工装置操作", "since": DAY}
    assert "合作企业" in _errors(lambda: entry("training_base", **data))["enterprise_name"][0]
    errors = _errors(lambda: entry("training_base", **data, enterprise=firms[0], trained_total=40, placed_total=41))
    assert errors["placed_total"] == ["累计输送企业人数不能超过累计培养人数"]
    assert _errors(lambda: entry("training_base", **data, enterprise=firms[0], students_per_year=0))["students_per_year"] \
        == ["年培养规模应大于0"]
    base = entry("training_base", **data, enterprise=firms[0], students_per_year=50, trained_total=40, placed_total=30)
    assert base.enterprise_name == "示例盐化有限公司"


def test_placement_head_count_date_and_demand_of_the_same_firm(entry, firms):
    data = {"name": "刘某05", "enterprise": firms[0], "since": DAY}
    assert "至少为1" in _errors(lambda: entry("placement", **data, headcount=0))["headcount"][0]
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    assert _errors(lambda: entry("placement", **{**data, "since": tomorrow}))["since"] == ["输送日期不能晚于今天"]
    other = _demand(entry, enterprise=firms[1])
    assert "不是接收企业的需求" in _errors(lambda: entry("placement", **data, demand=other))["demand"][0]
    own = _demand(entry, enterprise=firms[0])
    row = entry("placement", **data, demand=own)
    assert row.headcount == 1 and row.enterprise_name == "示例盐化有限公司"


def test_the_firm_page_lists_its_talent_demands_and_placements(entry, firms, office):
    talent = entry("talent", name="陈某06", since=DAY, employer=firms[0])
    demand = _demand(entry, enterprise=firms[0])
    placement = entry("placement", name="杨某07", enterprise=firms[0], since=DAY, demand=demand)
    found = {(link.kind, link.obj_id) for link in links_of(user=office, kind="enterprise", obj=firms[0])}
    assert {("talent", talent.pk), ("talent_demand", demand.pk), ("placement", placement.pk)} <= found
    on_demand = links_of(user=office, kind="talent_demand", obj=demand)
    assert ("placement", placement.pk) in {(link.kind, link.obj_id) for link in on_demand}


def test_demand_import_names_the_firm_and_updates_by_code(office_client, firms):
    rows = [["需求编号", "企业", "需求岗位", "需求人数", "登记日期"],
            ["XQ-01", "示例盐化有限公司", "化工操作工", 5, "2025-03-01"],
            ["", "", "电工", 2, "2025-03-02"]]
    upload = io.BytesIO(xlsx(rows))
    upload.name = "demand.xlsx"
    response = office_client.post("/api/v1/registries/talent_demand/import", {"file": upload, "mode": "good"})
    assert response.status_code == 200 and response.json()["created"] == 1, response.content  # the 2nd names no firm
    assert TalentDemand.objects.get().enterprise_name == "示例盐化有限公司"
    rows = [rows[0], ["XQ-01", "示例盐化有限公司", "化工操作工", 8, "2025-03-01"]]
    upload = io.BytesIO(xlsx(rows))
    upload.name = "demand.xlsx"
    response = office_client.post("/api/v1/registries/talent_demand/import", {"file": upload, "mode": "good"})
    assert response.status_code == 200, response.content
    assert list(TalentDemand.objects.values_list("headcount", flat=True)) == [8]


def test_a_recruitment_fair_is_an_event(entry, office_client):
    fair = entry("event", name="示例春季招聘会", kind="recruitment", since=DAY, attendees_count=800)
    assert fair.get_kind_display() == "招聘会"
    assert "示例春季招聘会" in office_client.get("/registries/event/", {"kind": "recruitment"}).content.decode()
