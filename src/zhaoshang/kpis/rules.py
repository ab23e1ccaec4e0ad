"""What counts towards a project indicator, as database filters and in words.

A project counts towards an indicator of year Y as of day d when it reached the indicator's stage (签约 unless the
target says 注册/开工/投产) between 1 January of Y and min(d, 31 December of Y) — days are Asia/Shanghai dates —,
matches the filter (chains, any of the tags, channel, channel detail, planned investment ≥ the minimum: exactly
10000万元 counts for "亿元以上") and was not terminated on or before d. A project that moved back before the stage
stops counting from the day it moved: its reach is then kept as a StageRetreat row, counted only while it held."""

import datetime
from dataclasses import dataclass, replace
from decimal import Decimal

from django.db.models import F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from zhaoshang.core.formatting import format_wan
from zhaoshang.kpis.choices import AMOUNT_KINDS, GROWTH_KINDS, PROJECT_KINDS, CountStage, Kind, Period
from zhaoshang.kpis.models import Kpi
from zhaoshang.kpis.registries import rule_words
from zhaoshang.projects.choices import REACHED, Channel
from zhaoshang.projects.models import Project, StageRetreat
from zhaoshang.projects.tagging import tags_q


@dataclass(frozen=True)
class Window:
    """The days of the year that count as of a date; empty before the year starts."""

    start: datetime.date
    end: datetime.date

    @classmethod
    def of(cls, year: int, as_of: datetime.date) -> "Window":
        return cls(datetime.date(year, 1, 1), min(datetime.date(year, 12, 31), as_of))

    @property
    def empty(self) -> bool:
        return self.end < self.start


def stage_field(stage: str) -> str:
    """The project field holding the day it reached `stage`."""
    return REACHED[stage]


def alive_on(as_of: datetime.date) -> Q:
    """Not terminated on or before `as_of`."""
    return Q(terminated_on__isnull=True) | Q(terminated_on__gt=as_of)


SEEK_COLUMNS = ("chain", "channel")  # the rule's parts a query may select projects by first (kpis/figures.py)


@dataclass(frozen=True)
class Rule:
    """What a project must match to count towards an indicator: any of the chains, any of the tags, the channel, the
    channel detail, planned investment ≥ the minimum. Hashable: indicators with the same rule share one measure."""

    chain_ids: tuple[int, ...] = ()
    tag_ids: tuple[int, ...] = ()
    channel: str = ""
    channel_detail: str = ""
    min_amount_wan: Decimal | None = None

    @classmethod
    def of(cls, kpi: Kpi) -> "Rule":
        """Reads kpi.chains and kpi.tags through .all(), so prefetch them."""
        return cls(tuple(chain.pk for chain in kpi.chains.all()), tuple(tag.pk for tag in kpi.tags.all()), kpi.channel,
                   kpi.channel_detail, kpi.min_amount_wan)

    def values_of(self, column: str) -> tuple:
        """The values it names in one of SEEK_COLUMNS."""
        if column == "chain":
            return self.chain_ids
        return (self.channel,) if self.channel else ()

    def without(self, column: str) -> "Rule":
        """The rule but for that column (the query selects by it already)."""
        return replace(self, chain_ids=()) if column == "chain" else replace(self, channel="")

    def q(self) -> Q:
        """As a filter on projects. Tags are read from the project's tag bits (any of them set), or for a tag without a
        bit from the tag table."""
        q = Q()
        if self.chain_ids:
            q &= Q(chain_id__in=self.chain_ids)
        if self.tag_ids:
            q &= tags_q(list(self.tag_ids))
        if self.channel:
            q &= Q(channel=self.channel)
        if self.channel_detail:
            q &= Q(channel_detail__contains=self.channel_detail)
        if self.min_amount_wan is not None:
            q &= Q(amount_wan__gte=amount_literal(self.min_amount_wan))
        return q


def filter_q(kpi: Kpi) -> Q:
    """The indicator's filter on projects (chains, tags, channel, detail, amount)."""
    return Rule.of(kpi).q()


def amount_literal(amount: Decimal):
    """A whole amount as an integer parameter: SQLite gets decimals as text and converts them for every row compared
    (bench/kpi.py: a third of a chain's count), while it stores amounts as numbers, so 10000 compares exactly as
    '10000.00' does; PostgreSQL compares numeric with integer exactly. Other amounts stay decimals."""
    whole = amount.to_integral_value()
    return Value(int(whole)) if amount == whole else amount


def reached_q(stage: str, window: Window) -> Q:
    """Projects that hold the stage now and reached it within the window (the current *_on field)."""
    field = stage_field(stage)
    return Q(**{f"{field}__gte": window.start, f"{field}__lte": window.end})


def retreat_q(stage: str, window: Window, as_of: datetime.date) -> Q:
    """StageRetreat rows of reaches within the window still held on `as_of` (moved back later), of live projects."""
    return Q(stage=stage, reached_on__gte=window.start, reached_on__lte=window.end, retreated_on__gt=as_of,
             project__deleted_at__isnull=True)


def held_q(stage: str, window: Window, as_of: datetime.date) -> Q:
    """Projects that held `stage`, reached within the window, on `as_of` and were not terminated by then."""
    retreated = StageRetreat.objects.filter(retreat_q(stage, window, as_of)).values("project_id")
    return (reached_q(stage, window) | Q(pk__in=retreated)) & alive_on(as_of)


def with_reached_on(projects, stage: str, window: Window, as_of: datetime.date):
    """Each project with `counted_on`, the day it reached the stage: its own date, or the lost reach it counts by."""
    lost = StageRetreat.objects.filter(retreat_q(stage, window, as_of), project=OuterRef("pk")).order_by("-reached_on")
    return projects.annotate(counted_on=Coalesce(F(stage_field(stage)), Subquery(lost.values("reached_on")[:1])))


def counted_projects(kpi: Kpi, as_of: datetime.date, year: int | None = None):
    """The projects behind the figure (the drill-down rows), as one queryset."""
    window = Window.of(year or kpi.year, as_of)
    if window.empty:
        return Project.objects.none()
    return Project.objects.filter(held_q(kpi.stage, window, as_of) & filter_q(kpi))


def _period_words(rule) -> str:
    """A recurring goal in words (a Kpi or a KpiSuggestion): "，每月分别计，每期不少于1次"."""
    if not rule.period:
        return ""
    return f"，{Period(rule.period).label}分别计，每期不少于{rule.goal.normalize():f}{rule.unit}"


def suggestion_rule_text(row) -> str:
    """What a suggested indicator (KpiSuggestion) would count, in words, as rule_text says it of an indicator."""
    if row.registry:
        return rule_words(row.registry, "new", row.registry_filter, row.year, row.registry_sum) + _period_words(row)
    label = row.get_kind_display()
    return f"{label}（{row.get_channel_display()}渠道）" if row.channel else label


def rule_text(kpi: Kpi) -> str:
    """The rule in words: "2025年签约、计划投资≥1亿元、属于盐化工产业链的项目（不含已终止）", "2025年新增的园区（级别：国家级）
    的条数"."""
    if kpi.kind == Kind.REGISTRY_COUNT:
        words = rule_words(kpi.registry, kpi.registry_mode, kpi.registry_filter, kpi.year, kpi.registry_sum)
        return words + _period_words(kpi)
    if kpi.kind == Kind.REPORTED:
        return "由报送单位填报、督办办公室确认的最新数值"
    if kpi.kind not in PROJECT_KINDS:
        return "完成即达标（报送单位上传佐证材料，督办办公室确认）"
    parts = [f"{kpi.year}年{CountStage(kpi.stage).label}"]
    if kpi.min_amount_wan is not None:
        parts.append(f"计划投资≥{format_wan(kpi.min_amount_wan)}")
    chains = [chain.name for chain in kpi.chains.all()]
    if chains:
        parts.append(f"属于{'、'.join(chains)}产业链")
    tags = [tag.name for tag in kpi.tags.all()]
    if tags:
        parts.append(f"标签为{'或'.join(tags)}")
    if kpi.channel:
        parts.append(f"招引渠道为{Channel(kpi.channel).label}")
    if kpi.channel_detail:
        parts.append(f"渠道说明含“{kpi.channel_detail}”")
    text = "、".join(parts) + "的项目（不含已终止）"
    if kpi.kind in AMOUNT_KINDS:
        text += "的计划总投资合计"
    else:
        text += "个数"
    if kpi.kind in GROWTH_KINDS:
        text += "，与上年基数按序时折算后相比的增长率"
    return text
