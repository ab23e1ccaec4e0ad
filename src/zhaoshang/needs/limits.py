"""Response limits by need type: the office's settings (NeedLimit rows), else these defaults."""

from dataclasses import dataclass

from zhaoshang.needs.choices import NeedType
from zhaoshang.needs.models import NeedLimit


@dataclass(frozen=True)
class Limit:
    accept_hours: int
    settle_workdays: int


DEFAULT = Limit(24, 7)  # accepted within 24 hours, settled within 7 working days
DEFAULTS: dict[str, Limit] = {NeedType.LAND: Limit(24, 15), NeedType.FINANCE: Limit(24, 10)}


def limits() -> dict[str, Limit]:
    """Every type's limit: the office's setting where there is one, else the default."""
    table = {value: DEFAULTS.get(value, DEFAULT) for value in NeedType.values}
    for row in NeedLimit.objects.all():
        table[row.need_type] = Limit(row.accept_hours, row.settle_workdays)
    return table


def limit_for(need_type: str) -> Limit:
    return limits()[need_type]
