"""Resolving the unit names a notice uses to Units: exact names and aliases first, then fuzzy matching."""

from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from zhaoshang.accounts.models import Unit, UnitAlias
from zhaoshang.accounts.naming import comparable

AUTO_SCORE = 85.0  # fuzzy matches at or above this resolve by themselves …
AUTO_MARGIN = 8.0  # … when the runner-up is this far behind
SUGGEST_SCORE = 55.0


@dataclass
class Resolution:
    """What a name resolved to: a unit (exact or fuzzy) or nothing, with suggestions for the office."""

    name: str
    unit: Unit | None = None
    how: str = "unresolved"  # exact | fuzzy | unresolved
    score: float = 0.0
    suggestions: list[tuple[Unit, float]] = field(default_factory=list)

    @property
    def resolved(self) -> bool:
        return self.unit is not None


class UnitIndex:
    """All unit names and aliases, loaded once (two queries) for resolving many names."""

    def __init__(self):
        self.units = {u.pk: u for u in Unit.objects.all()}
        self.by_key: dict[str, int] = {}
        for unit in self.units.values():
            for name in (unit.name, unit.short_name):
                if name:
                    self.by_key.setdefault(comparable(name), unit.pk)
        for unit_id, alias in UnitAlias.objects.filter(unit_id__in=self.units).values_list("unit_id", "alias"):
            self.by_key.setdefault(comparable(alias), unit_id)
        self.keys = list(self.by_key)

    def resolve(self, name: str) -> Resolution:
        key = comparable(name)
        if key in self.by_key:
            return Resolution(name, self.units[self.by_key[key]], "exact", 100.0)
        scored: dict[int, float] = {}
        for candidate, score, _ in process.extract(key, self.keys, scorer=fuzz.ratio, limit=10):
            unit_id = self.by_key[candidate]
            scored[unit_id] = max(score, scored.get(unit_id, 0.0))
        ranked = sorted(scored.items(), key=lambda item: -item[1])
        result = Resolution(name, suggestions=[(self.units[u], s) for u, s in ranked[:3] if s >= SUGGEST_SCORE])
        if ranked and ranked[0][1] >= AUTO_SCORE:
            runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
            if ranked[0][1] - runner_up >= AUTO_MARGIN:
                result.unit, result.how, result.score = self.units[ranked[0][0]], "fuzzy", ranked[0][1]
        return result


def resolve_unit_names(names) -> dict[str, Resolution]:
    """Each distinct name's resolution."""
    index = UnitIndex()
    return {name: index.resolve(name) for name in dict.fromkeys(names)}
