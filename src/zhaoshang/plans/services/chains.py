"""The office's edits to a plan's industry chains: add, edit, merge."""

from django.db import transaction

from zhaoshang.core.audit import audit_record, snapshot
from zhaoshang.core.services import object_soft_delete, require
from zhaoshang.plans.errors import PlanError
from zhaoshang.plans.models import Chain, ChainLink, Plan


def _split_links(text: str) -> list[str]:
    parts = text.replace("—", "-").replace("→", "-").replace("－", "-").split("-")
    return [p.strip() for p in parts if p.strip()]


def _set_links(chain: Chain, links_text: str, weak_text: str) -> None:
    chain.links.all().delete()
    rows = [ChainLink(chain=chain, name=n[:50], order=i) for i, n in enumerate(_split_links(links_text))]
    weak = [w.strip() for w in weak_text.replace("，", "、").replace(",", "、").split("、") if w.strip()]
    rows += [ChainLink(chain=chain, name=n[:50], is_weak=True, order=i) for i, n in enumerate(weak)]
    ChainLink.objects.bulk_create(rows)


def _links_snapshot(chain: Chain) -> dict:
    return {**snapshot(chain), "links": [(link.name, link.is_weak) for link in chain.links.all()]}


@transaction.atomic
def chain_create(*, actor, plan: Plan, name: str, category: str = "", is_future: bool = False,
                 lead_unit=None, links_text: str = "", weak_text: str = "") -> Chain:
    """Add a chain the notice did not name."""
    require(actor, "manage")
    name = name.strip()
    if not name:
        raise PlanError("产业链名称不能为空。")
    if plan.chains.filter(name=name).exists():
        raise PlanError(f"产业链“{name}”已存在。")
    chain = Chain.objects.create(plan=plan, name=name[:50], category=category[:30], is_future=is_future,
                                 lead_unit=lead_unit, order=plan.chains.count())
    _set_links(chain, links_text, weak_text)
    audit_record(actor=actor, action="create", obj=chain, after=_links_snapshot(chain))
    return chain


@transaction.atomic
def chain_update(*, actor, chain: Chain, name: str, category: str, is_future: bool, lead_unit,
                 links_text: str, weak_text: str) -> Chain:
    """Edit a chain's name, category, lead unit and links."""
    require(actor, "manage")
    name = name.strip()
    if not name:
        raise PlanError("产业链名称不能为空。")
    if chain.plan.chains.filter(name=name).exclude(pk=chain.pk).exists():
        raise PlanError(f"产业链“{name}”已存在，如为同一产业链请使用合并。")
    before = _links_snapshot(chain)
    chain.name, chain.category, chain.is_future, chain.lead_unit = name[:50], category[:30], is_future, lead_unit
    chain.save()
    _set_links(chain, links_text, weak_text)
    audit_record(actor=actor, action="update", obj=chain, before=before, after=_links_snapshot(chain))
    return chain


@transaction.atomic
def chain_merge(*, actor, source: Chain, into: Chain) -> Chain:
    """Fold `source` into `into`: its links join, and it is kept (soft-deleted) pointing at `into`."""
    require(actor, "manage")
    if source.pk == into.pk or source.plan_id != into.plan_id:
        raise PlanError("只能合并同一任务清单中的两条不同产业链。")
    before = _links_snapshot(into)
    known = {(link.name, link.is_weak) for link in into.links.all()}
    next_order = into.links.count()
    for link in source.links.all():
        if (link.name, link.is_weak) not in known:
            ChainLink.objects.create(chain=into, name=link.name, is_weak=link.is_weak, order=next_order)
            next_order += 1
    source_before = snapshot(source)
    source.merged_into = into
    source.save(update_fields=["merged_into"])
    object_soft_delete(obj=source, actor=actor)
    audit_record(actor=actor, action="merge", obj=source, before=source_before, after=snapshot(source))
    audit_record(actor=actor, action="merge_into", obj=into, before=before, after=_links_snapshot(into))
    return into
