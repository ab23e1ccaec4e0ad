"""Numbers inside measures become suggested indicators the office accepts, edits or discards; the first guess names
the registry that counts them, per period when they recur."""

from decimal import Decimal

import pytest

from zhaoshang.core.models import AuditLog
from zhaoshang.kpis.choices import Kind, Period, SuggestionStatus
from zhaoshang.kpis.errors import KpiError
from zhaoshang.kpis.models import Kpi, KpiSuggestion
from zhaoshang.kpis.registry_guess import kit_countables
from zhaoshang.kpis.services.suggestions import (suggestion_accept, suggestion_discard, suggestion_input,
                                                 suggestions_refresh)
from zhaoshang.kpis.services.sync import kpis_sync
from zhaoshang.kpis.suggest import suggest
from zhaoshang.plans.models import Measure


def _one(text: str, known=()):
    found = suggest(text, known_texts=set(known), registries=kit_countables(), tags={}, year=2025)
    assert len(found) == 1, found
    return found[0][0]


@pytest.mark.django_db
@pytest.mark.parametrize("text, kind, goal, unit, period, registry, where, summed", [
    ("加强院校合作，2025年定向输送20名以上适配产业需求的技能人才。", Kind.REGISTRY_COUNT, 20, "名", "", "placement", {}, "headcount"),
    ("共享资源，每月举办1次线上产业信息互通会，实时同步政策。", Kind.REGISTRY_COUNT, 1, "次", Period.MONTH, "event", {"kind": "online"}, ""),
    ("建立联络机制，每季度至少召开1次线下对接会。", Kind.REGISTRY_COUNT, 1, "次", Period.QUARTER, "event", {"kind": "matchmaking"}, ""),
    ("力争年内引入3家初创企业或项目、科技服务机构。", Kind.REGISTRY_COUNT, 3, "家", "", "incubatee", {}, ""),
    ("争创1家高能级科技型企业孵化器。", Kind.REGISTRY_COUNT, 1, "家", "", "innovation",
     {"kind": "incubator", "incubator_tier": "high_energy"}, ""),
    ("新增规上工业企业不少于5家。", Kind.PROJECT_COUNT, 5, "家", "", "", {}, ""),
    ("围绕产业链精准招商，全年引入项目3个以上。", Kind.PROJECT_COUNT, 3, "个", "", "", {}, ""),
    ("成立产业基金、并购基金、科创基金3只以上。", Kind.REGISTRY_COUNT, 3, "只", "", "fund", {}, ""),
    # nothing the platform keeps counts 联席会议: a reported value (a period only goes with a registry that counts it)
    ("建立工作专班，每季度至少召开1次联席会议。", Kind.REPORTED, 1, "次", "", "", {}, ""),
])
def test_other_cities_wording_gets_a_first_guess(text, kind, goal, unit, period, registry, where, summed):
    spec = _one(text)
    assert (spec.kind, spec.goal, spec.unit, spec.period) == (kind, Decimal(goal), unit, period)
    assert (spec.registry, spec.registry_filter, spec.registry_sum) == (registry, where, summed)


@pytest.mark.django_db
def test_alternatives_name_the_registry_without_a_filter_and_scope_is_not_a_goal():
    spec = _one("新建1家以上基础级科技型企业孵化器或省级众创空间")
    assert (spec.registry, spec.registry_filter) == ("innovation", {})
    assert suggest("围绕我市13条重点产业链，建立项目库", known_texts=set(), registries=kit_countables(), tags={}, year=2025) == []


@pytest.mark.django_db
def test_a_number_already_a_targets_indicator_is_not_proposed_again():
    text = "确保2025年招引产业项目10个以上，做好服务"
    assert suggest(text, known_texts={"2025年招引产业项目10个以上"}, registries=kit_countables(), tags={}, year=2025) == []


def test_the_demo_plan_has_suggestions_from_its_measures(demo):
    rows = {row.text: row for row in KpiSuggestion.objects.filter(plan=demo)}
    placement = next(row for text, row in rows.items() if "定向输送" in text)
    assert (placement.registry, placement.registry_sum, placement.measure.task.number) == ("placement", "headcount", "10")
    monthly = next(row for text, row in rows.items() if "互通会" in text)
    assert (monthly.period, monthly.registry, monthly.registry_filter) == (Period.MONTH, "event", {"kind": "online"})
    assert not any("13条" in text for text in rows)


def _pending(demo) -> KpiSuggestion:
    measure = Measure.objects.filter(task__plan=demo, task__number="5").first()
    return KpiSuggestion.objects.create(plan=demo, measure=measure, text="每季度组织1次线下对接会", kind=Kind.REGISTRY_COUNT,
                                        goal=1, unit="次", year=2025, period=Period.QUARTER, registry="event",
                                        registry_filter={"kind": "matchmaking"})


def test_accepting_makes_an_indicator_on_the_measure_and_audits_the_decision(demo, office):
    row = _pending(demo)
    kpi = suggestion_accept(actor=office, suggestion=row)
    row.refresh_from_db()
    assert row.status == SuggestionStatus.ACCEPTED and row.kpi == kpi
    assert (kpi.measure_id, kpi.target_id, kpi.period, kpi.registry) == (row.measure_id, row.measure.task.target_id, "quarter", "event")
    assert kpi.source_id is None
    assert AuditLog.objects.filter(object_type="kpis.kpisuggestion", object_id=str(row.pk), action="accept").exists()
    with pytest.raises(KpiError, match="已采纳"):
        suggestion_discard(actor=office, suggestion=row)


def test_the_office_edits_before_accepting_and_a_bad_edit_changes_nothing(demo, office):
    row = _pending(demo)
    data = suggestion_input(row)
    data.registry_filter = {"活动类型": "不存在的类型"}
    with pytest.raises(KpiError, match="活动类型"):
        suggestion_accept(actor=office, suggestion=row, data=data)
    row.refresh_from_db()
    assert row.status == SuggestionStatus.PENDING and not Kpi.objects.filter(text=row.text, plan=demo).exists()
    data.registry_filter = {"活动类型": "线上互通会"}
    kpi = suggestion_accept(actor=office, suggestion=row, data=data)
    assert kpi.registry_filter == {"kind": "online"}


def test_decided_suggestions_are_not_asked_again_and_units_cannot_decide(demo, office, unit_user):
    row = _pending(demo)
    with pytest.raises(Exception):
        suggestion_discard(actor=unit_user, suggestion=row)
    suggestion_discard(actor=office, suggestion=row)
    suggestions_refresh(plan=demo, actor=office)
    assert KpiSuggestion.objects.get(pk=row.pk).status == SuggestionStatus.DISCARDED
    assert kpis_sync(plan=demo, actor=office)["suggested"] == 0


def test_the_suggestions_page_accepts_edits_and_discards(demo, office_client, unit_client):
    row = _pending(demo)
    assert unit_client.get("/kpis/suggestions/").status_code == 403
    page = office_client.get("/kpis/suggestions/")
    assert page.status_code == 200 and "每季度组织1次线下对接会" in page.content.decode()
    form = office_client.get(f"/kpis/new/?suggestion={row.pk}")
    assert form.status_code == 200 and "采纳建议指标" in form.content.decode()
    response = office_client.post(f"/kpis/suggestions/{row.pk}/", {"decision": "discard"})
    assert response.status_code == 302
    assert KpiSuggestion.objects.get(pk=row.pk).status == SuggestionStatus.DISCARDED


def test_a_task_the_notice_gives_no_target_gets_one_of_the_office_kept_by_revisions(demo, office):
    from zhaoshang.kpis.services.defining import kpi_create
    from zhaoshang.plans.models import Task

    task = Task.objects.get(plan=demo, number="9")
    Task.objects.filter(pk=task.pk).update(target=None)
    task.refresh_from_db()
    data = suggestion_input(_pending(demo))
    kpi = kpi_create(actor=office, plan=demo, task=task, text="每季度组织1次线下对接会", data=data)
    task.refresh_from_db()
    assert kpi.target.by_office and task.target == kpi.target and kpi.target.text == "任务9举措指标"
    assert AuditLog.objects.filter(object_type="plans.task", object_id=str(task.pk), action="update").exists()
    kpis_sync(plan=demo, actor=office)
    kpi.refresh_from_db()
    assert kpi.deleted_at is None and kpi.target.deleted_at is None


def test_an_office_indicator_on_a_measure_survives_a_notice_revision(demo, office):
    from zhaoshang.plans.models import NoticeUpload
    from zhaoshang.plans.services.importing import notice_apply, notice_upload

    row = _pending(demo)
    kpi = suggestion_accept(actor=office, suggestion=row)
    revision = notice_upload(actor=office, filename="seed.txt", data=NoticeUpload.objects.first().file.read(), plan=demo)
    notice_apply(upload=revision, actor=office)
    kpi.refresh_from_db()
    assert kpi.deleted_at is None and kpi.measure.deleted_at is None and kpi.target.deleted_at is None
    assert KpiSuggestion.objects.get(pk=row.pk).status == SuggestionStatus.ACCEPTED  # not asked again
