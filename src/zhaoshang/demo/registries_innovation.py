"""Sample rows of the innovation registries (科技创新) for the demo: platforms (科创中心, 离岸科创中心, 研究院, 孵化器,
众创空间, 研发机构), the firms and projects they host, technology transfers, the 高企培育库 and the 科学技术奖励项目库,
tied to the plan's chains, to sample local firms of the enterprise directory (created here when missing) and, where
the pipeline is loaded, to its first live projects.

Every row is written through the registry services (audited, indexed for search) and marked with the sample source;
names, dates and units are data in demo_data/innovation.json, never here."""

import datetime
import json
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.db.models import Q

from zhaoshang.accounts.models import Unit
from zhaoshang.plans.models import Chain
from zhaoshang.projects.choices import State
from zhaoshang.projects.models import Enterprise, Project
from zhaoshang.registries.catalog import registry_named
from zhaoshang.registries.services import entry_create

DATA_FILE = Path(__file__).resolve().parent / "demo_data" / "innovation.json"
ORDER = ("innovation", "incubatee", "achievement", "cultivation", "award_project")  # platforms first: the others name them
LINKED_PROJECTS = 10


@transaction.atomic
def load_innovation(*, actor, plan) -> None:
    """Write the sample rows as `actor`. A row's `link_project: n` ties it to the n-th live project of `plan` (by id)
    when there is one; an incubatee without that project keeps its firm."""
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    units = {unit.code: unit for unit in Unit.objects.exclude(code=None)}
    chains = {chain.name: chain for chain in Chain.objects.filter(plan=plan, merged_into__isnull=True)}
    projects = list(Project.objects.exclude(state=State.TERMINATED).filter(Q(chain__plan=plan) | Q(chain__isnull=True))
                    .order_by("id")[:LINKED_PROJECTS])
    refs = {"chain": chains, "enterprise": _enterprises(actor, data, units, chains)}
    refs["platform"] = refs["innovation"] = {}  # the platforms, by name, as the other rows name them
    for key in ORDER:
        registry = registry_named(key)
        owner = units[data["owners"][key]]  # a unit the demo does not have is a data error
        refs.setdefault(key, {})
        for item in data[key]:
            values = dict(item)
            link = values.pop("link_project", None)
            for name, value in values.items():
                values[name] = _value(registry, name, value, refs)
            if link is not None and link < len(projects):
                values["project"] = projects[link]
                if key == "incubatee":
                    values.pop("enterprise", None)  # the project is what moved in
            row = entry_create(registry=registry, actor=actor,
                               data={**values, "owner_unit": owner, "source": data["source"]})
            refs[key][row.name] = row


def _enterprises(actor, data: dict, units: dict, chains: dict) -> dict[str, Enterprise]:
    """The sample local firms the rows name: the directory's row of that name, else a new one."""
    registry = registry_named("enterprise")
    found = {e.name: e for e in Enterprise.objects.filter(name__in=[item["name"] for item in data["enterprises"]])}
    for item in data["enterprises"]:
        if item["name"] not in found:
            values = {**item, "chain": chains.get(item["chain"]), "is_local": True}
            found[item["name"]] = entry_create(registry=registry, actor=actor, data={
                **values, "owner_unit": units[data["owners"]["enterprise"]], "source": data["source"]})
    return found


def _value(registry, name: str, value, refs: dict):
    field = registry.field(name)
    if field.is_relation:
        return refs[name].get(value) if name == "chain" else refs[name][value]  # a chain the plan lacks is left empty
    kind = field.get_internal_type()
    if kind == "DateField":
        return datetime.date.fromisoformat(value)
    if kind == "DecimalField":
        return Decimal(str(value))
    return value
