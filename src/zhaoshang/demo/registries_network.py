"""Sample rows of the 楚商四库, the associations and the events for the demo, with some 楚商 in their association,
attendees of a few events, and a few demo projects referred by a 楚商, an association or an event (以商引商).

Every row is written through the registry services (audited, indexed for search) and marked with the sample source;
names, dates and units are data in demo_data/network.json, never here."""

import datetime
import json
from decimal import Decimal
from pathlib import Path

from zhaoshang.accounts.models import Unit
from zhaoshang.network.services import referral_add
from zhaoshang.projects.models import Project
from zhaoshang.registries.catalog import registry_named
from zhaoshang.registries.choices import LinkRelation
from zhaoshang.registries.services import entry_create, link_add

DATA_FILE = Path(__file__).resolve().parent / "demo_data" / "network.json"
# associations first: the 楚商 name theirs
ORDER = ("association", "chushang", "chucai", "alumni", "listed", "event")
LINKS = ("attendees",)


def _value(registry, name: str, value, units: dict, rows: dict):
    if name == "since" or registry.field(name).get_internal_type() == "DateField":
        return datetime.date.fromisoformat(value)
    if registry.field(name).get_internal_type() == "DecimalField":
        return Decimal(str(value))
    if name == "organiser_unit":
        return units[value]
    if name == "association":
        return rows["association"][value]
    return value


def load_network(*, actor, plan) -> None:
    """Write the sample rows as `actor` (the office or the system actor); `plan` is the demo plan (unused: the
    registries are bound to its measures by `registries_bind`)."""
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    units = {u.code: u for u in Unit.objects.exclude(code=None)}
    rows: dict[str, dict[str, object]] = {}
    for key in ORDER:
        registry = registry_named(key)
        owner = units.get(data["owners"][key])
        rows[key] = {}
        for item in data[key]:
            values = {name: _value(registry, name, value, units, rows) for name, value in item.items() if name not in LINKS}
            row = entry_create(registry=registry, actor=actor,
                               data={**values, "owner_unit": owner, "source": data["source"]})
            rows[key][item["name"]] = row
    for item in data["event"]:
        event = rows["event"][item["name"]]
        for name in item.get("attendees", []):
            link_add(actor=actor, from_kind="chushang", from_id=rows["chushang"][name].pk, to_kind="event", to_id=event.pk,
                     relation=LinkRelation.ATTENDED)
    projects = Project.objects.filter(channel__in=data["referral_channels"]).order_by("id")[:len(data["referrals"])]
    for project, item in zip(projects, data["referrals"]):
        referral_add(actor=actor, project=project, kind=item["kind"], entry_id=rows[item["kind"]][item["name"]].pk)
