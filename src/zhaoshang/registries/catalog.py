"""Every registry the platform keeps, by key. Each domain app declares its registries in `<app>/registries.py` as
`REGISTRIES = [Registry(...), ...]`; the catalog collects them once, in menu order."""

from functools import cache

from django.http import Http404
from django.utils.module_loading import import_string

from zhaoshang.registries.kit import Registry

REGISTRY_MODULES = ("zhaoshang.resources.registries", "zhaoshang.targeting.registries", "zhaoshang.network.registries",
                    "zhaoshang.talent.registries", "zhaoshang.finance.registries", "zhaoshang.innovation.registries",
                    "zhaoshang.platforms.registries", "zhaoshang.industry.registries")


@cache
def all_registries() -> dict[str, Registry]:
    found: dict[str, Registry] = {}
    for module in REGISTRY_MODULES:
        for registry in import_string(f"{module}.REGISTRIES"):
            if registry.key in found:
                raise ValueError(f"registry key {registry.key!r} declared twice")
            found[registry.key] = registry
    return found


def registry_named(key: str) -> Registry:
    """The registry of `key`; 404 for an unknown key (page and API)."""
    registry = all_registries().get(key)
    if registry is None:
        raise Http404("没有这个数据库")
    return registry


def registry_of_model(model) -> Registry | None:
    return next((r for r in all_registries().values() if r.model is model), None)


def groups() -> dict[str, list[Registry]]:
    result: dict[str, list[Registry]] = {}
    for registry in all_registries().values():
        result.setdefault(registry.group, []).append(registry)
    return result
