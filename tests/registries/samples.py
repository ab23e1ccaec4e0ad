"""A valid row for any registry, built from its declaration (the generic kit tests run over every registry).

Where a registry's own rules need more than the generic values (a visit names an enterprise or a project), the
registry's extra values are given here by key."""

import datetime
import itertools
from decimal import Decimal

from zhaoshang.accounts.models import Unit
from zhaoshang.registries.catalog import registry_of_model
from zhaoshang.registries.kit import Registry

SEARCH_PREFIX = "甄璇"  # two rare characters: a 2-character search finds only the rows made here
PHONE = "13812345678"
_serial = itertools.count(1)


def _related(model, actor):
    registry = registry_of_model(model)
    if registry is not None:
        from zhaoshang.registries.services import entry_create

        return model.objects.first() or entry_create(registry=registry, actor=actor, data=sample_values(registry, actor))
    if model is Unit:
        return Unit.objects.first()
    return model.objects.first()


def sample_values(registry: Registry, actor, prefix: str = SEARCH_PREFIX) -> dict:
    """Values for every required column, the first search column starting with `prefix`, every contact filled."""
    serial = next(_serial)
    values = {}
    for name in registry.form_fields:
        field = registry.field(name)
        kind = field.get_internal_type()
        required = not field.blank
        if name in registry.contact_fields:
            values[name] = PHONE if "mail" not in name else "someone@example.com"
        elif field.is_relation:
            if required:
                values[name] = _related(field.related_model, actor)
        elif field.choices:
            values[name] = field.choices[0][0]
        elif name == registry.search_fields[0]:
            values[name] = f"{prefix}{registry.name[:4]}样本{serial}"
        elif kind == "CharField" and required:
            values[name] = f"样本{serial}"
        elif kind in ("DecimalField", "FloatField") and required:
            values[name] = Decimal("10")
        elif kind.endswith("IntegerField") and required:
            values[name] = 10
        elif kind == "DateField" and required:
            values[name] = datetime.date(2025, 3, 1)
        elif kind == "TextField" and required:
            values[name] = "样本说明"
    values.update(EXTRA.get(registry.key, lambda actor: {})(actor))
    return values


def _visit(actor):
    from zhaoshang.projects.models import Enterprise

    return {"enterprise": _related(Enterprise, actor), "since": datetime.date(2025, 3, 1)}


def _listed(actor):
    return {"stock_code": f"{600000 + next(_serial):06d}"}  # mainland codes are six digits, one live row per code


def _event(actor):
    return {"since": datetime.date(2025, 3, 1)}  # an event's date is required (it is counted by it)


EXTRA = {"visit": _visit, "listed": _listed, "event": _event}
