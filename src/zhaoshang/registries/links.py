"""Links between rows, both ways: a registry row's link columns (a plot's project, a building's park), the rows of
other registries whose columns point at it, and the free links (RegistryLink) between any registry row, project,
enterprise or need. A project's page lists the plot it sits on and the 楚商 who referred it from here too.

Kinds are registry keys, plus "project" and "need" (and "enterprise" for the pipeline's enterprises when no
registry declares them). What a user may not see (another unit's project) is left out."""

from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse

from zhaoshang.registries.catalog import all_registries, registry_of_model
from zhaoshang.registries.choices import LinkRelation
from zhaoshang.registries.kit import has_name
from zhaoshang.registries.models import RegistryLink

ROWS_PER_SOURCE = 50


@dataclass
class Linked:
    relation: str  # 落户, 引荐 …, or the column's name
    kind: str
    kind_label: str
    obj_id: int
    name: str
    url: str
    link_id: int | None = None  # a free link (RegistryLink), removable; None for a link column


def _pipeline_kinds():
    from zhaoshang.needs.models import Need
    from zhaoshang.projects.models import Enterprise, Project

    return {"project": (Project, "项目", "projects:detail"), "need": (Need, "企业诉求", "needs:detail"),
            "enterprise": (Enterprise, "企业", "projects:enterprise")}


def kind_of_model(model) -> str | None:
    registry = registry_of_model(model)
    if registry is not None:
        return registry.key
    return next((kind for kind, (m, _, _) in _pipeline_kinds().items() if m is model), None)


def kind_label(kind: str) -> str:
    registry = all_registries().get(kind)
    if registry is not None:
        return registry.name
    return _pipeline_kinds().get(kind, (None, kind, None))[1]


def kinds() -> list[tuple[str, str]]:
    """Every kind a link can point at, with its label (the link form's choices)."""
    pipeline = [(kind, label) for kind, (_, label, _) in _pipeline_kinds().items() if kind not in all_registries()]
    return [*[(key, r.name) for key, r in all_registries().items()], *pipeline]


def visible_rows(user, kind: str):
    """The rows of `kind` the user may see (a unit user: its own projects and needs; every registry row)."""
    registry = all_registries().get(kind)
    if registry is not None:
        return registry.model.objects.all()
    if kind == "project":
        from zhaoshang.projects.selectors import listed_projects

        return listed_projects(user)
    if kind == "need":
        from zhaoshang.needs.selectors import needs_for

        return needs_for(user=user)
    if kind == "enterprise":
        return _pipeline_kinds()["enterprise"][0].objects.all()
    return None


def url_of(kind: str, pk: int) -> str:
    if kind in all_registries():
        return reverse("registries:detail", args=[kind, pk])
    return reverse(_pipeline_kinds()[kind][2], args=[pk])


def _named(user, kind: str, ids) -> dict[int, str]:
    rows = visible_rows(user, kind)
    if rows is None or not ids:
        return {}
    return {row.pk: str(row) for row in rows.filter(pk__in=list(ids))}


def _pipeline_rows_pointing_at(user, obj) -> list[Linked]:
    """The projects and needs whose columns (a foreign key, or a project's investors) name `obj`: an enterprise's
    projects and needs on its directory page."""
    found = []
    for kind, (model, label, _) in _pipeline_kinds().items():
        if kind in all_registries():
            continue
        for model_field in model._meta.get_fields():
            if not (model_field.concrete and (model_field.many_to_one or model_field.many_to_many)):
                continue
            if model_field.related_model is not type(obj):
                continue
            rows = visible_rows(user, kind).filter(**{model_field.name: obj.pk}).order_by("-pk")[:ROWS_PER_SOURCE]
            found.extend(Linked(str(model_field.verbose_name), kind, label, row.pk, str(row), url_of(kind, row.pk)) for row in rows)
    return found


def links_of(*, user, kind: str, obj, pipeline: bool = False) -> list[Linked]:
    """Everything linked to `obj` (a row of `kind`), both ways, that `user` may see; with `pipeline`, also the
    projects and needs whose columns name it (a registry row's page; the pipeline's own pages list them already)."""
    found: list[Linked] = _pipeline_rows_pointing_at(user, obj) if pipeline else []
    # the row's own link columns
    for model_field in obj._meta.fields:
        if not (model_field.is_relation and model_field.many_to_one) or model_field.name in ("owner_unit", "created_by", "deleted_by"):
            continue
        target_kind = kind_of_model(model_field.related_model)
        target_id = getattr(obj, model_field.attname)
        if target_kind and target_id:
            names = _named(user, target_kind, [target_id])
            if target_id in names:
                found.append(Linked(str(model_field.verbose_name), target_kind, kind_label(target_kind), target_id,
                                    names[target_id], url_of(target_kind, target_id)))
    # other registries' columns pointing here
    for registry in all_registries().values():
        for model_field in registry.model._meta.fields:
            if model_field.is_relation and model_field.many_to_one and kind_of_model(model_field.related_model) == kind:
                rows = registry.model.objects.filter(**{model_field.attname: obj.pk})[:ROWS_PER_SOURCE]
                found.extend(Linked(str(model_field.verbose_name), registry.key, registry.name, row.pk, str(row),
                                    url_of(registry.key, row.pk)) for row in rows)
    # free links, both ways
    links = RegistryLink.objects.filter(Q(from_kind=kind, from_id=obj.pk) | Q(to_kind=kind, to_id=obj.pk)).order_by("id")
    by_kind: dict[str, set[int]] = {}
    pairs = []
    for link in links:
        other = (link.to_kind, link.to_id) if (link.from_kind, link.from_id) == (kind, obj.pk) else (link.from_kind, link.from_id)
        pairs.append((link, other))
        by_kind.setdefault(other[0], set()).add(other[1])
    names = {k: _named(user, k, ids) for k, ids in by_kind.items()}
    labels = dict(LinkRelation.choices)
    for link, (other_kind, other_id) in pairs:
        if other_id in names.get(other_kind, {}):
            found.append(Linked(labels.get(link.relation, link.relation), other_kind, kind_label(other_kind), other_id,
                                names[other_kind][other_id], url_of(other_kind, other_id), link.pk))
    return found


class LinkTargetNotFound(ValueError):
    """The named row cannot be linked to; the message says why."""


def find_linkable(user, kind: str, ref: str) -> int:
    """The id of the row of `kind` the user means by `ref`: its number, its exact name, or a name part that finds one
    row (registries search their index). LinkTargetNotFound names what went wrong."""
    rows = visible_rows(user, kind)
    ref = (ref or "").strip()[:100]
    if rows is None or not ref:
        raise LinkTargetNotFound("请选择对象类型并填写名称或编号")
    if ref.isascii() and ref.isdigit():
        if len(ref) <= 18 and rows.filter(pk=int(ref)).exists():
            return int(ref)
        raise LinkTargetNotFound(f"没有编号为{ref}的{kind_label(kind)}（或无权查看）")
    named = list(rows.filter(name=ref).values_list("pk", flat=True)[:2]) if has_name(rows.model) else []
    if not named and kind in all_registries():
        from zhaoshang.search.selectors import search_ids

        named = list(rows.filter(pk__in=search_ids(kind, ref, limit=20).ids).values_list("pk", flat=True)[:2])
    elif not named and has_name(rows.model):
        named = list(rows.filter(name__icontains=ref).values_list("pk", flat=True)[:2])
    if len(named) == 1:
        return named[0]
    if not named:
        raise LinkTargetNotFound(f"没有找到名称含“{ref}”的{kind_label(kind)}（或无权查看）")
    raise LinkTargetNotFound(f"名称含“{ref}”的{kind_label(kind)}不止一个，请填写全称或编号")

