"""The registries of tasks 16-18 (招商平台、基金与国企): external investment platforms (外部招商平台), funds (基金) and
their investments (以投带引), and the SOEs' directed-attraction ledger (国企定向招引台账), each a typed registry on the
shared kit (registries.models.RegistryEntry). The projects a platform brought are RegistryLinks "referred" from the
platform to the project (recorded on the project page, as for a 楚商)."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models

from zhaoshang.accounts.choices import UnitKind
from zhaoshang.accounts.models import Unit
from zhaoshang.network.models import not_masked
from zhaoshang.platforms.choices import (FilingStatus, FundKind, InvestmentStatus, PlatformKind, PlatformStatus, SoeMode,
                                         SoeRole, SoeStatus)
from zhaoshang.registries.models import RegistryEntry
from zhaoshang.registries.rules import amount_field, number_or_none, positive_errors

MAX_PERCENT = Decimal("100")








class Platform(RegistryEntry):
    """An external investment platform the city works with (中伦、粤海 …): what it does, who to call and what it has
    brought; `since` is the day the cooperation agreement was signed, `until` the day it ends."""

    name = models.CharField("平台名称", max_length=100)
    kind = models.CharField("平台类型", max_length=12, choices=PlatformKind.choices, default=PlatformKind.CONSULTING)
    status = models.CharField("合作状态", max_length=12, choices=PlatformStatus.choices, default=PlatformStatus.ACTIVE)
    region = models.CharField("所在地区", max_length=50, blank=True, help_text="省/市，如：广东深圳")
    agreement_number = models.CharField("协议编号", max_length=50, blank=True)
    service_scope = models.TextField("服务范围", blank=True)
    chains = models.CharField("对接产业链", max_length=200, blank=True)
    fee_terms = models.CharField("服务费/激励方式", max_length=200, blank=True)
    leads_count = models.PositiveIntegerField("推送线索数", null=True, blank=True)
    meetings_count = models.PositiveIntegerField("组织对接活动数", null=True, blank=True)
    contact_name = models.CharField("联系人", max_length=30, blank=True)
    contact_phone = models.CharField("联系电话", max_length=30, blank=True, validators=[not_masked])

    class Meta(RegistryEntry.Meta):
        verbose_name = verbose_name_plural = "外部招商平台"
        indexes = [models.Index(fields=["deleted_at", "status"], name="platform_status"),
                   models.Index(fields=["deleted_at", "kind"], name="platform_kind"),
                   models.Index(fields=["deleted_at", "since"], name="platform_signed")]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        errors = {}
        if self.status == PlatformStatus.ACTIVE and self.since is None:
            errors["since"] = "合作中的平台请填写协议签订日期"
        if self.status == PlatformStatus.NEGOTIATING and self.since is not None:
            errors["status"] = "已填写协议签订日期的平台，合作状态不能是洽谈中"
        if self.status == PlatformStatus.ENDED and self.until is None:
            errors["until"] = "已终止合作的平台请填写协议终止日期"
        if errors:
            raise ValidationError(errors)


class Fund(RegistryEntry):
    """A fund (产业/并购/科创/天使基金): its scale, who puts in the money, who manages it and what it invests in;
    `since` is its founding date, `until` the day it was deregistered or wound up."""

    name = models.CharField("基金名称", max_length=100)
    kind = models.CharField("基金类型", max_length=12, choices=FundKind.choices, default=FundKind.INDUSTRY)
    scale_wan = amount_field("认缴规模(万元)")
    paid_in_wan = amount_field("实缴规模(万元)")
    government_wan = amount_field("政府/国资出资(万元)")
    sponsors = models.CharField("出资方", max_length=300, blank=True, help_text="主要出资人，多个用顿号分隔")
    manager = models.CharField("基金管理人", max_length=100, blank=True)
    filing_status = models.CharField("备案状态", max_length=12, choices=FilingStatus.choices, default=FilingStatus.NOT_FILED)
    filing_code = models.CharField("备案编码", max_length=20, blank=True, help_text="中国证券投资基金业协会备案编码")
    focus = models.CharField("投资方向", max_length=300, blank=True)
    chain = models.ForeignKey("plans.Chain", null=True, blank=True, on_delete=models.SET_NULL, related_name="funds",
                              verbose_name="聚焦产业链")
    term_years = models.PositiveSmallIntegerField("存续期(年)", null=True, blank=True)
    contact_name = models.CharField("联系人", max_length=30, blank=True)
    contact_phone = models.CharField("联系电话", max_length=30, blank=True, validators=[not_masked])

    class Meta(RegistryEntry.Meta):
        verbose_name = verbose_name_plural = "基金"
        indexes = [models.Index(fields=["deleted_at", "kind"], name="fund_kind"),
                   models.Index(fields=["deleted_at", "filing_status"], name="fund_filing"),
                   models.Index(fields=["deleted_at", "since"], name="fund_founded")]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        self.filing_code = (self.filing_code or "").strip().upper()
        errors = positive_errors(self, {"scale_wan": "认缴规模", "paid_in_wan": "实缴规模", "government_wan": "政府/国资出资"})
        scale = number_or_none(self.scale_wan)
        for name, label in (("paid_in_wan", "实缴规模"), ("government_wan", "政府/国资出资")):
            value = number_or_none(getattr(self, name))
            if name not in errors and scale is not None and value is not None and value > scale:
                errors[name] = f"{label}不能超过认缴规模"
        if self.filing_status == FilingStatus.FILED and not self.filing_code:
            errors["filing_code"] = "已备案的基金请填写备案编码"
        if self.filing_status == FilingStatus.DEREGISTERED and self.until is None:
            errors["until"] = "已注销的基金请填写注销日期"
        if self.until is not None and self.filing_status != FilingStatus.DEREGISTERED:
            errors["filing_status"] = "填写了注销日期的基金，备案状态应为已注销"
        if self.term_years is not None and self.term_years == 0:
            errors["term_years"] = "存续期应大于0"
        if errors:
            raise ValidationError(errors)


class FundInvestment(RegistryEntry):
    """One investment of a fund in an enterprise or a project (以投带引); `since` is the investment day, which the
    indicators count by, `until` the day the fund exited."""

    fund = models.ForeignKey(Fund, on_delete=models.PROTECT, related_name="investments", verbose_name="基金")
    investee = models.CharField("被投企业/项目", max_length=200, blank=True, help_text="不填时取所选企业或项目的名称")
    enterprise = models.ForeignKey("projects.Enterprise", null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="fund_investments", verbose_name="被投企业")
    project = models.ForeignKey("projects.Project", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="fund_investments", verbose_name="引进项目")
    since = models.DateField("投资日期")  # required here: an investment is counted by its day
    amount_wan = amount_field("投资金额(万元)", null=False, blank=False)
    stake_percent = models.DecimalField("持股比例(%)", max_digits=5, decimal_places=2, null=True, blank=True)
    status = models.CharField("投资状态", max_length=10, choices=InvestmentStatus.choices, default=InvestmentStatus.SIGNED)
    is_attracted = models.BooleanField("以投带引落地", default=False, help_text="被投企业或项目因本次投资落户本市")

    class Meta(RegistryEntry.Meta):
        verbose_name = verbose_name_plural = "基金投资"
        indexes = [models.Index(fields=["deleted_at", "fund", "since"], name="fund_investment_fund"),
                   models.Index(fields=["deleted_at", "since"], name="fund_investment_day"),
                   models.Index(fields=["deleted_at", "status"], name="fund_investment_status")]

    def __str__(self) -> str:
        return f"{self.fund}→{self.investee}" if self.fund_id else self.investee

    def clean(self):
        super().clean()
        if not self.investee.strip():
            named = self.project if self.project_id else self.enterprise if self.enterprise_id else None
            self.investee = named.name if named is not None else ""
        errors = positive_errors(self, {"amount_wan": "投资金额"})
        if not (self.enterprise_id or self.project_id):
            errors["enterprise"] = "请选择被投企业或引进项目（至少一项）"
        stake = number_or_none(self.stake_percent)
        if stake is not None and not 0 < stake <= MAX_PERCENT:
            errors["stake_percent"] = "持股比例应大于0且不超过100"
        if self.status == InvestmentStatus.EXITED and self.until is None:
            errors["until"] = "已退出的投资请填写退出日期"
        if self.until is not None and self.status != InvestmentStatus.EXITED:
            errors["status"] = "填写了退出日期的投资，状态应为已退出"
        if errors:
            raise ValidationError(errors)


class SoeProject(RegistryEntry):
    """A project an SOE brings in (国企定向招引台账): which SOE, its role and how, the amounts and where it stands;
    `since` is the day it was entered in the ledger (登记日期), `until` the day it was dropped."""

    name = models.CharField("项目名称", max_length=200)
    soe = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", verbose_name="招引国企")
    project = models.ForeignKey("projects.Project", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="soe_entries", verbose_name="项目库项目")
    enterprise = models.ForeignKey("projects.Enterprise", null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="soe_entries", verbose_name="投资企业")
    chain = models.ForeignKey("plans.Chain", null=True, blank=True, on_delete=models.SET_NULL, related_name="soe_projects",
                              verbose_name="所属产业链")
    direction = models.CharField("产业方向", max_length=100, blank=True, help_text="如：大数据产业园、低空经济、冷链仓储")
    role = models.CharField("国企角色", max_length=10, choices=SoeRole.choices, default=SoeRole.LEAD)
    mode = models.CharField("招引方式", max_length=12, choices=SoeMode.choices, default=SoeMode.INTRODUCE)
    amount_wan = amount_field("计划总投资(万元)")
    soe_amount_wan = amount_field("国企出资(万元)")
    status = models.CharField("进展状态", max_length=12, choices=SoeStatus.choices, default=SoeStatus.NEGOTIATING)
    progress = models.TextField("最新进展", blank=True)
    contact_name = models.CharField("联系人", max_length=30, blank=True)
    contact_phone = models.CharField("联系电话", max_length=30, blank=True, validators=[not_masked])

    class Meta(RegistryEntry.Meta):
        verbose_name = verbose_name_plural = "国企定向招引台账"
        indexes = [models.Index(fields=["deleted_at", "soe", "since"], name="soe_project_soe"),
                   models.Index(fields=["deleted_at", "status"], name="soe_project_status"),
                   models.Index(fields=["deleted_at", "since"], name="soe_project_entered")]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        errors = positive_errors(self, {"amount_wan": "计划总投资", "soe_amount_wan": "国企出资"})
        if self.soe_id is not None and self.soe.kind != UnitKind.SOE:
            errors["soe"] = f"“{self.soe.display_name}”不是国有企业，请选择市属国企"
        total, part = number_or_none(self.amount_wan), number_or_none(self.soe_amount_wan)
        if "soe_amount_wan" not in errors and total is not None and part is not None and part > total:
            errors["soe_amount_wan"] = "国企出资不能超过计划总投资"
        if (self.role == SoeRole.INVESTOR or self.mode == SoeMode.EQUITY) and part is None and "soe_amount_wan" not in errors:
            errors["soe_amount_wan"] = "出资或股权直投的项目请填写国企出资金额"
        if self.status == SoeStatus.STOPPED and self.until is None:
            errors["until"] = "已终止的项目请填写终止日期"
        if errors:
            raise ValidationError(errors)
