"""The demo's sample rows of the network registries."""

from zhaoshang.demo.registries_network import load_network
from zhaoshang.network.models import Alumnus, Association, Chucai, Chushang, Event, ListedCompany
from zhaoshang.network.selectors import referral_summary
from zhaoshang.registries.models import RegistryLink


def test_load_network_writes_sample_rows_and_referrals(demo, office, projects):
    projects["ours"].channel = "chushang"
    projects["ours"].save(update_fields=["channel"])
    load_network(actor=office, plan=demo)
    counts = [m.objects.count() for m in (Chushang, Chucai, Alumnus, ListedCompany, Association, Event)]
    assert counts == [60, 30, 30, 15, 12, 18]
    assert not Chushang.objects.exclude(source="演示数据（示例）").exists()
    assert Chushang.objects.filter(association__isnull=False).count() >= 10
    assert Event.objects.filter(since__year=2025).count() == 18
    assert RegistryLink.objects.filter(relation="attended", to_kind="event").count() >= 10
    assert referral_summary(user=office).projects == 1
