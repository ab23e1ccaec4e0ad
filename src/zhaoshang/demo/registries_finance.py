"""Sample rows of the policy and finance registries (政策与金融) for the demo: policies of the 产业政策包 with their
clauses, credit products of banks, insurers and guarantors, and financing matches with the demo's enterprises (the
enterprises of the demo's 融资 needs first, then the directory's local firms, else sample firms made here).

Every row is written through the registry services (audited, indexed for search) and marked with the sample source;
names, dates and units are data in demo_data/finance.json, never here."""

import json
from pathlib import Path

from django.db import transaction

from zhaoshang.accounts.models import Unit
from zhaoshang.needs.choices import NeedType
from zhaoshang.needs.models import Need
from zhaoshang.plans.models import Chain
from zhaoshang.projects.models import Enterprise
from zhaoshang.registries.catalog import registry_named
from zhaoshang.registries.services import entry_create

DATA_FILE = Path(__file__).resolve().parent / "demo_data" / "finance.json"
ORDER = ("policy", "policy_clause", "finance", "finance_match")  # policies before their clauses, products before matches


def _finance_needs() -> list[Need]:
    """The demo's 融资 needs with the enterprise that raised them (the need's own, or its project's first investor)."""
    found = []
    for need in Need.objects.filter(need_type=NeedType.FINANCE).select_related("enterprise", "project").order_by("id"):
        if need.enterprise_id is None and need.project_id is not None:
            need.enterprise = need.project.enterprises.order_by("id").first()
        if need.enterprise is not None:
            found.append(need)
    return found


def _enterprises(names: list[str], actor, owner, source: str, taken: set[int]) -> list[Enterprise]:
    """One enterprise per sample name: the directory's local firms first, then any, then a sample firm made here."""
    firms = list(Enterprise.objects.exclude(pk__in=taken).order_by("-is_local", "id")[:len(names)])
    registry = registry_named("enterprise")
    for name in names[len(firms):]:
        firms.append(Enterprise.objects.filter(name=name).first() or entry_create(
            registry=registry, actor=actor, data={"name": name, "is_local": True, "owner_unit": owner, "source": source}))
    return firms


@transaction.atomic
def load_finance(*, actor, plan) -> None:
    """Write the sample rows as `actor` (the office or the system actor); chains are `plan`'s, by name (a chain the
    plan lacks leaves the column empty). The first matches answer the demo's 融资 needs when it has some."""
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    units = {unit.code: unit for unit in Unit.objects.exclude(code=None)}
    chains = {chain.name: chain for chain in Chain.objects.filter(plan=plan, merged_into__isnull=True)}
    needs = _finance_needs()[:len(data["finance_match"])]
    firms = _enterprises(data["sample_enterprises"], actor, units.get(data["owners"]["finance_match"]), data["source"],
                         {need.enterprise.pk for need in needs})
    rows: dict[str, dict[str, object]] = {"policy": {}, "finance": {}}
    for key in ORDER:
        registry = registry_named(key)
        owner = units[data["owners"][key]]  # a unit the demo does not have is a data error
        for index, item in enumerate(data[key]):
            values = {**item, "owner_unit": owner, "source": data["source"]}
            if "chain" in values:
                values["chain"] = chains.get(values["chain"])
            if key == "policy_clause":
                values["policy"] = rows["policy"][values["policy"]]
            if key == "finance_match":
                values["product"] = rows["finance"][values["product"]]
                if index < len(needs):
                    need = needs[index]
                    values.update(need=need, enterprise=need.enterprise, project=need.project)
                else:
                    values["enterprise"] = firms[values["enterprise"] % len(firms)]
            row = entry_create(registry=registry, actor=actor, data=values)
            if key in rows:
                rows[key][row.name] = row
