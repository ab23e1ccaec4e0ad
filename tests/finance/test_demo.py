"""The demo's sample rows of the policy and finance registries."""

from zhaoshang.demo.registries_finance import load_finance
from zhaoshang.finance.models import FinanceMatch, FinanceProduct, Policy, PolicyClause


def test_load_finance_writes_sample_rows(demo, office):
    load_finance(actor=office, plan=demo)
    counts = [m.objects.count() for m in (Policy, PolicyClause, FinanceProduct, FinanceMatch)]
    assert counts == [12, 30, 20, 24]
    assert not FinanceMatch.objects.exclude(source="演示数据（示例）").exists()
    assert set(Policy.objects.values_list("owner_unit__code", flat=True)) == {"fgw"}
    assert set(FinanceProduct.objects.values_list("owner_unit__code", flat=True)) == {"jrk"}
    assert PolicyClause.objects.filter(chain__isnull=False).count() >= 15  # the plan's chains, by name
    assert set(FinanceMatch.objects.values_list("status", flat=True)) == {"in_progress", "lent", "failed"}
    assert not FinanceMatch.objects.filter(status="lent", lent_wan__isnull=True).exists()
    assert FinanceMatch.objects.values("enterprise").distinct().count() >= 10


def test_first_matches_answer_the_demos_finance_needs(demo, office):
    import datetime
    from decimal import Decimal

    from zhaoshang.accounts.models import Unit
    from zhaoshang.needs.models import Need
    from zhaoshang.projects.services.projects import ProjectInput, project_create

    project = project_create(actor=office, data=ProjectInput(
        name="示例扩产项目", enterprise_name="示例扩产公司", amount_wan=Decimal("8000"), lead_unit=Unit.objects.get(code="fgw")))
    now = datetime.datetime(2025, 5, 1, tzinfo=datetime.timezone.utc)
    need = Need.objects.create(title="流动资金贷款", need_type="finance", project=project, unit=Unit.objects.get(code="jrk"),
                               accept_due=now, settle_due=datetime.date(2025, 6, 1), created_by=office)
    load_finance(actor=office, plan=demo)
    match = FinanceMatch.objects.get(need=need)
    assert match.enterprise.name == "示例扩产公司" and match.project == project
