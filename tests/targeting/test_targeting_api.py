"""招商靶向 over the API: shapes of chains and candidates, marking and leads by the office, refusals for others."""

import pytest

from zhaoshang.plans.models import ChainLink
from zhaoshang.projects.models import Enterprise, Project
from zhaoshang.targeting.marks import TargetMark

WORD = "接口靶向"


@pytest.fixture
def link(demo):
    link = ChainLink.objects.filter(is_weak=True, chain__plan=demo).select_related("chain").first()
    link.name = f"{WORD}面料"
    link.save()
    return link


def test_chains_list_their_task_and_links_weak_first(link, office_client):
    chains = office_client.get("/api/v1/chains").json()
    chain = next(c for c in chains if c["id"] == link.chain_id)
    assert set(chain) == {"id", "name", "task", "links"}
    assert {"id": link.pk, "name": link.name, "weak": True} in chain["links"]
    assert chain["links"][0]["weak"] is True


def test_candidates_best_first_with_reasons(link, unit_client):
    Enterprise.objects.create(name="接口乙公司", business_scope=f"{WORD}咨询")
    Enterprise.objects.create(name="接口甲公司", business_scope=f"{WORD}面料生产")
    rows = unit_client.get(f"/api/v1/chains/{link.chain_id}/candidates", {"link": link.pk, "limit": 200}).json()
    names = [row["enterprise"]["name"] for row in rows]
    assert names.index("接口甲公司") < names.index("接口乙公司")
    assert set(rows[0]) == {"enterprise", "score", "reasons"} and isinstance(rows[0]["reasons"], list)
    assert [row["score"] for row in rows] == sorted((row["score"] for row in rows), reverse=True)
    assert unit_client.get(f"/api/v1/chains/{link.chain_id}/candidates", {"limit": 0}).status_code == 422
    assert unit_client.get(f"/api/v1/chains/{link.chain_id}/candidates", {"link": 999999}).status_code == 404


def test_office_marks_and_makes_a_lead_others_are_refused(link, office_client, unit_client, leader_client):
    enterprise = Enterprise.objects.create(name="接口丙公司", business_scope=f"{WORD}面料生产")
    body = {"enterprise_id": enterprise.pk, "link_id": link.pk}
    for client in (unit_client, leader_client):
        refused = client.post(f"/api/v1/chains/{link.chain_id}/targets", body, content_type="application/json")
        assert refused.status_code == 403 and refused.json()["detail"]
    created = office_client.post(f"/api/v1/chains/{link.chain_id}/targets", body, content_type="application/json")
    assert created.status_code == 201 and created.json()["status"] == "marked"
    mark_id = created.json()["id"]
    wrong_link = ChainLink.objects.exclude(chain=link.chain_id).first()
    bad = office_client.post(f"/api/v1/chains/{link.chain_id}/targets", {"enterprise_id": enterprise.pk, "link_id": wrong_link.pk},
                             content_type="application/json")
    assert bad.status_code == 400 and "环节" in bad.json()["detail"]
    lead = {"amount_wan": "6000", "lead_unit": "市发改委"}
    assert unit_client.post(f"/api/v1/targets/{mark_id}/lead", lead, content_type="application/json").status_code == 403
    assert office_client.post(f"/api/v1/targets/{mark_id}/lead", {"amount_wan": "-1"}, content_type="application/json").status_code == 422
    unknown = office_client.post(f"/api/v1/targets/{mark_id}/lead", {"amount_wan": "6000", "lead_unit": "不存在的单位"},
                                 content_type="application/json")
    assert unknown.status_code == 400 and "不存在" in unknown.json()["detail"]
    made = office_client.post(f"/api/v1/targets/{mark_id}/lead", lead, content_type="application/json")
    assert made.status_code == 201
    project = Project.objects.get(pk=made.json()["project_id"])
    assert project.chain_link_id == link.pk and project.lead_unit.short_name == "市发改委" and project.stage == "lead"
    assert TargetMark.objects.get(pk=mark_id).project_id == project.pk
    again = office_client.post(f"/api/v1/targets/{mark_id}/lead", lead, content_type="application/json")
    assert again.status_code == 400 and "已转为线索" in again.json()["detail"]
