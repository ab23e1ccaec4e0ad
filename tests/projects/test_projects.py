"""Projects: credit codes, amounts, duplicates, the lifecycle and its dates, the API with Chinese names."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.test import Client

from tests.conftest import DEMO_PASSWORD
from zhaoshang.accounts.models import Unit
from zhaoshang.core.services import PermissionDenied
from zhaoshang.projects.credit_code import credit_code_error
from zhaoshang.projects.errors import PossibleDuplicate, ProjectError
from zhaoshang.projects.lookups import chain_named, tags_named
from zhaoshang.projects.models import Enterprise, Project
from zhaoshang.projects.services.lifecycle import project_stage_change
from zhaoshang.projects.services.projects import ProjectInput, project_create

GOOD_CODE = "91330100799655058B"
TODAY = datetime.datetime(2025, 10, 15, 10, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))
D = datetime.date


@pytest.mark.parametrize(("code", "error"), [(GOOD_CODE, None), ("91330100799655058C", "校验位"),
                                             ("9133010079965505", "18位"), ("91330100799655O58B", "字符")])
def test_credit_code_check_character(code, error):
    result = credit_code_error(code)
    assert (result is None) if error is None else (error in result)


@pytest.fixture
def salt_project(demo, office):
    with time_machine.travel(TODAY, tick=False):
        return project_create(actor=office, data=ProjectInput(
            name="年产10万吨氯碱深加工项目", enterprise_name="湖北某化工有限公司", credit_code=GOOD_CODE,
            amount_wan="35000", chain=chain_named("盐化工"), tags=tags_named(["新型工业化"]), channel="chushang",
            lead_unit=Unit.objects.get(name="市自然资源和城乡建设局"), stage="negotiating", stage_since=D(2025, 7, 1)))


def test_project_is_created_with_its_enterprise_and_audit(salt_project):
    assert salt_project.enterprises.get().credit_code == GOOD_CODE
    assert salt_project.stage_changes.count() == 1 and salt_project.signed_on is None


@pytest.mark.parametrize(("amount", "message"), [("-5", "大于0"), ("0", "大于0"), ("200000000", "1万亿"), ("abc", "不是数字")])
def test_bad_amounts_are_refused(demo, office, amount, message):
    with pytest.raises(ProjectError, match=message):
        project_create(actor=office, data=ProjectInput(name="某项目", enterprise_name="某公司", amount_wan=amount,
                                                       lead_unit=Unit.objects.get(short_name="市商务局")))


def test_bad_credit_code_is_refused(demo, office):
    with pytest.raises(ProjectError, match="校验位"):
        project_create(actor=office, data=ProjectInput(name="某项目", enterprise_name="某公司", credit_code="91330100799655058C",
                                                       amount_wan=100, lead_unit=Unit.objects.get(short_name="市商务局")))


def test_same_enterprise_and_similar_name_is_a_duplicate(salt_project, office):
    with pytest.raises(PossibleDuplicate) as duplicate:
        project_create(actor=office, data=ProjectInput(name="年产10万吨氯碱深加工", enterprise_name="湖北某化工有限公司",
                                                       credit_code=GOOD_CODE, amount_wan=30000, lead_unit=salt_project.lead_unit))
    assert duplicate.value.existing == salt_project
    assert Project.objects.count() == 1 and Enterprise.objects.count() == 1


def test_a_unit_enters_only_its_own_projects(demo, unit_user):
    with pytest.raises(PermissionDenied):
        project_create(actor=unit_user, data=ProjectInput(name="某项目", enterprise_name="某公司", amount_wan=100,
                                                          lead_unit=Unit.objects.get(short_name="市商务局")))


@time_machine.travel(TODAY, tick=False)
def test_skipping_forward_dates_the_skipped_stages(salt_project, office):
    project_stage_change(actor=office, project=salt_project, stage="started", happened_on=D(2025, 9, 20), note="开工仪式")
    salt_project.refresh_from_db()
    assert salt_project.signed_on == salt_project.registered_on == salt_project.started_on == D(2025, 9, 20)
    assert salt_project.producing_on is None and salt_project.stage_since == D(2025, 9, 20)


@time_machine.travel(TODAY, tick=False)
def test_future_dates_and_dates_before_the_last_change_are_refused(salt_project, office):
    with pytest.raises(ProjectError, match="晚于今天"):
        project_stage_change(actor=office, project=salt_project, stage="signed", happened_on=D(2025, 10, 16))
    project_stage_change(actor=office, project=salt_project, stage="signed", happened_on=D(2025, 8, 1))
    with pytest.raises(ProjectError, match="早于上一次"):
        project_stage_change(actor=office, project=salt_project, stage="registered", happened_on=D(2025, 7, 1))


@time_machine.travel(TODAY, tick=False)
def test_going_back_needs_the_office_and_a_reason_and_uncounts(salt_project, office):
    unit_user = salt_project.lead_unit.users.get()
    project_stage_change(actor=unit_user, project=salt_project, stage="signed", happened_on=D(2025, 8, 1))
    with pytest.raises(ProjectError, match="回退"):
        project_stage_change(actor=unit_user, project=salt_project, stage="negotiating", happened_on=D(2025, 9, 1), note="x")
    with pytest.raises(ProjectError, match="回退"):
        project_stage_change(actor=office, project=salt_project, stage="negotiating", happened_on=D(2025, 9, 1))
    project_stage_change(actor=office, project=salt_project, stage="negotiating", happened_on=D(2025, 9, 1), note="协议解除")
    salt_project.refresh_from_db()
    assert salt_project.signed_on is None and salt_project.stage == "negotiating"


@time_machine.travel(TODAY, tick=False)
def test_terminated_projects_do_not_move(salt_project, office):
    with pytest.raises(ProjectError, match="原因"):
        project_stage_change(actor=office, project=salt_project, stage="terminated", happened_on=D(2025, 9, 1))
    project_stage_change(actor=office, project=salt_project, stage="terminated", happened_on=D(2025, 9, 1), note="企业撤资")
    with pytest.raises(ProjectError, match="已终止"):
        project_stage_change(actor=office, project=salt_project, stage="signed", happened_on=D(2025, 9, 2))


def _token(username):
    response = Client().post("/api/v1/auth/token", {"username": username, "password": DEMO_PASSWORD}, content_type="application/json")
    return {"HTTP_AUTHORIZATION": f"Bearer {response.json()['token']}"}


@time_machine.travel(TODAY, tick=False)
def test_api_creates_with_chinese_names_and_moves_the_stage(demo):
    headers = _token("zrzyj")
    body = {"name": "盐穴储能项目", "enterprise": {"name": "某储能科技有限公司", "credit_code": GOOD_CODE},
            "amount_wan": "120000", "chain": "盐化工", "tags": ["能源"], "channel": "楚商回乡", "lead_unit": "市自然资源和城乡建设局"}
    created = Client().post("/api/v1/projects", body, content_type="application/json", **headers)
    assert created.status_code == 201, created.content
    project_id = created.json()["id"]
    assert created.json()["chain"] == "盐化工" and created.json()["channel"] == "chushang"
    again = Client().post("/api/v1/projects", body, content_type="application/json", **headers)
    assert again.status_code == 409 and again.json()["existing_id"] == project_id
    moved = Client().post(f"/api/v1/projects/{project_id}/stage", {"stage": "signed", "date": "2025-10-01", "note": "签约"},
                          content_type="application/json", **headers)
    assert moved.status_code == 200 and moved.json()["signed_on"] == "2025-10-01"
    listed = Client().get("/api/v1/projects?chain=盐化工&year=2025&min_amount_wan=10000", **headers).json()
    assert [p["id"] for p in listed] == [project_id]
    other = Client().get("/api/v1/projects", **_token("swj")).json()
    assert other == []  # scoped to the caller's unit
    assert Decimal(listed[0]["amount_wan"]) == Decimal("120000")


def test_api_refuses_an_unknown_chain_in_chinese(demo):
    body = {"name": "x", "enterprise": {"name": "y"}, "amount_wan": "100", "chain": "不存在的链", "lead_unit": "市商务局"}
    response = Client().post("/api/v1/projects", body, content_type="application/json", **_token("swj"))
    assert response.status_code == 400 and "不存在" in response.json()["detail"]
