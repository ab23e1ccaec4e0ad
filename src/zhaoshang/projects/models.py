"""Enterprises (the directory and the investors), projects with their chain, channel and tags, and every dated stage change."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from zhaoshang.accounts.models import Unit
from zhaoshang.core.models import LIVE, RestrictedQuerySet, SoftDeleteModel, live_index
from zhaoshang.plans.chain_rules import link_in_chain
from zhaoshang.plans.models import Chain, ChainLink
from zhaoshang.plans.storage import private_storage
from zhaoshang.projects.choices import Channel, ChainRole, Ownership, Priority, Stage, State, TagKind
from zhaoshang.projects.credit_code import credit_code_error
from zhaoshang.registries.models import RegistryEntry

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class Enterprise(RegistryEntry):
    """An enterprise of the directory (企业名录): an investor of the pipeline, a firm already in the city, or one the
    targeting ranks; a registered company (with its credit code), a foreign or not-yet-registered investor.
    `since` is its founding date (成立日期), `until` when it was deregistered or moved away (注销/迁出日期)."""

    name = models.CharField("企业名称", max_length=200, db_index=True)
    credit_code = models.CharField("统一社会信用代码", max_length=18, blank=True, db_index=True)
    registration_status = models.CharField("登记状态", max_length=20, blank=True)  # 存续/在业/注销/吊销/迁出, as exported
    legal_rep = models.CharField("法定代表人", max_length=30, blank=True)
    registered_capital_wan = models.DecimalField("注册资本(万元)", max_digits=16, decimal_places=2, null=True, blank=True)
    ownership = models.CharField("企业性质", max_length=12, choices=Ownership.choices, blank=True)
    origin_province = models.CharField("来源省份", max_length=20, blank=True)
    origin_city = models.CharField("来源城市", max_length=30, blank=True)
    origin_county = models.CharField("所属区县", max_length=30, blank=True)
    is_overseas = models.BooleanField("境外", default=False)
    is_listed = models.BooleanField("上市企业", default=False)
    exchange = models.CharField("上市地", max_length=30, blank=True)
    stock_code = models.CharField("股票代码", max_length=20, blank=True)
    industry = models.CharField("所属行业", max_length=50, blank=True)
    industry_code = models.CharField("行业代码", max_length=10, blank=True, help_text="国民经济行业分类代码，如C2614")
    business_scope = models.TextField("经营范围", blank=True)
    chain = models.ForeignKey(Chain, null=True, blank=True, on_delete=models.SET_NULL, related_name="enterprises", verbose_name="所属产业链")
    chain_link = models.ForeignKey(ChainLink, null=True, blank=True, on_delete=models.SET_NULL, related_name="enterprises",
                                   verbose_name="产业链环节")
    chain_role = models.CharField("链上角色", max_length=12, choices=ChainRole.choices, blank=True)
    priority = models.CharField("优先级", max_length=8, choices=Priority.choices, blank=True)
    phone = models.CharField("电话", max_length=30, blank=True)
    email = models.CharField("邮箱", max_length=100, blank=True)
    website = models.CharField("网址", max_length=200, blank=True)
    is_local = models.BooleanField("本地企业", default=False, help_text="已在本地落户经营的企业")

    class Meta(RegistryEntry.Meta):
        ordering = ["name", "id"]
        verbose_name = verbose_name_plural = "企业"
        constraints = [models.UniqueConstraint(fields=["credit_code"], condition=~models.Q(credit_code="") & models.Q(deleted_at__isnull=True),
                                               name="one_enterprise_per_credit_code")]
        # the directory's filters (registries/filters.py), soft deletion first like the pipeline's indexes
        indexes = [
            models.Index(fields=["deleted_at", "chain", "chain_link"], name="enterprise_chain"),
            models.Index(fields=["deleted_at", "ownership"], name="enterprise_ownership"),
            models.Index(fields=["deleted_at", "is_local", "chain"], name="enterprise_local"),
            models.Index(fields=["deleted_at", "chain_role"], name="enterprise_chain_role"),
            models.Index(fields=["deleted_at", "priority"], name="enterprise_priority"),
            models.Index(fields=["deleted_at", "origin_province", "origin_city"], name="enterprise_origin"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        if self.credit_code:
            error = credit_code_error(self.credit_code)
            if error:
                raise ValidationError({"credit_code": error})
        if self.is_listed and not self.stock_code:
            raise ValidationError({"stock_code": "上市企业请填写股票代码"})
        if self.registered_capital_wan is not None and self.registered_capital_wan < 0:
            raise ValidationError({"registered_capital_wan": "注册资本不能为负数"})
        if self.email and not EMAIL.match(self.email):
            raise ValidationError({"email": f"邮箱“{self.email}”格式不正确"})
        link_in_chain(self)


class Contact(models.Model):
    """A person at an enterprise; phones are masked in exports for roles that should not see them."""

    enterprise = models.ForeignKey(Enterprise, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField("姓名", max_length=30)
    title = models.CharField("职务", max_length=50, blank=True)
    phone = models.CharField("电话", max_length=30, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "联系人"

    def __str__(self) -> str:
        return self.name


class Tag(models.Model):
    """A sector or scenario tag (农业场景, 数字经济, 能源 …); the office manages the list."""

    name = models.CharField("标签", max_length=30, unique=True)
    kind = models.CharField("类别", max_length=10, choices=TagKind.choices, default=TagKind.SECTOR)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = verbose_name_plural = "项目标签"

    def __str__(self) -> str:
        return self.name


# what indicator filters read besides the date a stage was reached (kpis/rules.py): covered by the stage indexes
KPI_COLUMNS = ["state", "terminated_on", "chain", "channel", "amount_wan", "channel_detail", "tag_bits"]


def kpi_seek_columns(lead: str) -> list[str]:
    """An indicator index led by a filter column (chain, channel) and then a stage's date: the other filter columns."""
    return [column for column in KPI_COLUMNS if column not in (lead, "state")]


class Project(SoftDeleteModel):
    """An attracted project from first contact to production."""

    UNIT_SCOPE = "lead_unit_id"

    # not indexed by itself (see the partial indexes below); the recycle bin reads `project_deleted`
    deleted_at = models.DateTimeField("删除时间", null=True, blank=True, editable=False)
    name = models.CharField("项目名称", max_length=200)
    enterprises = models.ManyToManyField(Enterprise, related_name="projects", verbose_name="投资企业")
    amount_wan = models.DecimalField("计划总投资(万元)", max_digits=14, decimal_places=2)
    fixed_asset_wan = models.DecimalField("其中固定资产投资(万元)", max_digits=14, decimal_places=2, null=True, blank=True)
    chain = models.ForeignKey(Chain, null=True, blank=True, on_delete=models.SET_NULL, related_name="projects", verbose_name="产业链")
    chain_link = models.ForeignKey(ChainLink, null=True, blank=True, on_delete=models.SET_NULL, related_name="projects", verbose_name="产业链环节")
    tags = models.ManyToManyField(Tag, blank=True, related_name="projects", verbose_name="标签")
    channel = models.CharField("招引渠道", max_length=10, choices=Channel.choices, default=Channel.DIRECT)
    channel_detail = models.CharField("渠道说明", max_length=100, blank=True, help_text="哪个平台/基金/国企")
    park = models.CharField("落户园区", max_length=50, blank=True)
    town = models.CharField("所在镇街", max_length=50, blank=True)
    lead_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="projects", verbose_name="牵头单位")
    team = models.CharField("招商专班", max_length=50, blank=True)
    chief_officer = models.CharField("首席服务官", max_length=30, blank=True)
    source = models.CharField("项目来源/线索", max_length=200, blank=True)
    notes = models.TextField("备注", blank=True)
    stage = models.CharField("阶段", max_length=12, choices=Stage.choices, default=Stage.LEAD, db_index=True)
    state = models.CharField("状态", max_length=10, choices=State.choices, default=State.ACTIVE, db_index=True)
    stage_since = models.DateField("进入当前阶段日期")
    state_reason = models.CharField("停滞/终止原因", max_length=300, blank=True)
    # the date each stage was reached (kept for counting; cleared when a project moves back before it)
    signed_on = models.DateField("签约日期", null=True, blank=True)
    registered_on = models.DateField("注册日期", null=True, blank=True)
    started_on = models.DateField("开工日期", null=True, blank=True)
    producing_on = models.DateField("投产日期", null=True, blank=True)
    terminated_on = models.DateField("终止日期", null=True, blank=True)
    # the project's tags as bits (projects/tagging.py), kept with the tags: indicator counts filter by tag from the covering
    # stage indexes instead of looking up the tag table once per project (bench/kpi.py)
    tag_bits = models.BigIntegerField(default=0, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = verbose_name_plural = "项目"
        indexes = [
            models.Index(fields=["stage", "state", "updated_at"], name="project_stage_state"),
            models.Index(fields=["lead_unit", "stage"], name="project_unit_stage"),
            models.Index(fields=["deleted_at"], condition=~LIVE, name="project_deleted"),
            # bench/pipeline.py: the list's and the kanban's rows in date order (of all projects, of a stage, of a chain's
            # stage), each walked in order from a partial index of the live projects and stopped after a page. An index
            # led by deleted_at cannot give PostgreSQL the order (IS NULL is no equality to its planner): it would read
            # and sort every project.
            live_index("updated_at", "id", name="project_recent"),
            live_index("stage", "updated_at", "id", "state", name="project_stage_recent"),
            live_index("chain", "stage", "updated_at", "id", "state",
                         name="project_chain_stage_recent"),
            # the per-stage totals of a list filtered by what the tallies do not keep (a tag, an amount), from one covering
            # index. Every index here is partial, of the live projects: a bare deleted_at index would tempt SQLite, which
            # without ANALYZE statistics takes `deleted_at IS NULL` for a selective condition, away from them all.
            live_index("stage", "state", "amount_wan", "tag_bits", name="project_stage_totals"),
            live_index("chain", "stage", "state", "amount_wan", name="project_chain_totals"),
            # a year of one stage's dates: the indicators' counts (kpis/figures.py)
            live_index("signed_on", *KPI_COLUMNS, name="project_kpi_signed"),
            live_index("registered_on", *KPI_COLUMNS, name="project_kpi_registered"),
            live_index("started_on", *KPI_COLUMNS, name="project_kpi_started"),
            live_index("producing_on", *KPI_COLUMNS, name="project_kpi_producing"),
            # one chain's or one channel's projects of a year of a stage, for the indicators that filter on them
            # (kpis/figures.py reads the index list: a stage and column without one are counted in the year's scan)
            live_index("chain", "signed_on", *kpi_seek_columns("chain"), name="project_kpi_chain_signed"),
            live_index("channel", "signed_on", *kpi_seek_columns("channel"),
                         name="project_kpi_channel_signed"),
            live_index("channel", "registered_on", *kpi_seek_columns("channel"),
                         name="project_kpi_channel_registered"),
            live_index("channel", "started_on", *kpi_seek_columns("channel"),
                         name="project_kpi_channel_started"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        if self.amount_wan is not None and self.amount_wan <= 0:
            raise ValidationError({"amount_wan": "计划总投资应大于0"})
        if self.fixed_asset_wan is not None and self.amount_wan is not None and self.fixed_asset_wan > self.amount_wan:
            raise ValidationError({"fixed_asset_wan": "固定资产投资不能大于计划总投资"})
        link_in_chain(self, fill_chain=False)


class StageChange(models.Model):
    """A dated move of a project: when it happened (maybe earlier than entered), who, why, the evidence."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="stage_changes")
    from_stage = models.CharField(max_length=12, choices=Stage.choices, blank=True)
    to_stage = models.CharField(max_length=12, choices=Stage.choices)
    from_state = models.CharField(max_length=10, choices=State.choices, blank=True)
    to_state = models.CharField(max_length=10, choices=State.choices, default=State.ACTIVE)
    happened_on = models.DateField("发生日期")
    note = models.CharField("说明", max_length=500, blank=True)
    evidence = models.FileField("佐证材料", storage=private_storage, upload_to="evidence/%Y/%m/", blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    entered_at = models.DateTimeField(auto_now_add=True)

    objects = models.Manager.from_queryset(RestrictedQuerySet)()

    class Meta:
        ordering = ["project", "happened_on", "id"]
        verbose_name = verbose_name_plural = "阶段变更"
        indexes = [models.Index(fields=["to_stage", "happened_on"]), models.Index(fields=["project", "happened_on"])]

    def __str__(self) -> str:
        return f"{self.project} → {self.get_to_stage_display()} {self.happened_on}"


class StageRetreat(models.Model):
    """A counted stage a project lost by moving back: it counted from `reached_on` until `retreated_on`.

    The project's own *_on field is cleared when it moves back; this row keeps "as of" figures of the past right."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="retreats")
    stage = models.CharField(max_length=12, choices=Stage.choices)
    reached_on = models.DateField("到达日期")
    retreated_on = models.DateField("回退日期")

    class Meta:
        verbose_name = verbose_name_plural = "阶段回退"
        indexes = [models.Index(fields=["stage", "reached_on"])]

    def __str__(self) -> str:
        return f"{self.project} {self.get_stage_display()} {self.reached_on}–{self.retreated_on}"


class ProjectTally(models.Model):
    """How many live projects there are, and their planned investment, per (lead unit, chain, channel, state, stage)
    at grain 1, per (state, stage) alone at grain 0 (the city's totals, unit/chain/channel 0 or ""), and per (tag,
    lead unit, state, stage) at grain 2 (`tag_bit`: the tag's bit in Project.tag_bits, 0 at the other grains; a project
    counts once under each of its tags).

    Kept by database triggers (projects/tally_triggers.py) in the transaction of every write to the projects, bulk
    ones included, and recounted after every migrate: the list's and the kanban's totals read tens of rows here
    instead of summing every project. The amount is in 0.01 万元 (an integer: a running sum of decimals would drift
    on SQLite, which adds them as floats). Never written by Python."""

    UNIT_SCOPE = "lead_unit_id"

    grain = models.SmallIntegerField()
    tag_bit = models.SmallIntegerField(default=0)
    lead_unit_id = models.BigIntegerField()  # the filter's field names (projects/filters.py), so one FilterSet serves
    chain_id = models.BigIntegerField()  # 0: no chain
    channel = models.CharField(max_length=10)
    state = models.CharField(max_length=10, choices=State.choices)
    stage = models.CharField(max_length=12, choices=Stage.choices)
    project_count = models.BigIntegerField()
    amount_fen = models.BigIntegerField()

    objects = models.Manager.from_queryset(RestrictedQuerySet)()

    class Meta:
        verbose_name = verbose_name_plural = "项目汇总"
        constraints = [models.UniqueConstraint(fields=["grain", "tag_bit", "lead_unit_id", "chain_id", "channel", "state",
                                                       "stage"], name="one_tally_row_per_tag")]
        indexes = [models.Index(fields=["grain", "chain_id", "stage", "state", "project_count", "amount_fen"],
                                name="tally_chain"),
                   models.Index(fields=["grain", "channel", "stage", "state", "project_count", "amount_fen"],
                                name="tally_channel")]


class ProjectYearTally(models.Model):
    """How many live projects of each lead unit and state signed, started or began producing in each year: the
    list's cohort counts. Kept with ProjectTally, by the same triggers."""

    UNIT_SCOPE = "lead_unit_id"

    lead_unit_id = models.BigIntegerField()
    milestone = models.CharField(max_length=12)  # "signed_on", "started_on", "producing_on": the project's date field
    year = models.IntegerField()
    state = models.CharField(max_length=10, choices=State.choices)
    project_count = models.BigIntegerField()

    objects = models.Manager.from_queryset(RestrictedQuerySet)()

    class Meta:
        verbose_name = verbose_name_plural = "项目年度汇总"
        constraints = [models.UniqueConstraint(fields=["milestone", "year", "state", "lead_unit_id"], name="one_year_tally_row")]
