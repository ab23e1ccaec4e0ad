"""招商靶向 on the database: who is a candidate, the ranking, marking a target, turning it into a lead (audited, in
the pipeline with its link), the pages and the chain board's counts."""

from decimal import Decimal

import pytest

from zhaoshang.core.models import AuditLog
from zhaoshang.core.services import PermissionDenied
from zhaoshang.plans.models import ChainLink
from zhaoshang.projects.choices import ChainRole, Stage
from zhaoshang.projects.errors import ProjectError
from zhaoshang.projects.models import Enterprise
from zhaoshang.projects.selectors import listed_projects
from zhaoshang.projects.services.projects import ProjectInput, project_create
from zhaoshang.targeting.candidates import chain_candidates, target_counts
from zhaoshang.targeting.marks import MarkStatus, TargetMark
from zhaoshang.targeting.services import TargetingError, target_drop, target_lead, target_mark

WORD = "靶向测试"  # a word no demo firm uses: each test's firms are told apart by it


@pytest.fixture
def link(demo):
    """A 补链 link of a demo chain, renamed to carry the test's word."""
    link = ChainLink.objects.filter(is_weak=True, chain__plan=demo).select_related("chain").first()
    link.name = f"{WORD}面料"
    link.save()
    return link


def firm(name, scope="", **extra):
    return Enterprise.objects.create(name=name, business_scope=scope, **extra)


def ranked(link, limit=200):
    return [c.enterprise.name for c in chain_candidates(chain=link.chain, link=link, limit=limit)]


def _audited(obj, action):
    return AuditLog.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk), action=action).exists()


def test_a_firm_whose_scope_names_the_link_ranks_above_one_that_does_not(link):
    firm("乙纺织有限公司", f"针织品销售；{WORD}相关咨询")
    firm("甲纺织有限公司", f"{WORD}面料的研发、生产与销售")
    names = ranked(link)
    assert names.index("甲纺织有限公司") < names.index("乙纺织有限公司")
    best = next(c for c in chain_candidates(chain=link.chain, link=link, limit=200) if c.enterprise.name == "甲纺织有限公司")
    assert f"经营范围含“{WORD}面料”（补链环节“{WORD}面料”）" in best.reasons


def test_local_gone_and_settled_firms_are_not_candidates(link, office):
    firm("本地纺织有限公司", f"{WORD}面料", is_local=True)
    firm("注销纺织有限公司", f"{WORD}面料", registration_status="注销")
    firm("吊销纺织有限公司", f"{WORD}面料", registration_status="吊销，未注销")
    settled = firm("落地纺织有限公司", f"{WORD}面料")
    project_create(actor=office, data=ProjectInput(name="落地面料项目", enterprise_name=settled.name, amount_wan="5000",
                                                   lead_unit=office.unit, stage=Stage.REGISTERED))
    talking = firm("洽谈纺织有限公司", f"{WORD}面料")
    project_create(actor=office, data=ProjectInput(name="洽谈面料项目", enterprise_name=talking.name, amount_wan="5000",
                                                   lead_unit=office.unit, stage=Stage.NEGOTIATING))
    names = ranked(link)
    assert "洽谈纺织有限公司" in names
    assert not {"本地纺织有限公司", "注销纺织有限公司", "吊销纺织有限公司", "落地纺织有限公司"} & set(names)


def test_the_office_marks_a_target_audited_and_its_role_becomes_target(link, office):
    enterprise = firm("丙纺织有限公司", f"{WORD}面料")
    mark = target_mark(actor=office, enterprise=enterprise, chain=link.chain, link=link)
    assert mark.status == MarkStatus.MARKED and mark.score > 0 and mark.reasons
    assert _audited(mark, "create")
    enterprise.refresh_from_db()
    assert enterprise.chain_role == ChainRole.TARGET and enterprise.chain_link_id == link.pk
    assert _audited(enterprise, "update")
    assert target_counts([link.chain])[link.pk] >= 1
    again = target_mark(actor=office, enterprise=enterprise, chain=link.chain, link=link)
    assert again.pk == mark.pk  # one mark per enterprise and chain
    target_drop(actor=office, mark=mark)
    assert link.pk not in target_counts([link.chain]) or target_counts([link.chain])[link.pk] == 0


def test_others_cannot_mark_and_a_local_firm_is_refused(link, unit_user, leader, office):
    enterprise = firm("丁纺织有限公司", f"{WORD}面料")
    for user in (unit_user, leader):
        with pytest.raises(PermissionDenied):
            target_mark(actor=user, enterprise=enterprise, chain=link.chain, link=link)
    local = firm("本地丁纺织有限公司", f"{WORD}面料", is_local=True)
    with pytest.raises(TargetingError):
        target_mark(actor=office, enterprise=local, chain=link.chain, link=link)


def test_a_target_becomes_a_lead_of_the_pipeline_on_its_link(link, office):
    enterprise = firm("戊纺织有限公司", f"{WORD}面料")
    mark = target_mark(actor=office, enterprise=enterprise, chain=link.chain, link=link)
    with pytest.raises(TargetingError, match="预计投资额"):
        target_lead(actor=office, mark=mark, amount_wan="")
    with pytest.raises(ProjectError):
        target_lead(actor=office, mark=mark, amount_wan="-5")
    project = target_lead(actor=office, mark=mark, amount_wan="8000")
    assert project.stage == Stage.LEAD and project.chain_id == link.chain_id and project.chain_link_id == link.pk
    assert project.amount_wan == Decimal("8000.00") and project.lead_unit_id == office.unit_id
    assert list(project.enterprises.all()) == [enterprise]
    assert project.name == f"戊纺织有限公司{WORD}面料项目"
    assert listed_projects(office).filter(pk=project.pk, chain_link=link).exists()
    mark.refresh_from_db()
    assert mark.status == MarkStatus.LEAD and mark.project_id == project.pk
    assert _audited(project, "create") and _audited(mark, "update")
    with pytest.raises(TargetingError):
        target_lead(actor=office, mark=mark, amount_wan="8000")


def test_pages_rank_mark_and_make_a_lead(link, office_client, unit_client, django_assert_max_num_queries):
    enterprise = firm("己纺织有限公司", f"{WORD}面料")
    chain = link.chain
    with django_assert_max_num_queries(12 + 3 * link.chain.links.count()):  # per link: candidates, 楚商 links and names
        index = office_client.get("/targeting/candidates/", {"chain": chain.pk})
    assert index.status_code == 200 and "己纺织有限公司" in index.content.decode()
    with django_assert_max_num_queries(20):
        ranked_page = office_client.get(f"/targeting/candidates/{chain.pk}/", {"link": link.pk})
    body = ranked_page.content.decode()
    assert "己纺织有限公司" in body and "标记为目标企业" in body and f"经营范围含“{WORD}面料”" in body
    assert "标记为目标企业" not in unit_client.get(f"/targeting/candidates/{chain.pk}/", {"link": link.pk}).content.decode()
    assert unit_client.post(f"/targeting/candidates/{chain.pk}/mark/", {"enterprise": enterprise.pk, "link": link.pk}).status_code == 403
    response = office_client.post(f"/targeting/candidates/{chain.pk}/mark/", {"enterprise": enterprise.pk, "link": link.pk})
    assert response.status_code == 302
    mark = TargetMark.objects.get(enterprise=enterprise)
    form = office_client.get(f"/targeting/candidates/targets/{mark.pk}/lead/")
    assert form.status_code == 200 and "预计投资额" in form.content.decode()
    refused = office_client.post(f"/targeting/candidates/targets/{mark.pk}/lead/", {"name": "", "amount_wan": "abc", "lead_unit": ""})
    assert refused.status_code == 400 and "不是数字" in refused.content.decode()
    done = office_client.post(f"/targeting/candidates/targets/{mark.pk}/lead/",
                              {"name": "己纺织面料项目", "amount_wan": "12000", "lead_unit": ""})
    mark.refresh_from_db()
    assert done.status_code == 302 and done["Location"] == f"/projects/{mark.project_id}/"
    assert office_client.get(f"/targeting/candidates/{chain.pk}/", {"link": link.pk, "limit": "0"}).status_code == 400
    assert office_client.get(f"/targeting/candidates/{chain.pk}/", {"link": "x"}).status_code == 400


def test_the_chain_board_shows_targets_per_link(link, office, office_client):
    target_mark(actor=office, enterprise=firm("庚纺织有限公司", f"{WORD}面料"), chain=link.chain, link=link)
    body = office_client.get("/kpis/chains/").content.decode()
    assert f"/targeting/candidates/{link.chain_id}/?link={link.pk}" in body and "目标1家" in body
