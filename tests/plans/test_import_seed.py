"""The demo's seed notice, imported through the real services, becomes the plan the notice describes."""

from zhaoshang.core.models import AuditLog
from zhaoshang.plans.models import Assignment, Chain, Measure, Task


def test_seed_plan_has_every_task_with_its_focus_and_deadline(demo):
    tasks = {t.number: t for t in Task.objects.filter(plan=demo).select_related("focus", "target")}
    assert sorted(tasks, key=int) == [str(n) for n in range(1, 19)]
    assert demo.doc_number == "潜政办发〔2025〕11号"
    assert demo.issued_on.isoformat() == "2025-06-19"
    assert tasks["1"].deadline_code == "2025-12"
    assert tasks["5"].deadline_code == "2025-09"
    assert tasks["11"].is_long_term and tasks["11"].deadline_display == "长期"
    assert tasks["10"].focus.name == "要素储备招商"
    # tasks 13-15 share one focus and one target
    assert tasks["13"].target_id == tasks["14"].target_id == tasks["15"].target_id
    assert tasks["13"].focus.name == "楚商回乡"


def test_first_unit_of_a_measure_leads_and_the_rest_cooperate(demo):
    measure = Measure.objects.get(task__plan=demo, task__number="4")
    units = [(a.unit.display_name, a.is_lead) for a in measure.assignments.select_related("unit")]
    assert units == [("市发改委", True), ("市经信局", False), ("市招商服务中心", False)]
    assert Assignment.objects.filter(measure__task__plan=demo, is_lead=True).count() == Measure.objects.filter(task__plan=demo).count()


def test_chains_know_their_task_lead_unit_and_links(demo):
    chains = {c.name: c for c in Chain.objects.filter(plan=demo).select_related("task", "lead_unit")}
    assert len([c for c in chains.values() if not c.is_future]) == 13
    assert {c.name for c in chains.values() if c.is_future} >= {"固态电池", "低空经济", "氢能源"}
    oil = chains["石油化工"]
    assert oil.task.number == "1" and oil.lead_unit.display_name == "潜江高新区"
    assert [link.name for link in oil.links.all() if not link.is_weak] == ["原油炼制", "精细化工", "新材料应用"]
    assert chains["盐化工"].lead_unit.name == "市自然资源和城乡建设局"


def test_target_indicators_are_stored_with_per_chain_and_thresholds(demo):
    task6 = Task.objects.select_related("target").get(plan=demo, number="6")
    values = sorted((float(i.value), i.unit) for i in task6.target.indicators.all())
    assert values == [(10.0, "个"), (400.0, "亿元")]
    task1 = Task.objects.select_related("target").get(plan=demo, number="1")
    indicator = task1.target.indicators.get()
    assert indicator.per == "chain" and indicator.value == 1 and indicator.min_amount_wan == 10000


def test_import_is_audited_with_the_system_actor(demo):
    entry = AuditLog.objects.get(action="import", object_type="plans.plan", object_id=str(demo.pk))
    assert entry.actor.username == "system"
    assert entry.after["created"] > 100
    assert AuditLog.objects.filter(action="create", object_type="plans.assignment").count() == Assignment.objects.count()
