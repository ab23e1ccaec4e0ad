"""Sample rows of the industry resource registries (产业资源库) for the demo: strains, agricultural scenarios, energy
projects and planned promotion projects from demo_data/industry.json, written through the registries' own service.

Rows name the plan's chains and the resource parks by name; a landed scenario or a signed promotion project is tied
to a live pipeline project of its chain that has been signed, an industrialised strain to an enterprise of the
microbe chain, an energy project to a project of its chain whose name has the row's `project_word`. Without such rows (a demo without the pipeline) the row
keeps the stage it can prove: 对接中 rather than 已落地, 推介中 rather than 已签约, 研发 rather than 产业化."""

import datetime
import json
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from zhaoshang.accounts.models import Unit
from zhaoshang.industry.choices import PromoStatus, ScenarioStatus, StrainStatus
from zhaoshang.plans.models import Chain
from zhaoshang.projects.choices import STAGE_INDEX, Stage, State
from zhaoshang.projects.models import Enterprise, Project
from zhaoshang.registries.catalog import registry_named
from zhaoshang.registries.services import entry_create
from zhaoshang.resources.models import Park

DATA_FILE = Path(__file__).resolve().parent / "demo_data" / "industry.json"
ORDER = ("strain", "scenario", "energy_project", "promo_project")
SIGNED_STAGES = [stage for stage in Stage.values if STAGE_INDEX[stage] >= STAGE_INDEX[Stage.SIGNED]]
# the status a row falls back to when the data has no project or enterprise to prove the one it asks for
FALLBACK = {"scenario": ("project", ScenarioStatus.MATCHING), "promo_project": ("project", PromoStatus.PROMOTING),
            "strain": ("enterprise", StrainStatus.RESEARCH)}


class _Picker:
    """Hands out each project or enterprise once, so two sample rows never claim the same one."""

    def __init__(self, plan):
        self.chains = {c.name: c for c in Chain.objects.filter(plan=plan, merged_into__isnull=True)}
        self.used: set[tuple[str, int]] = set()

    def _first_unused(self, kind: str, rows):
        for row in rows:
            if (kind, row.pk) not in self.used:
                self.used.add((kind, row.pk))
                return row
        return None

    def project(self, chain_name: str, *, signed: bool, word: str = "") -> Project | None:
        chain = self.chains.get(chain_name)
        if chain is None:
            return None
        rows = Project.objects.filter(chain=chain, name__contains=word).exclude(state=State.TERMINATED).order_by("id")
        if signed:
            rows = rows.filter(stage__in=SIGNED_STAGES)
        return self._first_unused("project", rows[:50])

    def enterprise(self, chain_name: str) -> Enterprise | None:
        chain = self.chains.get(chain_name)
        if chain is None:
            return None
        found = self._first_unused("enterprise", Enterprise.objects.filter(chain=chain).order_by("id")[:50])
        return found or self._first_unused(
            "enterprise", Enterprise.objects.filter(projects__chain=chain).distinct().order_by("id")[:50])


def _typed(registry, name: str, value):
    kind = registry.field(name).get_internal_type()
    if kind == "DateField":
        return datetime.date.fromisoformat(value)
    if kind == "DecimalField":
        return Decimal(str(value))
    return value


@transaction.atomic
def load_industry(*, actor, plan) -> None:
    """Create the sample rows as `actor` (each marked with the data's source, "演示数据（示例）"); run after the
    resource registries (the rows name their parks) and after the pipeline when it is loaded."""
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    units = {unit.code: unit for unit in Unit.objects.exclude(code=None)}
    parks = {park.name: park for park in Park.objects.all()}
    picker = _Picker(plan)
    for key in ORDER:
        registry = registry_named(key)
        for item in data[key]:
            values = dict(item)
            link_project = values.pop("link_project", False)
            project_chain = values.pop("project_chain", None)
            project_word = values.pop("project_word", "")
            enterprise_chain = values.pop("enterprise_chain", None)
            values["owner_unit"] = units.get(values.pop("owner_unit"))
            if "chain" in values:
                values["chain"] = picker.chains.get(values["chain"])
            if "park" in values:
                values["park"] = parks.get(values["park"])
            values = {name: value if name in ("owner_unit", "chain", "park") else _typed(registry, name, value)
                      for name, value in values.items()}
            if link_project and values.get("chain") is not None:
                values["project"] = picker.project(values["chain"].name, signed=True)
            if project_chain:
                values["project"] = picker.project(project_chain, signed=False, word=project_word)
            if enterprise_chain:
                values["enterprise"] = picker.enterprise(enterprise_chain)
            if key in FALLBACK:
                needed, status = FALLBACK[key]
                if (link_project or enterprise_chain) and values.get(needed) is None:
                    values["status"] = status
            entry_create(registry=registry, actor=actor, data={**values, "source": data["source"]})
