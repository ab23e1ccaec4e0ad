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


def _talent(actor):
    return {"since": datetime.date(2025, 3, 1), "employer_name": "样本单位"}  # dated; employer by directory or by name


def _talent_row(actor):
    return {"since": datetime.date(2025, 3, 1), "enterprise_name": "样本企业"}


EXTRA = {"visit": _visit, "listed": _listed, "event": _event, "finance_match": _event}
EXTRA |= {"talent": _talent, "talent_demand": lambda actor: {**_talent_row(actor), "filled_count": 0},
          "training_base": _talent_row, "placement": _talent_row}


def _new_enterprise():
    """A firm of its own (the 高企培育库 holds one live row per firm), written by the system actor so that a unit
    that may not add to the directory still gets its sample."""
    from zhaoshang.accounts.services import system_actor
    from zhaoshang.registries.catalog import registry_named
    from zhaoshang.registries.services import entry_create

    enterprise = registry_named("enterprise")
    return entry_create(registry=enterprise, actor=system_actor(), data=sample_values(enterprise, None))


def _incubatee(actor):
    from zhaoshang.projects.models import Enterprise

    # an incubatee names its firm or project, and is counted by the day it moved in
    return {"enterprise": _related(Enterprise, actor), "since": datetime.date(2025, 3, 1), "exit_kind": ""}


EXTRA |= {"incubatee": _incubatee, "achievement": _event, "cultivation": lambda actor: {"enterprise": _new_enterprise()},
          "innovation": lambda actor: {"incubator_tier": ""},  # a 孵化器's grade only
          # an award project names its firm or institution; a grade only once awarded
          "award_project": lambda actor: {"institution": "样本大学", "grade": ""}}
EXTRA |= {"strain": lambda actor: {"holder": "样本保藏中心"}}  # a strain is held by an institution or an enterprise


def _soe(actor):
    from zhaoshang.accounts.choices import UnitKind

    # the ledger's SOE is a unit of kind SOE; 股权直投 (the first mode) names the SOE's own amount
    return {"soe": Unit.objects.filter(kind=UnitKind.SOE).first(), "soe_amount_wan": Decimal("10")}


def _fund_investment(actor):
    from zhaoshang.projects.models import Enterprise

    # an investment names its firm or project, and is counted by its day
    return {"enterprise": _related(Enterprise, actor), "since": datetime.date(2025, 3, 1)}


EXTRA |= {"soe_project": _soe, "fund_investment": _fund_investment}
