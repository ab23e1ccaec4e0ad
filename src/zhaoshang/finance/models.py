"""The policy and finance registries of the notice's task 9 (产业政策包; 整合银行、保险等金融机构信贷资源): the
policies (产业政策), their clauses (政策条款, matched to an enterprise or a project by chain and minimum investment),
the credit products of banks, insurers and guarantors (金融信贷资源), and the financing matches between a product and
an enterprise (融资对接记录), each a typed registry on the shared kit (registries.models.RegistryEntry)."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q

from zhaoshang.finance.choices import CLOSED_MATCH, InstitutionKind, MatchStatus, PolicyLevel, ProductKind, SupportKind
from zhaoshang.needs.choices import NeedType
from zhaoshang.network.models import not_masked
from zhaoshang.registries.models import RegistryEntry
from zhaoshang.registries.rules import amount_field, number_or_none, positive_errors

MAX_RATE_PERCENT = Decimal("36")  # above it a yearly rate is not a lawful credit product
MAX_TERM_MONTHS = 600








class Policy(RegistryEntry):
    """An industrial policy document (产业政策) of the 产业政策包: who issued it, its number, the chains it covers, its
    conditions and money; `since` is when it takes effect (施行日期), `until` when it lapses (失效日期)."""

    name = models.CharField("政策名称", max_length=200)
    document_number = models.CharField("文号", max_length=60, blank=True, help_text="如：潜政规〔2025〕3号")
    issuer = models.CharField("发文单位", max_length=100, blank=True)
    level = models.CharField("政策层级", max_length=12, choices=PolicyLevel.choices, default=PolicyLevel.CITY)
    chain = models.ForeignKey("plans.Chain", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                              verbose_name="主要适用产业链", help_text="面向全部产业的政策留空")
    chains_text = models.CharField("适用产业", max_length=200, blank=True, help_text="适用多个产业时逐一列出")
    summary = models.TextField("主要内容", blank=True)
    conditions = models.TextField("申报条件", blank=True)
    amount_wan = amount_field("资金规模(万元)")
    department = models.CharField("兑现责任单位", max_length=100, blank=True)
    url = models.CharField("原文链接", max_length=300, blank=True, validators=[URLValidator(schemes=["http", "https"])],
                           help_text="以http://或https://开头")

    class Meta(RegistryEntry.Meta):
        verbose_name = verbose_name_plural = "产业政策"
        indexes = [models.Index(fields=["deleted_at", "level"], name="policy_level"),
                   models.Index(fields=["deleted_at", "chain"], name="policy_chain"),
                   models.Index(fields=["deleted_at", "since", "until"], name="policy_in_force")]
        constraints = [models.UniqueConstraint(
            fields=["document_number"], condition=~Q(document_number="") & Q(deleted_at__isnull=True),
            name="policy_one_document_number", violation_error_message="该文号的政策已录入，请勿重复录入")]

    def __str__(self) -> str:
        return self.name  # as imports name it (a clause's 所属政策 column)

    def clean(self):
        super().clean()
        self.document_number = (self.document_number or "").strip()
        errors = positive_errors(self, {"amount_wan": "资金规模"})
        if errors:
            raise ValidationError(errors)


class PolicyClause(RegistryEntry):
    """One clause of a policy (政策条款): the support it gives, the chain it is for (empty: every chain), the minimum
    investment it asks and its amount or share; `since`/`until` its own term when it differs from the policy's.
    selectors.clauses_for matches clauses to an enterprise or a project."""

    policy = models.ForeignKey(Policy, on_delete=models.PROTECT, related_name="clauses", verbose_name="所属政策")
    clause_number = models.CharField("条款序号", max_length=20, blank=True, help_text="如：第五条")
    name = models.CharField("支持事项", max_length=200)
    kind = models.CharField("支持方式", max_length=12, choices=SupportKind.choices, default=SupportKind.SUBSIDY)
    chain = models.ForeignKey("plans.Chain", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                              verbose_name="适用产业链", help_text="适用全部产业链时留空")
    min_investment_wan = amount_field("最低投资额(万元)", help_text="项目计划总投资达到此额度方可申报，无要求留空")
    condition = models.TextField("申报条件", blank=True)
    amount_wan = amount_field("最高支持金额(万元)")
    ratio_percent = models.DecimalField("支持比例(%)", max_digits=5, decimal_places=2, null=True, blank=True,
                                        help_text="按投资额、租金等的比例支持时填写")

    class Meta(RegistryEntry.Meta):
        verbose_name = verbose_name_plural = "政策条款"
        indexes = [models.Index(fields=["deleted_at", "chain", "min_investment_wan"], name="clause_chain_investment"),
                   models.Index(fields=["deleted_at", "policy"], name="clause_policy"),
                   models.Index(fields=["deleted_at", "kind"], name="clause_kind")]

    def __str__(self) -> str:
        return f"{self.clause_number} {self.name}" if self.clause_number else self.name

    def clean(self):
        super().clean()
        errors = positive_errors(self, {"amount_wan": "最高支持金额", "ratio_percent": "支持比例",
                                         "min_investment_wan": "最低投资额"}, zero_ok=("min_investment_wan",))
        ratio = number_or_none(self.ratio_percent)
        if ratio is not None and ratio > 100:
            errors["ratio_percent"] = "支持比例不能超过100%"
        policy = self.policy if self.policy_id else None
        if policy is not None:
            if self.since and policy.since and self.since < policy.since:
                errors["since"] = "条款施行日期不能早于所属政策的施行日期"
            if self.until and policy.until and self.until > policy.until:
                errors["until"] = "条款失效日期不能晚于所属政策的失效日期"
        if errors:
            raise ValidationError(errors)


class FinanceProduct(RegistryEntry):
    """A credit product of a bank, insurer, guarantor or fund (金融信贷资源): how much, at what rate, for how long, on
    what conditions, and who to call; `since` is when it was offered (发布日期), `until` when it was withdrawn."""

    name = models.CharField("产品名称", max_length=100)
    institution = models.CharField("金融机构", max_length=100)
    institution_kind = models.CharField("机构类型", max_length=12, choices=InstitutionKind.choices, default=InstitutionKind.BANK)
    product_kind = models.CharField("产品类型", max_length=16, choices=ProductKind.choices, default=ProductKind.WORKING_CAPITAL)
    amount_wan = amount_field("单户最高额度(万元)")
    quota_wan = amount_field("总授信规模(万元)")
    rate_percent = models.DecimalField("年利率/费率(%)", max_digits=6, decimal_places=3, null=True, blank=True,
                                       help_text="参考年化利率或费率")
    rate_note = models.CharField("利率说明", max_length=60, blank=True, help_text="如：LPR+30BP、贴息后2.5%")
    term_months = models.PositiveSmallIntegerField("最长期限(月)", null=True, blank=True)
    guarantee = models.CharField("担保方式", max_length=60, blank=True, help_text="如：信用、抵押、保证、知识产权质押")
    chain = models.ForeignKey("plans.Chain", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                              verbose_name="重点支持产业链", help_text="面向全部产业时留空")
    conditions = models.TextField("准入条件", blank=True)
    contact_name = models.CharField("联系人", max_length=30, blank=True)
    contact_phone = models.CharField("联系电话", max_length=30, blank=True, validators=[not_masked])

    class Meta(RegistryEntry.Meta):
        verbose_name = verbose_name_plural = "金融信贷资源"
        indexes = [models.Index(fields=["deleted_at", "institution_kind", "product_kind"], name="finance_kinds"),
                   models.Index(fields=["deleted_at", "institution"], name="finance_institution"),
                   models.Index(fields=["deleted_at", "chain"], name="finance_chain")]

    def __str__(self) -> str:
        return self.name  # as imports name it: the institution is a column of its own

    def clean(self):
        super().clean()
        errors = positive_errors(self, {"amount_wan": "单户最高额度", "quota_wan": "总授信规模", "rate_percent": "年利率"},
                                  zero_ok=("rate_percent",))
        rate, amount, quota = number_or_none(self.rate_percent), number_or_none(self.amount_wan), number_or_none(self.quota_wan)
        if rate is not None and rate > MAX_RATE_PERCENT:
            errors["rate_percent"] = f"年利率不能超过{MAX_RATE_PERCENT}%（请填写百分数，如3.45）"
        if amount is not None and quota is not None and amount > quota:
            errors["amount_wan"] = "单户最高额度不能大于总授信规模"
        term = number_or_none(self.term_months)
        if term is not None and not 1 <= term <= MAX_TERM_MONTHS:
            errors["term_months"] = f"期限应在1至{MAX_TERM_MONTHS}个月之间"
        if errors:
            raise ValidationError(errors)


class FinanceMatch(RegistryEntry):
    """A financing match (融资对接记录) between a product and an enterprise, answering its 融资 need when there is one;
    `since` is the day of the match (counted by it), `until` the day it closed (放款或终止)."""

    since = models.DateField("对接日期")  # required here: a match is counted by the day it was made
    name = models.CharField("对接事项", max_length=200, blank=True, help_text="如：二期扩产设备贷款")
    enterprise = models.ForeignKey("projects.Enterprise", on_delete=models.PROTECT, related_name="finance_matches",
                                   verbose_name="融资企业")
    product = models.ForeignKey(FinanceProduct, on_delete=models.PROTECT, related_name="matches", verbose_name="金融产品")
    project = models.ForeignKey("projects.Project", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="finance_matches", verbose_name="项目")
    need = models.ForeignKey("needs.Need", null=True, blank=True, on_delete=models.SET_NULL, related_name="finance_matches",
                             verbose_name="融资诉求")
    amount_wan = models.DecimalField("融资需求(万元)", max_digits=14, decimal_places=2)
    status = models.CharField("对接状态", max_length=12, choices=MatchStatus.choices, default=MatchStatus.IN_PROGRESS)
    lent_wan = amount_field("放款金额(万元)")
    result = models.TextField("对接情况", blank=True, help_text="未成功的请写明原因")

    class Meta(RegistryEntry.Meta):
        verbose_name = verbose_name_plural = "融资对接记录"
        indexes = [models.Index(fields=["deleted_at", "status", "since"], name="finance_match_status_day"),
                   models.Index(fields=["deleted_at", "since", "owner_unit"], name="finance_match_day_unit"),
                   models.Index(fields=["enterprise"], name="finance_match_enterprise"),
                   models.Index(fields=["product"], name="finance_match_product")]

    def __str__(self) -> str:
        what = self.name or (self.product.name if self.product_id else "")
        return f"{self.enterprise}·{what}" if self.enterprise_id else what

    def clean(self):
        super().clean()
        errors = positive_errors(self, {"amount_wan": "融资需求", "lent_wan": "放款金额"})
        if self.status == MatchStatus.LENT and number_or_none(self.lent_wan) is None and "lent_wan" not in errors:
            errors["lent_wan"] = "已放款的记录请填写放款金额"
        if self.status != MatchStatus.LENT and self.lent_wan is not None:
            errors["lent_wan"] = "只有已放款的记录才填写放款金额"
        if self.status == MatchStatus.FAILED and not self.result.strip():
            errors["result"] = "未成功的对接请写明原因"
        if self.status not in CLOSED_MATCH and self.until is not None:
            errors["until"] = "对接中的记录不能有办结日期"
        if self.need_id:
            need = self.need
            if need.need_type != NeedType.FINANCE:
                errors["need"] = "只能关联“融资”类企业诉求"
            elif need.enterprise_id and self.enterprise_id and need.enterprise_id != self.enterprise_id:
                errors["need"] = "该融资诉求不是所选企业提出的"
        if errors:
            raise ValidationError(errors)
