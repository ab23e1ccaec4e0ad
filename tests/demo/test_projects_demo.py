"""The demo pipeline has every chain and channel, valid investors, dated histories and every clock light."""

import datetime
import random

from zhaoshang.demo.projects import ProjectWriter, credit_code, organization_code
from zhaoshang.plans.models import Chain
from zhaoshang.projects.choices import Channel, Stage
from zhaoshang.projects.credit_code import credit_code_error
from zhaoshang.projects.flags import attach_clocks
from zhaoshang.projects.models import Contact, Enterprise, Project, StageChange

TODAY = datetime.date(2026, 6, 30)


def test_organization_code_check_character():
    assert organization_code("12345678") == "123456788"  # GB 11714: 11 - (sum of weighted digits mod 11)


def test_demo_pipeline_has_the_variety_a_demo_needs(demo, office):
    written = ProjectWriter(demo, office, TODAY, count=150).write()
    projects = Project.objects.all()
    assert written == projects.count() >= 140
    chains = set(Chain.objects.filter(plan=demo).values_list("name", flat=True))
    assert len(chains) == 17 and set(projects.values_list("chain__name", flat=True)) >= chains
    assert set(projects.values_list("channel", flat=True)) == set(Channel.values)
    assert set(projects.filter(channel="soe").values_list("lead_unit__kind", flat=True)) == {"soe"}
    assert set(projects.values_list("stage", flat=True)) == set(Stage.values)
    assert set(projects.values_list("state", flat=True)) == {"active", "stalled", "terminated"}
    assert {p.signed_on.year for p in projects.exclude(signed_on=None)} == {2025, 2026}
    assert projects.filter(amount_wan__gte=10000).count() > 30 and projects.filter(amount_wan__lt=1000).exists()
    assert projects.filter(tags__name="未来产业").exists() and projects.filter(tags__name="农业场景").exists()
    codes = [c for c in Enterprise.objects.values_list("credit_code", flat=True) if c]
    assert len(codes) > 100 and not [c for c in codes if credit_code_error(c)]
    assert Enterprise.objects.filter(credit_code="").exists() and Enterprise.objects.filter(is_listed=True).exists()
    assert Contact.objects.count() >= written // 2
    assert StageChange.objects.exclude(evidence="").exists()
    assert not StageChange.objects.filter(happened_on__gt=TODAY).exists()
    assert not projects.filter(created_at__date__gt=TODAY).exists() and projects.filter(created_at__year=2025).exists()
    assert {p.clock.light for p in attach_clocks(projects, TODAY)} == {"green", "yellow", "red", "grey"}


def test_credit_codes_are_valid_and_seeded():
    codes = [credit_code(random.Random(seed), "420100") for seed in range(50)]
    assert not [c for c in codes if credit_code_error(c)] and codes == [credit_code(random.Random(s), "420100") for s in range(50)]
