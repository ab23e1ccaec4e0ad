"""以商引商: the 引荐来源 form of a project's page, and the 以商引商成效 page and export."""

import datetime
import io

import pytest
from openpyxl import load_workbook

from zhaoshang.core.models import AuditLog
from zhaoshang.network.selectors import referral_summary
from zhaoshang.network.services import referral_add
from zhaoshang.registries.models import RegistryLink


@pytest.fixture
def referrers(entry):
    chamber = entry("association", name="示例北京湖北商会", region="北京")
    return {
        "person": entry("chushang", name="周某01", company="示例光电有限公司", association=chamber),
        "namesake": entry("chushang", name="周某02", company="示例光电材料有限公司"),
        "chamber": chamber,
        "event": entry("event", name="示例楚商恳谈会", kind="symposium", since=datetime.date(2025, 3, 15)),
    }


def _url(project):
    return f"/network/projects/{project.pk}/referrals/"


def test_unit_adds_referral_to_its_project_by_name(unit_client, projects, referrers):
    response = unit_client.post(_url(projects["ours"]), {"kind": "association", "q": "北京湖北商会"})
    assert response.status_code == 302
    link = RegistryLink.objects.get(to_kind="project", to_id=projects["ours"].pk)
    assert (link.from_kind, link.from_id, link.relation) == ("association", referrers["chamber"].pk, "referred")
    assert AuditLog.objects.filter(action="link", object_id=str(link.pk)).exists()
    page = unit_client.get(f"/projects/{projects['ours'].pk}/").content.decode()
    assert "引荐来源（以商引商）" in page and "示例北京湖北商会" in page


def test_referral_refused_for_another_units_project(unit_client, leader_client, projects, referrers):
    data = {"kind": "chushang", "entry_id": referrers["person"].pk}
    assert unit_client.post(_url(projects["theirs"]), data).status_code == 404  # not its project: not even listed
    assert leader_client.post(_url(projects["ours"]), data).status_code == 403  # leaders read
    assert not RegistryLink.objects.exists()
    page = leader_client.get(f"/projects/{projects['ours'].pk}/").content.decode()
    assert "引荐来源（以商引商）" in page and 'action="/network/projects/' not in page


def test_referral_service_refuses_another_unit(unit_user, projects, referrers):
    from zhaoshang.core.services import PermissionDenied

    with pytest.raises(PermissionDenied):
        referral_add(actor=unit_user, project=projects["theirs"], kind="chushang", entry_id=referrers["person"].pk)


def test_namesakes_are_offered_to_choose(office_client, projects, referrers):
    response = office_client.post(_url(projects["ours"]), {"kind": "chushang", "q": "周某"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "周某01" in page and "周某02" in page
    assert not RegistryLink.objects.exists()
    office_client.post(_url(projects["ours"]), {"kind": "chushang", "entry_id": referrers["namesake"].pk})
    assert RegistryLink.objects.get().from_id == referrers["namesake"].pk


def test_referral_by_number_and_unknown_name(office_client, projects, referrers):
    office_client.post(_url(projects["ours"]), {"kind": "event", "q": str(referrers["event"].pk)})
    assert RegistryLink.objects.get().from_kind == "event"
    response = office_client.post(_url(projects["ours"]), {"kind": "event", "q": "没有这个活动"}, follow=True)
    assert "没有找到" in response.content.decode()
    assert office_client.post(_url(projects["ours"]), {"kind": "park", "q": "1"}).status_code == 400


def test_lookup_fragment_lists_candidates(unit_client, referrers):
    response = unit_client.get("/network/referrals/lookup/", {"kind": "chushang", "q": "光电"})
    assert response.status_code == 200
    page = response.content.decode()
    assert f'value="{referrers["person"].pk}"' in page and f'value="{referrers["namesake"].pk}"' in page
    assert unit_client.get("/network/referrals/lookup/", {"kind": "chushang", "q": "周"}).content.decode().strip() == ""


def test_project_worker_removes_a_referral(unit_client, unit_user, office, projects, referrers):
    link = referral_add(actor=office, project=projects["ours"], kind="chushang", entry_id=referrers["person"].pk)
    assert unit_client.post(f"/network/referrals/{link.pk}/delete/").status_code == 302
    assert not RegistryLink.objects.filter(pk=link.pk).exists()
    assert AuditLog.objects.filter(action="unlink", object_id=str(link.pk)).exists()


def test_referrals_page_counts(office, unit_user, other_unit_user, office_client, unit_client, leader_client, projects,
                               referrers, django_assert_max_num_queries):
    referral_add(actor=office, project=projects["ours"], kind="chushang", entry_id=referrers["person"].pk)
    referral_add(actor=office, project=projects["ours"], kind="event", entry_id=referrers["event"].pk)
    referral_add(actor=office, project=projects["theirs"], kind="chushang", entry_id=referrers["person"].pk)

    summary = referral_summary(user=office)
    person = next(r for r in summary.rows if r.kind == "chushang")
    assert (person.count, person.signed, person.amount_wan) == (2, 1, 30800)
    assert (summary.projects, summary.signed, summary.amount_wan) == (2, 1, 30800)  # "ours" counted once

    mine = referral_summary(user=unit_user)  # 市发改委 sees its own project only
    assert [(r.kind, r.count, r.amount_wan) for r in mine.rows] == [("chushang", 1, 30000), ("event", 1, 30000)]
    assert (mine.projects, mine.amount_wan) == (1, 30000)
    assert referral_summary(user=other_unit_user).amount_wan == 800
    assert [r.kind for r in referral_summary(user=office, kind="event").rows] == ["event"]

    with django_assert_max_num_queries(12):
        page = office_client.get("/network/referrals/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "周某01" in text and "3.08亿元" in text and "示例商贸物流中心项目" in text
    assert "示例商贸物流中心项目" not in unit_client.get("/network/referrals/").content.decode()
    assert leader_client.get("/network/referrals/").status_code == 200
    assert office_client.get("/network/referrals/?kind=nope").status_code == 400

    export = office_client.get("/network/referrals/export.xlsx")
    sheet = load_workbook(io.BytesIO(export.content)).active
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    assert rows[0][:6] == ("楚商信息", str(referrers["person"]), referrers["person"].pk, 2, 1, 30800)
    assert rows[-1][:6] == ("合计（项目去重）", None, None, 2, 1, 30800)


def test_referrals_page_anonymous_redirects(client):
    assert client.get("/network/referrals/").status_code == 302
