"""Sample rows of the resource registries (资源要素数据库) for the demo: parks, plots, buildings, energy supply,
minerals and logistics from demo_data/resources.json, written through the registries' own service like any clerk's
entry, and a few sold plots and let buildings tied to the demo's first live projects. Names live in the JSON."""

import json
from pathlib import Path

from django.db import transaction
from django.db.models import Q

from zhaoshang.accounts.models import Unit
from zhaoshang.projects.choices import State
from zhaoshang.projects.models import Project
from zhaoshang.registries.catalog import registry_named
from zhaoshang.registries.services import entry_create

DATA_FILE = Path(__file__).resolve().parent / "demo_data" / "resources.json"
ORDER = ("park", "land", "building", "energy", "mineral", "logistics")  # parks first: the others name them
LINKED_PROJECTS = 10


@transaction.atomic
def load_resources(*, actor, plan) -> None:
    """Create the sample rows (each marked with the data's source, "演示数据（示例）"). A row marked `link_project: n`
    is tied to the n-th live project of the plan (by id) when there is one; without projects it keeps its dates only."""
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    units = {unit.code: unit for unit in Unit.objects.exclude(code=None)}
    projects = list(Project.objects.exclude(state=State.TERMINATED).filter(Q(chain__plan=plan) | Q(chain__isnull=True))
                    .order_by("id")[:LINKED_PROJECTS])
    parks = {}
    for key in ORDER:
        registry = registry_named(key)
        for item in data[key]:
            values = dict(item)
            link = values.pop("link_project", None)
            values["source"] = data["source"]
            values["owner_unit"] = units[values.pop("owner_unit")]  # a unit the demo does not have is a data error
            if "park" in values:
                values["park"] = parks[values["park"]]
            if link is not None and link < len(projects):
                values["project"] = projects[link]
            row = entry_create(registry=registry, actor=actor, data=values)
            if key == "park":
                parks[row.name] = row
