"""A first guess of each indicator's kind and filter from the notice's words (pure; the office corrects it).

Reads the parser's indicator (value, unit, comparator, year, per split, items, minimum amount) and the target's
text: "招引/引进…项目N个" counts projects, "…投资额…亿元" sums them, "增长N%" is growth of a count (签约数) or of an
amount (投资额); the stage is 注册/开工/投产 when the text says so, else 签约; channels and tags are recognised by
their names; a count of what a registry keeps (基金N只, 科创中心N个, 定向输送N名 …) counts that registry's rows
(registry_guess.py), per period when the number recurs (每月1次); everything else (产值 …) is a value the responsible
unit reports. A target with no number at all becomes a milestone."""

import re
from dataclasses import dataclass, field
from decimal import Decimal

from zhaoshang.kpis.choices import CountStage, Kind
from zhaoshang.kpis.registry_guess import Countable, guess_registry, period_of
from zhaoshang.plans.choices import Comparator, PerSplit
from zhaoshang.projects.choices import Channel

STAGE_WORDS = [("投产", CountStage.PRODUCING), ("开工", CountStage.STARTED), ("注册", CountStage.REGISTERED),
               ("签约", CountStage.SIGNED)]
CHANNEL_WORDS = [("楚商", Channel.CHUSHANG), ("以商引商", Channel.BUSINESS), ("基金", Channel.FUND),
                 ("平台", Channel.PLATFORM), ("国企", Channel.SOE), ("国有企业", Channel.SOE)]
PROJECT_WORDS = re.compile(r"项目|企业")
ATTRACT_WORDS = re.compile(r"招引|引进|引入|签约|注册|开工|投产|落地|新增")
AMOUNT_WORDS = re.compile(r"投资额|投资总额|总投资")
COUNT_UNITS = {"个", "家", "项"}
MONEY_UNITS = {"亿元", "万元"}


@dataclass
class Part:
    """One per-chain or per-item part of a split indicator."""

    label: str
    chain_id: int | None = None
    tag_ids: list[int] = field(default_factory=list)
    channel: str = ""


@dataclass
class Spec:
    text: str
    kind: str
    goal: Decimal
    unit: str
    comparator: str = Comparator.AT_LEAST
    stage: str = CountStage.SIGNED
    channel: str = ""
    tag_ids: list[int] = field(default_factory=list)
    chain_ids: list[int] = field(default_factory=list)
    min_amount_wan: Decimal | None = None
    parts: list[Part] = field(default_factory=list)
    period: str = ""
    registry: str = ""
    registry_filter: dict[str, str] = field(default_factory=dict)
    registry_sum: str = ""


def _stage(text: str) -> str:
    return next((stage for word, stage in STAGE_WORDS if word in text), CountStage.SIGNED)


def _channel(text: str) -> str:
    return next((channel for word, channel in CHANNEL_WORDS if word in text), "")


def tag_matches(text: str, tags: dict[str, int]) -> list[int]:
    """Tags named in the text; a scenario tag also by its name without 场景 (农业场景 ← 农业现代化应用场景)."""
    found = []
    for name, tag_id in tags.items():
        stem = name.removesuffix("场景")
        if name in text or (stem != name and len(stem) >= 2 and stem in text):
            found.append(tag_id)
    return found


def _kind(ind: dict, text: str) -> str:
    unit = ind.get("unit") or ""
    if ind.get("comparator") == Comparator.GROWTH:
        return Kind.GROWTH_AMOUNT if AMOUNT_WORDS.search(text) else Kind.GROWTH_COUNT
    if unit in COUNT_UNITS and PROJECT_WORDS.search(text) and ATTRACT_WORDS.search(text):
        return Kind.PROJECT_COUNT
    if unit in MONEY_UNITS and AMOUNT_WORDS.search(text) and PROJECT_WORDS.search(text):
        return Kind.AMOUNT_SUM
    return Kind.REPORTED


def derive(ind: dict, target_text: str, tags: dict[str, int], chains: list[tuple[int, str]],
           registries: list[Countable] = ()) -> Spec:
    """The indicator `ind` (the plan's Indicator fields) of a target, as a first guess of what counts.

    `tags` maps tag names to ids; `chains` are the (id, name) of the chains of the target's tasks; `registries` what
    the kit's registries count (registry_guess.countables)."""
    text = ind["text"]
    kind = _kind(ind, text)
    comparator = ind.get("comparator")
    spec = Spec(text=text, kind=kind, goal=Decimal(str(ind["value"])), unit=ind.get("unit") or "",
                comparator=comparator if comparator in (Comparator.AT_LEAST, Comparator.AT_MOST) else Comparator.AT_LEAST)
    if kind in (Kind.GROWTH_COUNT, Kind.GROWTH_AMOUNT):
        spec.unit = "%"
    if kind in (Kind.REPORTED, Kind.PROJECT_COUNT) and not ind.get("per"):
        key, where, head = guess_registry(text, spec.unit, list(registries), projects=kind == Kind.PROJECT_COUNT)
        if key:
            spec.kind, spec.registry, spec.registry_filter, spec.registry_sum = Kind.REGISTRY_COUNT, key, where, head
            spec.period = period_of(text)  # only registry counts recur ("每月举办1次…互通会")
            return spec
    if kind == Kind.REPORTED:
        return spec
    spec.stage = _stage(text)
    spec.channel = _channel(text) or _channel(target_text)
    spec.min_amount_wan = ind.get("min_amount_wan")
    if ind.get("per") == PerSplit.CHAIN:
        spec.parts = [Part(label=name, chain_id=chain_id) for chain_id, name in chains]
        spec.chain_ids = [chain_id for chain_id, _ in chains]
    elif ind.get("per") == PerSplit.EACH and ind.get("items"):
        spec.parts = [_item_part(item, tags) for item in ind["items"]]
        spec.tag_ids = sorted({tag for part in spec.parts for tag in part.tag_ids})
    else:
        spec.tag_ids = tag_matches(text, tags) or tag_matches(target_text, tags)
    return spec


def _item_part(item: str, tags: dict[str, int]) -> Part:
    """An item of "生产性服务业、生活性服务业项目各1": a tag of that name, else a channel, else just its name."""
    return Part(label=item, tag_ids=tag_matches(item, tags), channel=_channel(item))


def milestone(target_text: str) -> Spec:
    """A target without a number: done or not, with evidence."""
    return Spec(text=target_text[:300], kind=Kind.MILESTONE, goal=Decimal(1), unit="项")
