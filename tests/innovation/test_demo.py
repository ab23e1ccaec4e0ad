"""The demo's sample rows of the innovation registries, and the registries' binding to task 12's measures."""

from zhaoshang.accounts.models import Unit
from zhaoshang.accounts.services import system_actor
from zhaoshang.demo.registries_innovation import load_innovation
from zhaoshang.innovation.models import Achievement, AwardProject, Cultivation, Incubatee, InnovationPlatform
from zhaoshang.projects.models import Enterprise, Project
from zhaoshang.projects.services.projects import ProjectInput, project_create
from zhaoshang.registries.models import RegistrySetting
from zhaoshang.registries.services import registries_bind

KEYS = ("innovation", "incubatee", "achievement", "cultivation", "award_project")
MODELS = (InnovationPlatform, Incubatee, Achievement, Cultivation, AwardProject)


def test_the_demo_loads_sample_rows_without_projects(demo):
    assert not Project.objects.exists()
    load_innovation(actor=system_actor(), plan=demo)
    assert [model.objects.count() for model in MODELS] == [14, 24, 16, 19, 16]
    assert all(not model.objects.exclude(source="演示数据（示例）").exists() for model in MODELS)
    assert Enterprise.objects.filter(is_local=True, name__startswith="示例").count() == 20
    assert not Incubatee.objects.filter(enterprise=None, project=None).exists()
    assert Incubatee.objects.filter(is_startup=True, since__year=2025).count() >= 3
    assert InnovationPlatform.objects.filter(kind="offshore_center").count() == 3
    assert InnovationPlatform.objects.exclude(chain=None).count() >= 6  # the plan's chains, by name
    assert Achievement.objects.filter(since__year=2025).count() >= 5
    assert set(Cultivation.objects.values_list("stage", flat=True)) == {"pool", "applying", "certified", "rejected"}
    assert AwardProject.objects.filter(status="awarded").exclude(grade="").count() == 4
    assert set(InnovationPlatform.objects.values_list("owner_unit__code", flat=True)) == {"kjj"}
    assert set(Incubatee.objects.values_list("owner_unit__code", flat=True)) == {"gxjt"}


def test_the_demo_ties_rows_to_live_projects(demo, office):
    unit = Unit.objects.get(code="kjj")
    projects = [project_create(actor=office, data=ProjectInput(name=f"示例科创项目{i}", enterprise_name=f"示例科创企业{i}",
                                                               amount_wan=5000, lead_unit=unit)) for i in range(5)]
    load_innovation(actor=office, plan=demo)
    hosted = Incubatee.objects.exclude(project=None).order_by("project_id")
    assert [row.project_id for row in hosted] == [p.pk for p in projects[:4]]
    assert all(row.enterprise_id is None and row.name == row.project.name for row in hosted)
    assert sorted(Achievement.objects.exclude(project=None).values_list("project_id", flat=True)) == [p.pk for p in projects[:3]]
    assert AwardProject.objects.get(project__isnull=False).project_id == projects[3].pk


def test_registries_bind_to_task_12s_measures(demo, office):
    RegistrySetting.objects.filter(key__in=KEYS).delete()
    bound = registries_bind(actor=office, plan=demo)
    measures = {key: (bound[key].measure.task.number, bound[key].measure.ordinal) for key in KEYS}
    first, second, third = (measures["innovation"], measures["incubatee"], measures["cultivation"])
    assert {number for number, _ in measures.values()} == {"12"}
    assert first[1] < second[1] < third[1]
    assert measures["achievement"] == measures["award_project"] == third
    assert set(bound["innovation"].units.values_list("code", flat=True)) == {"kjj"}
    assert set(bound["incubatee"].units.values_list("code", flat=True)) == {"kjj", "gxjt"}
    assert set(bound["cultivation"].units.values_list("code", flat=True)) == {"kjj", "jxj"}
