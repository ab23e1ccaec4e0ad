"""The policy and finance registries' own rules, the clause matching, and their binding to task 9's measures."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from zhaoshang.accounts.models import Unit
from zhaoshang.finance.selectors import clauses_for
from zhaoshang.needs.models import Need
from zhaoshang.projects.services.projects import ProjectInput, project_create
from zhaoshang.registries.catalog import registry_named
from zhaoshang.registries.links import links_of
from zhaoshang.registries.services import entry_delete

DAY = datetime.date(2025, 6, 1)


def test_policy_document_number_is_unique_among_live_rows(entry, office):
    first = entry("policy", name="示例政策甲", document_number="示例政规〔2025〕1号")
    with pytest.raises(ValidationError) as error:
        entry("policy", name="示例政策乙", document_number=" 示例政规〔2025〕1号 ")
    assert "该文号的政策已录入" in str(error.value)
    entry_delete(registry=registry_named("policy"), actor=office, row=first)
    assert entry("policy", name="示例政策丙", document_number="示例政规〔2025〕1号").pk != first.pk
    assert entry("policy", name="无文号政策").pk and entry("policy", name="无文号政策二").pk


def test_policy_link_and_dates(entry):
    with pytest.raises(ValidationError) as error:
        entry("policy", name="示例政策", url="javascript:alert(1)")
    assert "url" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        entry("policy", name="示例政策", since=datetime.date(2025, 3, 1), until=datetime.date(2024, 3, 1))
    assert "until" in error.value.message_dict


def test_clause_stays_within_its_policy_term(entry):
    policy = entry("policy", name="示例政策", since=datetime.date(2025, 1, 1), until=datetime.date(2026, 12, 31))
    with pytest.raises(ValidationError) as error:
        entry("policy_clause", policy=policy, name="设备补助", since=datetime.date(2024, 6, 1),
              until=datetime.date(2027, 6, 1), ratio_percent=Decimal("120"))
    assert set(error.value.message_dict) == {"since", "until", "ratio_percent"}
    assert "不能超过100%" in error.value.message_dict["ratio_percent"][0]


def test_finance_product_rate_term_and_quota(entry):
    with pytest.raises(ValidationError) as error:
        entry("finance", name="示例贷", institution="示例银行", rate_percent=Decimal("48"), term_months=0,
              amount_wan=Decimal("5000"), quota_wan=Decimal("1000"))
    assert set(error.value.message_dict) == {"rate_percent", "term_months", "amount_wan"}
    with pytest.raises(ValidationError) as error:
        entry("finance", name="示例贷", institution="示例银行", contact_phone="138****0000")
    assert "隐藏的号码" in error.value.message_dict["contact_phone"][0]
    row = entry("finance", name="示例贷", institution="示例银行", rate_percent=Decimal("3.45"), term_months=36)
    assert str(row) == "示例贷"


@pytest.fixture
def firm(entry):
    return entry("enterprise", name="示例融资企业有限公司")


@pytest.fixture
def product(entry):
    return entry("finance", name="示例流贷", institution="示例银行", amount_wan=Decimal("1000"))


def test_match_status_rules(entry, firm, product):
    base = {"enterprise": firm, "product": product, "amount_wan": Decimal("500"), "since": DAY}
    with pytest.raises(ValidationError) as error:
        entry("finance_match", **base, status="lent")
    assert "已放款的记录请填写放款金额" in error.value.message_dict["lent_wan"][0]
    with pytest.raises(ValidationError) as error:
        entry("finance_match", **base, status="in_progress", lent_wan=Decimal("100"), until=DAY)
    assert set(error.value.message_dict) == {"lent_wan", "until"}
    with pytest.raises(ValidationError) as error:
        entry("finance_match", **base, status="failed")
    assert "原因" in error.value.message_dict["result"][0]
    with pytest.raises(ValidationError) as error:
        entry("finance_match", enterprise=firm, product=product, amount_wan=Decimal("500"))
    assert "since" in error.value.message_dict
    row = entry("finance_match", **base, status="lent", lent_wan=Decimal("500"), until=DAY)
    assert str(row) == "示例融资企业有限公司·示例流贷"


def _need(office, enterprise, need_type):
    now = datetime.datetime(2025, 6, 1, tzinfo=datetime.timezone.utc)
    return Need.objects.create(title="融资需求示例", need_type=need_type, enterprise=enterprise,
                               unit=Unit.objects.get(code="jrk"), accept_due=now, settle_due=DAY, created_by=office)


def test_match_answers_only_a_finance_need_of_its_enterprise(entry, office, firm, product):
    base = {"enterprise": firm, "product": product, "amount_wan": Decimal("500"), "since": DAY}
    with pytest.raises(ValidationError) as error:
        entry("finance_match", **base, need=_need(office, firm, "land"))
    assert "融资" in error.value.message_dict["need"][0]
    other = entry("enterprise", name="另一家示例企业")
    with pytest.raises(ValidationError) as error:
        entry("finance_match", **base, need=_need(office, other, "finance"))
    assert "不是所选企业" in error.value.message_dict["need"][0]
    row = entry("finance_match", **base, need=_need(office, firm, "finance"))
    kinds = {(link.kind, link.obj_id) for link in links_of(user=office, kind="enterprise", obj=firm)}
    assert ("finance_match", row.pk) in kinds


def test_clauses_for_matches_chain_investment_and_term(entry, office, chains):
    ours, theirs = chains
    policy = entry("policy", name="示例政策", since=datetime.date(2025, 1, 1), until=datetime.date(2026, 12, 31))
    old = entry("policy", name="过期政策", since=datetime.date(2023, 1, 1), until=datetime.date(2024, 12, 31))
    every = entry("policy_clause", policy=policy, name="普惠条款")
    chain_big = entry("policy_clause", policy=policy, name="本链大项目", chain=ours, min_investment_wan=Decimal("10000"))
    chain_small = entry("policy_clause", policy=policy, name="本链小项目", chain=ours, min_investment_wan=Decimal("1000"))
    entry("policy_clause", policy=policy, name="他链条款", chain=theirs)
    entry("policy_clause", policy=old, name="过期条款")
    entry("policy_clause", policy=policy, name="条款已失效", until=datetime.date(2025, 3, 31))
    project = project_create(actor=office, data=ProjectInput(
        name="示例项目", enterprise_name="示例项目公司", amount_wan=Decimal("5000"), lead_unit=Unit.objects.get(code="fgw"),
        chain=ours))
    assert [c.pk for c in clauses_for(project, day=DAY)] == [every.pk, chain_small.pk]
    project.amount_wan = Decimal("20000")
    assert [c.pk for c in clauses_for(project, day=DAY)] == [every.pk, chain_big.pk, chain_small.pk]
    enterprise = project.enterprises.get()
    assert [c.pk for c in clauses_for(enterprise, day=DAY)] == [every.pk]  # no chain of its own, 5000万元 project
    entry_delete(registry=registry_named("policy"), actor=office, row=policy)
    assert not clauses_for(project, day=DAY).exists()


def test_registries_bind_to_task_9s_measures(demo, office):
    from zhaoshang.registries.models import RegistrySetting
    from zhaoshang.registries.services import registries_bind

    keys = ("policy", "policy_clause", "finance", "finance_match")
    RegistrySetting.objects.filter(key__in=keys).delete()
    bound = registries_bind(actor=office, plan=demo)
    assert {key: bound[key].measure.task.number for key in keys} == dict.fromkeys(keys, "9")
    assert "产业政策包" in bound["policy"].measure.text and "信贷资源" in bound["finance"].measure.text
    assert set(bound["policy"].units.values_list("code", flat=True)) == {"fgw"}
    assert set(bound["finance_match"].units.values_list("code", flat=True)) == {"jrk"}


def test_lists_render_and_mask_phones(entry, office_client, unit_client):
    row = entry("finance", name="示例科技贷", institution="示例银行", contact_phone="13800001234")
    for key in ("policy", "policy_clause", "finance", "finance_match"):
        assert office_client.get(f"/registries/{key}/").status_code == 200, key
    assert "13800001234" in office_client.get(f"/registries/finance/{row.pk}/").content.decode()
    assert "13800001234" not in unit_client.get(f"/registries/finance/{row.pk}/").content.decode()


def test_a_project_page_lists_the_clauses_it_may_apply_for(office, office_client):
    """A clause for every chain with a minimum the project reaches shows on the project's page; one above it does not."""
    import datetime

    from zhaoshang.accounts.models import Unit
    from zhaoshang.projects.services.projects import ProjectInput, project_create
    from zhaoshang.registries.catalog import registry_named
    from zhaoshang.registries.services import entry_create

    project = project_create(actor=office, data=ProjectInput(name="璇玑条款测试项目", enterprise_name="璇玑公司", amount_wan=8000,
                                                             lead_unit=Unit.objects.get(short_name="市发改委")))
    policy = entry_create(registry=registry_named("policy"), actor=office,
                          data={"name": "璇玑扶持政策", "document_number": "璇政〔2025〕1号", "since": datetime.date(2025, 1, 1)})
    for name, minimum in (("璇玑落户奖励", 5000), ("璇玑大项目奖励", 50000)):
        entry_create(registry=registry_named("policy_clause"), actor=office,
                     data={"policy": policy, "name": name, "min_investment_wan": minimum})
    page = office_client.get(f"/projects/{project.pk}/").content.decode()
    assert "璇玑落户奖励" in page and "璇玑大项目奖励" not in page
