"""The talent registries bind to task 10's measures, and the demo's sample rows."""

from zhaoshang.accounts.services import system_actor
from zhaoshang.demo.registries_talent import load_talent
from zhaoshang.registries.models import RegistrySetting
from zhaoshang.registries.services import registries_bind
from zhaoshang.talent.models import Placement, Talent, TalentDemand, TrainingBase

KEYS = ("talent", "talent_demand", "training_base", "placement")


def test_registries_bind_to_task_10s_measures(demo, office):
    RegistrySetting.objects.filter(key__in=KEYS).delete()
    bound = registries_bind(actor=office, plan=demo)
    measures = {key: (bound[key].measure.task.number, bound[key].measure.ordinal) for key in KEYS}
    first, second = measures["talent"], measures["talent_demand"]
    assert first[0] == second[0] == "10" and first[1] < second[1]
    assert measures["training_base"] == measures["placement"] == second
    assert {"rsj", "zzb"} <= set(bound["talent"].units.values_list("code", flat=True))
    assert set(bound["placement"].units.values_list("code", flat=True)) == {"rsj"}


def _counts():
    return [model.objects.count() for model in (Talent, TalentDemand, TrainingBase, Placement)]


def test_demo_loads_sample_rows_tied_to_the_directorys_firms(demo, firms):
    load_talent(actor=system_actor(), plan=demo)
    assert _counts() == [32, 24, 11, 30]
    assert {row.source for row in Talent.objects.all()} == {"演示数据（示例）"}
    assert set(Talent.objects.values_list("tier", flat=True)) == {"leading", "rising", "specialist", "craftsman"}
    assert set(Talent.objects.values_list("owner_unit__code", flat=True)) == {"rsj", "zzb"}
    on_salt = TalentDemand.objects.filter(chain__name="盐化工")
    assert on_salt.exists() and set(on_salt.values_list("enterprise", flat=True)) == {firms[0].pk}
    assert Placement.objects.filter(training_base__isnull=False).exists()
    assert Talent.objects.filter(employer__isnull=True).exclude(employer_name="").exists()
    assert sum(Placement.objects.values_list("headcount", flat=True)) >= 20  # the notice's 定向输送20名以上


def test_lists_and_pages_render_the_demo_rows(demo, firms, office_client, unit_client):
    load_talent(actor=system_actor(), plan=demo)
    for key in KEYS:
        page = office_client.get(f"/registries/{key}/")
        assert page.status_code == 200, key
    person = Talent.objects.exclude(phone="").first()
    assert person.phone in office_client.get(f"/registries/talent/{person.pk}/").content.decode()
    assert person.phone not in unit_client.get(f"/registries/talent/{person.pk}/").content.decode()  # masked
    base = TrainingBase.objects.filter(placements__isnull=False).first()
    page = office_client.get(f"/registries/training_base/{base.pk}/").content.decode()
    assert base.placements.first().name in page
    assert "盐化工" in office_client.get("/registries/talent/", {"q": "盐化"}).content.decode()


def test_demo_loads_without_firms_too(demo):
    load_talent(actor=system_actor(), plan=demo)
    assert _counts() == [32, 24, 11, 30]
    assert not TalentDemand.objects.filter(enterprise__isnull=False).exists()
    assert not TalentDemand.objects.filter(enterprise_name="").exists()
