"""The enterprise directory (企业名录) over projects.Enterprise: a 企查查-style export imports by its own headers
(registered capital as "5000万人民币", dashes as blanks), merges rows by credit code instead of doubling them, reports a
bad row and writes nothing; the bulk save audits and indexes every new row; the enterprise's own rules; its registry
page lists its projects and needs; the demo directory."""

import datetime
import random
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from zhaoshang.core.excel_import import ExcelImportError, save_report, validate_file
from zhaoshang.core.models import AuditLog
from zhaoshang.demo.projects import credit_code
from zhaoshang.needs.models import Need
from zhaoshang.plans.models import Chain
from zhaoshang.projects.choices import Ownership
from zhaoshang.projects.models import Enterprise, Project
from zhaoshang.registries.catalog import registry_named
from zhaoshang.registries.importing import registry_import
from zhaoshang.registries.services import entry_create
from zhaoshang.search.selectors import search_ids
from zhaoshang.targeting.capital import capital_wan
from tests.excel_files import xlsx

HEADERS = ["序号", "企业名称", "登记状态", "法定代表人", "注册资本", "成立日期", "统一社会信用代码", "所属省份", "所属城市",
           "所属区县", "电话", "邮箱", "网址", "企业(机构)类型", "所属行业", "经营范围"]
RNG = random.Random(7)


def codes(count: int) -> list[str]:
    return [credit_code(RNG, "420100") for _ in range(count)]


def qcc_row(number: int, name: str, code: str, **changes) -> list:
    values = {"序号": number, "企业名称": name, "登记状态": "存续（在营、开业、在册）", "法定代表人": "张伟", "注册资本": "5000万人民币",
              "成立日期": "2015-06-18", "统一社会信用代码": code, "所属省份": "湖北省", "所属城市": "武汉市", "所属区县": "东湖新技术开发区",
              "电话": "027-87654321", "邮箱": "-", "网址": "www.example.com", "企业(机构)类型": "有限责任公司(自然人投资或控股)",
              "所属行业": "化学原料和化学制品制造业", "经营范围": "电子专用材料制造；湿电子化学品研发"}
    values.update(changes)
    return [values[header] for header in HEADERS]


def imported(actor, rows: list[list], *, good_rows_only: bool = False):
    importer = registry_import("enterprise", actor=actor)
    report = validate_file(importer.spec, xlsx([HEADERS, *rows]), filename="企查查导出.xlsx")
    return importer, report, (save_report(report, good_rows_only=good_rows_only) if report.good_rows else None)


def test_qichacha_export_imports_by_its_own_headers(office):
    first, second = codes(2)
    importer, report, result = imported(office, [qcc_row(1, "甄璇电子材料有限公司", first),
                                                 qcc_row(2, "甄璇光电科技股份有限公司", second.lower(), 注册资本="120万美元", 成立日期="2019年3月1日",
                                                         邮箱="ir@example.com")])
    assert not report.bad_rows and result.saved == 2 and importer.tally.created == 2
    one = Enterprise.objects.get(credit_code=first)
    assert one.name == "甄璇电子材料有限公司" and one.registered_capital_wan == Decimal("5000.00")
    assert one.since == datetime.date(2015, 6, 18) and one.registration_status.startswith("存续")
    assert (one.legal_rep, one.origin_province, one.origin_city, one.origin_county) == ("张伟", "湖北省", "武汉市", "东湖新技术开发区")
    assert one.email == "" and one.phone == "027-87654321" and one.industry == "化学原料和化学制品制造业"
    assert "湿电子化学品" in one.business_scope and one.owner_unit_id == office.unit_id
    two = Enterprise.objects.get(credit_code=second)  # a lower-case code is stored in capitals
    assert two.registered_capital_wan == Decimal("852.00") and two.since == datetime.date(2019, 3, 1)
    assert "企业(机构)类型" in report.ignored_headers


def test_same_credit_code_updates_the_row_instead_of_doubling_it(office):
    code, = codes(1)
    existing = entry_create(registry=registry_named("enterprise"), actor=office,
                            data={"name": "甄璇化工有限公司", "credit_code": code, "ownership": Ownership.PRIVATE})
    before = Enterprise.objects.count()
    importer, report, result = imported(office, [qcc_row(1, "甄璇化工集团有限公司", code, 注册资本="1.2亿元")])
    assert result.saved == 1 and importer.tally.updated == 1 and importer.tally.created == 0
    assert Enterprise.objects.count() == before
    existing.refresh_from_db()
    assert existing.name == "甄璇化工集团有限公司" and existing.registered_capital_wan == Decimal("12000.00")
    assert existing.ownership == Ownership.PRIVATE  # a column the export leaves out keeps its value
    assert AuditLog.objects.filter(object_type="projects.enterprise", object_id=str(existing.pk), action="update").exists()


def test_a_bad_row_is_reported_and_nothing_is_written(office):
    good, other = codes(2)
    bad_code = good[:-1] + ("0" if good[-1] != "0" else "1")
    rows = [qcc_row(1, "甄璇一号有限公司", good), qcc_row(2, "甄璇二号有限公司", bad_code, 注册资本="很多"),
            qcc_row(3, "甄璇三号有限公司", other), qcc_row(4, "甄璇三号分身有限公司", other)]
    before = Enterprise.objects.count()
    importer = registry_import("enterprise", actor=office)
    report = validate_file(importer.spec, xlsx([HEADERS, *rows]), filename="bad.xlsx")
    messages = report.error_messages()
    assert any(m.startswith("第3行 注册资本(万元)：“很多”不是金额") for m in messages)
    assert any(m.startswith("第3行 统一社会信用代码：") for m in messages)
    assert any(m.startswith("第5行") and "与第4行重复" in m for m in messages)
    with pytest.raises(ExcelImportError):
        save_report(report)
    assert Enterprise.objects.count() == before
    assert save_report(report, good_rows_only=True).saved == 2 and Enterprise.objects.count() == before + 2


def test_a_row_refused_when_saving_rolls_back_the_chunk_and_is_named(office):
    """Model rules checked only when saving (a listed firm needs its stock code): the bulk chunk is refused, saved row
    by row, and the row at fault is named; all-or-nothing writes nothing."""
    first, second = codes(2)
    headers = ["企业名称", "统一社会信用代码", "上市企业"]
    rows = [headers, ["甄璇甲有限公司", first, "否"], ["甄璇乙股份有限公司", second, "是"]]
    importer = registry_import("enterprise", actor=office)
    report = validate_file(importer.spec, xlsx(rows), filename="x.xlsx")
    before = Enterprise.objects.count()
    result = save_report(report)
    assert result.saved == 0 and result.failed[0].number == 3 and "股票代码" in result.message
    assert Enterprise.objects.count() == before


def test_bulk_save_audits_and_indexes_every_new_row(office):
    rows = [qcc_row(n, f"甄璇批量{n}号有限公司", code) for n, code in enumerate(codes(30), 1)]
    importer, report, result = imported(office, rows)
    assert result.saved == 30 and importer.tally.created == 30
    created = list(Enterprise.objects.filter(name__startswith="甄璇批量").values_list("pk", flat=True))
    audited = set(AuditLog.objects.filter(object_type="projects.enterprise", action="create",
                                          object_id__in=[str(pk) for pk in created]).values_list("object_id", flat=True))
    assert len(created) == 30 and audited == {str(pk) for pk in created}
    assert set(created) <= set(search_ids("enterprise", "甄璇").ids)
    assert set(search_ids("enterprise", "张伟").ids) >= set(created)  # the legal representative is searched too


def test_capital_texts():
    assert capital_wan("5,000.00万(元)") == Decimal("5000.00")
    assert capital_wan("人民币500万元") == Decimal("500.00")
    assert capital_wan("500000元") == Decimal("50.00")
    assert capital_wan(3000) == Decimal("3000.00")
    assert capital_wan("未公开") is None
    with pytest.raises(Exception, match="币种"):
        capital_wan("100万卢布")


def test_enterprise_rules(office, demo):
    registry = registry_named("enterprise")
    chains = list(Chain.objects.filter(plan=demo).prefetch_related("links"))
    chain, other = [c for c in chains if c.links.all()][:2]
    link = chain.links.all()[0]
    for data, field in [({"is_listed": True}, "stock_code"), ({"registered_capital_wan": Decimal("-1")}, "registered_capital_wan"),
                        ({"email": "not-an-email"}, "email"), ({"chain": other, "chain_link": link}, "chain_link"),
                        ({"credit_code": "91420100MA4K00000X"}, "credit_code")]:
        with pytest.raises(ValidationError) as caught:
            entry_create(registry=registry, actor=office, data={"name": "甄璇规则测试有限公司", **data})
        assert field in caught.value.message_dict
    row = entry_create(registry=registry, actor=office, data={"name": "甄璇规则测试有限公司", "chain_link": link,
                                                               "since": datetime.date(2010, 1, 1)})
    assert row.chain_id == chain.pk  # a link names its chain
    with pytest.raises(ValidationError):
        entry_create(registry=registry, actor=office, data={"name": "甄璇早于成立", "since": datetime.date(2010, 1, 1),
                                                             "until": datetime.date(2009, 1, 1)})


def test_live_credit_code_stays_unique(office):
    code, = codes(1)
    registry = registry_named("enterprise")
    entry_create(registry=registry, actor=office, data={"name": "甄璇唯一有限公司", "credit_code": code})
    with pytest.raises(ValidationError):
        entry_create(registry=registry, actor=office, data={"name": "甄璇另一个有限公司", "credit_code": code})


def test_registry_page_lists_the_enterprises_projects_and_needs(office, office_client, unit_user, other_unit_user):
    from django.test import Client

    registry = registry_named("enterprise")
    enterprise = entry_create(registry=registry, actor=office, data={"name": "甄璇投资有限公司"})
    project = Project.objects.create(name="甄璇新材料产业园项目", amount_wan=Decimal("10000"), lead_unit=unit_user.unit,
                                     stage_since=datetime.date(2025, 3, 1), created_by=office)
    project.enterprises.add(enterprise)
    need = Need.objects.create(title="甄璇用地协调诉求", enterprise=enterprise, unit=unit_user.unit, created_by=office,
                               accept_due=datetime.datetime(2025, 3, 2, tzinfo=datetime.UTC), settle_due=datetime.date(2025, 3, 20))
    page = office_client.get(f"/registries/enterprise/{enterprise.pk}/").content.decode()
    assert f"/projects/{project.pk}/" in page and "甄璇新材料产业园项目" in page
    assert f"/needs/{need.pk}/" in page
    other = Client()
    other.force_login(other_unit_user)  # another unit reads the directory row, not the project it does not lead
    page = other.get(f"/registries/enterprise/{enterprise.pk}/")
    assert page.status_code == 200 and "甄璇新材料产业园项目" not in page.content.decode()
    assert office_client.get(f"/projects/enterprises/{enterprise.pk}/").status_code == 200  # the pipeline's page stays


def test_demo_directory(office, demo):
    from zhaoshang.demo.registries_directory import DATA, load_directory
    from zhaoshang.targeting.models import TechNeed, Visit

    before = Enterprise.objects.count()
    load_directory(actor=office, plan=demo)
    added = Enterprise.objects.count() - before
    assert added == DATA["count"] + DATA["local"]["count"]
    assert Enterprise.objects.filter(is_local=True, chain_role__in=["leader", "supporting"]).count() >= DATA["local"]["count"]
    assert TechNeed.objects.count() >= 15 and Visit.objects.filter(since__year=2025).count() == DATA["visits"]["count"]
    assert Visit.objects.values("owner_unit").distinct().count() >= 4
    links = {link.name for chain in Chain.objects.filter(plan=demo).prefetch_related("links") for link in chain.links.all()}
    scopes = Enterprise.objects.exclude(business_scope="").values_list("business_scope", flat=True)
    assert sum(any(name in scope for name in links) for scope in scopes) >= 50
