"""Turning the names people type (产业链, 渠道, 单位, 标签) into rows; shared by the API and the Excel import."""

from zhaoshang.accounts.models import Unit
from zhaoshang.accounts.resolution import UnitIndex
from zhaoshang.plans.models import Chain, ChainLink
from zhaoshang.projects.choices import Channel
from zhaoshang.projects.errors import ProjectError
from zhaoshang.projects.models import Tag

CHANNEL_BY_NAME = {**{label: value for value, label in Channel.choices}, **{value: value for value in Channel.values},
                   "平台招商": Channel.PLATFORM, "基金": Channel.FUND, "国企": Channel.SOE, "科创": Channel.SCITECH}


def channel_value(name: str) -> str:
    value = CHANNEL_BY_NAME.get((name or "").strip())
    if value is None:
        raise ProjectError(f"招引渠道“{name}”不正确，可选：{'、'.join(Channel.labels)}")
    return value


def chain_named(name: str, plan=None) -> Chain | None:
    """The live, unmerged chain of that name (in `plan` if given, else the newest plan having it)."""
    if not name:
        return None
    chains = Chain.objects.filter(name=name.strip(), merged_into__isnull=True, plan__deleted_at__isnull=True)
    chain = (chains.filter(plan=plan) if plan else chains.order_by("-plan__issued_on", "-plan_id")).first()
    if chain is None:
        raise ProjectError(f"产业链“{name}”不存在")
    return chain


def chain_link_named(chain: Chain | None, name: str) -> ChainLink | None:
    """The link of that name on `chain` (none for an empty name)."""
    if not name:
        return None
    link = ChainLink.objects.filter(chain=chain, name=name.strip()).first() if chain else None
    if link is None:
        raise ProjectError(f"产业链环节“{name}”不属于产业链“{chain.name}”" if chain else "请先选择产业链，再填写产业链环节")
    return link


def chain_ids_named(name: str) -> list[int]:
    """Every chain called `name`, in any plan: what a filter by chain name matches.

    Looked up first, so that the project query filters on a list of ids, which SQLite reads from a chain index; a join
    to the chains leaves the planner free to walk every project in date order instead."""
    return list(Chain.all_objects.filter(name=name).values_list("pk", flat=True))


def unit_named(name: str, index: UnitIndex | None = None) -> Unit:
    resolution = (index or UnitIndex()).resolve(name or "")
    if not resolution.resolved:
        raise ProjectError(f"单位“{name}”不存在")
    return resolution.unit


def tags_named(names) -> list[Tag]:
    names = [n.strip() for n in names if n and n.strip()]
    tags = {t.name: t for t in Tag.objects.filter(name__in=names)}
    unknown = [n for n in names if n not in tags]
    if unknown:
        raise ProjectError(f"标签“{'、'.join(unknown)}”不在标签列表中，请联系督办办公室添加")
    return [tags[n] for n in names]
