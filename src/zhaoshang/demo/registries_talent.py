"""Sample rows of the talent registries for the demo: people of the four pools (英才、俊才、专才、匠才), firms' talent
demands, joint training bases and skilled workers placed with firms, from demo_data/talent.json.

A row marked `enterprise_chain` is tied to a firm of the directory on that chain (local firms first, taken in turn);
without such a firm it keeps the sample firm name it carries. Every row is written through the registry services
(audited, indexed for search) and marked with the sample source; names live in the JSON, never here."""

import datetime
import itertools
import json
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from zhaoshang.accounts.models import Unit
from zhaoshang.plans.models import Chain
from zhaoshang.projects.models import Enterprise
from zhaoshang.registries.catalog import registry_named
from zhaoshang.registries.services import entry_create

DATA_FILE = Path(__file__).resolve().parent / "demo_data" / "talent.json"
ORDER = ("talent", "talent_demand", "training_base", "placement")  # bases before the placements that name them


class _Firms:
    """The directory's firms of each chain, local ones first, handed out in turn."""

    def __init__(self, plan):
        chains = {}
        firms = (Enterprise.objects.filter(chain__plan=plan, chain__merged_into__isnull=True)
                 .select_related("chain").order_by("-is_local", "id"))
        for firm in firms:
            chains.setdefault(firm.chain.name, []).append(firm)
        self._turns = {name: itertools.cycle(found) for name, found in chains.items()}

    def next(self, chain_name: str) -> Enterprise | None:
        turn = self._turns.get(chain_name)
        return next(turn) if turn else None


@transaction.atomic
def load_talent(*, actor, plan) -> None:
    """Create the sample rows as `actor` (run after the directory, so that rows can name its firms)."""
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    units = {unit.code: unit for unit in Unit.objects.exclude(code=None)}
    chains = {chain.name: chain for chain in Chain.objects.filter(plan=plan, merged_into__isnull=True)}
    firms = _Firms(plan)
    bases = {}
    for key in ORDER:
        registry = registry_named(key)
        firm_field = "employer" if key == "talent" else "enterprise"
        for item in data[key]:
            values = dict(item)
            values["owner_unit"] = units[values.pop("owner_unit", None) or data["owners"][key]]
            values["source"] = data["source"]
            firm_chain = values.pop("enterprise_chain", None)
            if firm_chain:
                values[firm_field] = firms.next(firm_chain)
            if "chain" in values:
                values["chain"] = chains.get(values["chain"])
            if "training_base" in values:
                values["training_base"] = bases[values["training_base"]]
            for name in ("since", "until", "due_on"):
                if name in values:
                    values[name] = datetime.date.fromisoformat(values[name])
            for name in ("subsidy_wan", "salary_min_wan", "salary_max_wan"):
                if name in values:
                    values[name] = Decimal(str(values[name]))
            row = entry_create(registry=registry, actor=actor, data=values)
            if key == "training_base":
                bases[row.name] = row
