"""The innovation registries of the notice's task 12 (科技创新): platforms (科创中心, 离岸科创中心, 研究院, 孵化器,
众创空间 …), the firms and projects they host (入驻企业或项目), technology transfers (科技成果转化), the 高企培育库
and the 科学技术奖励项目库, each a typed registry on the shared kit (registries.models.RegistryEntry)."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from zhaoshang.innovation.choices import (APPLIED_STAGES, OPENED_STATUSES, AwardCategory, AwardGrade, AwardLevel,
                                          AwardStatus, CultivationStage, ExitKind, IncubatorTier, NewSpecies,
                                          PlatformKind, PlatformLevel, PlatformStatus, TransferKind)
from zhaoshang.plans.models import Chain
from zhaoshang.projects.models import Enterprise, Project
from zhaoshang.registries.models import RegistryEntry
from zhaoshang.registries.rules import amount_field, number_or_none, positive_errors

FIRST_YEAR = 2000








def _year_error(year) -> str | None:
    last = timezone.localdate().year + 1
    if number_or_none(year) is not None and not FIRST_YEAR <= year <= last:
        return f"年度应在{FIRST_YEAR}年至{last}年之间"
    return None


class InnovationPlatform(RegistryEntry):
    """A platform of the 1+N+M+L network (科技创新平台): 科创中心, 离岸科创中心 in another city, 研究院 built with a
    university, 孵化器, 众创空间, 研发机构; `since` is the day it opened (the 新增 count), `until` the day it closed."""

    name = models.CharField("平台名称", max_length=100)
    kind = models.CharField("平台类型", max_length=16, choices=PlatformKind.choices, default=PlatformKind.CENTER)
    level = models.CharField("级别", max_length=12, choices=PlatformLevel.choices, blank=True, help_text="未认定级别的留空")
    incubator_tier = models.CharField("孵化器等级", max_length=12, choices=IncubatorTier.choices, blank=True,
                                      help_text="仅科技型企业孵化器填写")
    status = models.CharField("建设状态", max_length=12, choices=PlatformStatus.choices, default=PlatformStatus.OPERATING)
    place = models.CharField("所在地", max_length=100, blank=True, help_text="城市及地址；离岸科创中心填所在城市")
    operator = models.CharField("运营主体", max_length=100, blank=True)
    partner = models.CharField("共建高校/院所", max_length=200, blank=True)
    chain = models.ForeignKey(Chain, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="服务产业链")
    area_sqm = amount_field("面积(㎡)", 12)
    services = models.TextField("服务功能", blank=True, help_text="如：一站式科技服务、概念验证、中试、检验检测")
    contact_name = models.CharField("联系人", max_length=30, blank=True)
    contact_phone = models.CharField("联系电话", max_length=30, blank=True)

    class Meta(RegistryEntry.Meta):
        verbose_name = verbose_name_plural = "科技创新平台"
        indexes = [models.Index(fields=["deleted_at", "kind", "level"], name="innov_platform_kind"),
                   models.Index(fields=["deleted_at", "status"], name="innov_platform_status"),
                   models.Index(fields=["deleted_at", "since"], name="innov_platform_opened"),
                   # the platforms of a kind opened in a year (the indicators), read from the index alone
                   models.Index(fields=["deleted_at", "kind", "since"], name="innov_platform_kind_opened")]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        errors = {}
        area = number_or_none(self.area_sqm)
        if area is not None and area <= 0:
            errors["area_sqm"] = "面积应大于0"
        if self.incubator_tier and self.kind != PlatformKind.INCUBATOR:
            errors["incubator_tier"] = "只有孵化器填写孵化器等级"
        if self.kind == PlatformKind.OFFSHORE_CENTER and not (self.place or "").strip():
            errors["place"] = "离岸科创中心请填写所在城市"
        if self.status in OPENED_STATUSES and self.since is None:
            errors["since"] = "已投用的平台请填写投用日期"
        if self.status not in OPENED_STATUSES and self.since is not None:
            errors["since"] = "谋划中或建设中的平台尚未投用，不填投用日期（投用后改为“运营中”并填写）"
        if self.until is not None and self.status != PlatformStatus.CLOSED:
            errors["until"] = "只有已停运的平台才有停运日期"
        if errors:
            raise ValidationError(errors)


class Incubatee(RegistryEntry):
    """A firm or project that moved into a platform (入驻企业或项目): a startup (初创企业), a technology service
    organisation or any firm; `since` is the day it moved in (the 新增 count), `until` the day it left."""

    platform = models.ForeignKey(InnovationPlatform, on_delete=models.PROTECT, related_name="incubatees", verbose_name="入驻平台")
    name = models.CharField("入驻主体名称", max_length=200, blank=True, help_text="留空时取企业或项目名称")
    enterprise = models.ForeignKey(Enterprise, null=True, blank=True, on_delete=models.SET_NULL, related_name="incubations",
                                   verbose_name="入驻企业")
    project = models.ForeignKey(Project, null=True, blank=True, on_delete=models.SET_NULL, related_name="incubations",
                                verbose_name="入驻项目")
    since = models.DateField("入驻日期")  # required here: an incubatee is counted by the day it moved in
    is_startup = models.BooleanField("初创企业", default=False)
    is_service_org = models.BooleanField("科技服务机构", default=False)
    tech_field = models.CharField("技术领域", max_length=50, blank=True)
    area_sqm = amount_field("入驻面积(㎡)", 10)
    employees = models.PositiveIntegerField("从业人数", null=True, blank=True)
    exit_kind = models.CharField("离孵方式", max_length=12, choices=ExitKind.choices, blank=True)

    class Meta(RegistryEntry.Meta):
        verbose_name = verbose_name_plural = "入驻企业或项目"
        indexes = [models.Index(fields=["deleted_at", "platform", "since"], name="incubatee_platform"),
                   models.Index(fields=["deleted_at", "since", "is_startup"], name="incubatee_startup"),
                   models.Index(fields=["enterprise"], name="incubatee_enterprise"),
                   models.Index(fields=["project"], name="incubatee_project")]

    def __str__(self) -> str:
        return self.name or str(self.enterprise or self.project or "")

    def clean(self):
        super().clean()
        errors = {}
        if not self.enterprise_id and not self.project_id:
            errors["enterprise"] = "请填写入驻的企业或项目"
        elif not (self.name or "").strip():
            self.name = (self.enterprise or self.project).name
        area = number_or_none(self.area_sqm)
        if area is not None and area <= 0:
            errors["area_sqm"] = "入驻面积应大于0"
        if self.until is not None and not self.exit_kind:
            errors["exit_kind"] = "填写了离孵日期，请同时填写离孵方式"
        if self.exit_kind and self.until is None:
            errors["until"] = "填写了离孵方式，请同时填写离孵日期"
        platform = self.platform if self.platform_id else None
        if platform is not None and platform.since and self.since and self.since < platform.since:
            errors["since"] = f"入驻日期不能早于平台投用日期（{platform.since:%Y-%m-%d}）"
        if errors:
            raise ValidationError(errors)


class Achievement(RegistryEntry):
    """A technology transfer (科技成果转化): a result of a university or institute taken up by a local firm by sale,
    licence, equity or joint development; `since` is the day the contract was signed (the 新增 count)."""

    name = models.CharField("成果名称", max_length=200)
    source_institution = models.CharField("成果来源单位", max_length=100, help_text="高校、科研院所或企业")
    enterprise = models.ForeignKey(Enterprise, on_delete=models.PROTECT, related_name="tech_achievements", verbose_name="承接企业")
    project = models.ForeignKey(Project, null=True, blank=True, on_delete=models.SET_NULL, related_name="tech_achievements",
                                verbose_name="应用项目")
    platform = models.ForeignKey(InnovationPlatform, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="achievements", verbose_name="依托平台")
    chain = models.ForeignKey(Chain, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="所属产业链")
    kind = models.CharField("转化方式", max_length=12, choices=TransferKind.choices, default=TransferKind.TRANSFER)
    since = models.DateField("转化日期")  # required here: a transfer is counted by the day its contract was signed
    value_wan = amount_field("合同金额(万元)")
    contract_number = models.CharField("技术合同登记号", max_length=40, blank=True)
    tech_field = models.CharField("技术领域", max_length=50, blank=True)

    class Meta(RegistryEntry.Meta):
        verbose_name = verbose_name_plural = "科技成果转化"
        indexes = [models.Index(fields=["deleted_at", "since", "kind"], name="achieve_signed_kind"),
                   models.Index(fields=["deleted_at", "chain"], name="achieve_chain"),
                   models.Index(fields=["deleted_at", "contract_number"], name="achieve_contract"),
                   models.Index(fields=["enterprise"], name="achieve_enterprise")]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        errors = positive_errors(self, {"value_wan": "合同金额"}, zero_ok=("value_wan",))
        if self.kind == TransferKind.EQUITY and number_or_none(self.value_wan) is None and "value_wan" not in errors:
            errors["value_wan"] = "作价入股请填写作价金额"
        if errors:
            raise ValidationError(errors)


class Cultivation(RegistryEntry):
    """A firm in the 高企培育库 (“高企提升”计划): its stage towards 高新技术企业 recognition, the year of its
    application, its 新物种 class; one live row per firm. `since` is the day it entered the pool, `until` the day it
    left it."""

    enterprise = models.ForeignKey(Enterprise, on_delete=models.PROTECT, related_name="hightech_cultivation", verbose_name="培育企业")
    name = models.CharField("企业名称", max_length=200, blank=True, help_text="留空时取培育企业的名称")
    stage = models.CharField("培育阶段", max_length=12, choices=CultivationStage.choices, default=CultivationStage.POOL)
    year = models.PositiveSmallIntegerField("申报/认定年度", null=True, blank=True)
    new_species = models.CharField("新物种企业", max_length=20, choices=NewSpecies.choices, blank=True)
    tech_field = models.CharField("技术领域", max_length=50, blank=True, help_text="国家重点支持的高新技术领域")
    revenue_wan = amount_field("上年营业收入(万元)")
    rd_expense_wan = amount_field("上年研发投入(万元)")
    certificate_number = models.CharField("高企证书编号", max_length=40, blank=True)
    mentor = models.CharField("帮扶责任人", max_length=30, blank=True)

    class Meta(RegistryEntry.Meta):
        verbose_name = verbose_name_plural = "高企培育库"
        indexes = [models.Index(fields=["deleted_at", "stage", "year"], name="cultiv_stage_year"),
                   models.Index(fields=["deleted_at", "new_species"], name="cultiv_species")]
        constraints = [models.UniqueConstraint(
            fields=["enterprise"], condition=Q(deleted_at__isnull=True), name="cultiv_one_per_enterprise",
            violation_error_message="该企业已在高企培育库中，请修改原记录")]

    def __str__(self) -> str:
        return self.name or (str(self.enterprise) if self.enterprise_id else "")

    def clean(self):
        super().clean()
        if self.enterprise_id and not (self.name or "").strip():
            self.name = self.enterprise.name
        errors = positive_errors(self, {"revenue_wan": "营业收入", "rd_expense_wan": "研发投入"},
                                 zero_ok=("revenue_wan", "rd_expense_wan"))
        if (message := _year_error(self.year)) is not None:
            errors["year"] = message
        elif self.stage in APPLIED_STAGES and self.year is None:
            errors["year"] = f"“{self.get_stage_display()}”的企业请填写申报/认定年度"
        if self.certificate_number and self.stage != CultivationStage.CERTIFIED:
            errors["certificate_number"] = "只有已认定的企业才有高企证书编号"
        revenue, expense = number_or_none(self.revenue_wan), number_or_none(self.rd_expense_wan)
        if revenue is not None and expense is not None and "rd_expense_wan" not in errors and expense > revenue:
            errors["rd_expense_wan"] = "研发投入不能大于营业收入"
        if errors:
            raise ValidationError(errors)

    @property
    def rd_ratio(self) -> Decimal | None:
        """研发投入占营业收入的百分比 (the 高企 test is 3%–5% by revenue band)."""
        revenue, expense = number_or_none(self.revenue_wan), number_or_none(self.rd_expense_wan)
        if not revenue or expense is None:
            return None
        return (Decimal(expense) * 100 / Decimal(revenue)).quantize(Decimal("0.01"))


class AwardProject(RegistryEntry):
    """A project of the 科学技术奖励项目库: a research result of a local firm or institute around the key chains,
    kept in reserve, nominated for a 科学技术奖 and awarded or not; `since` is the day it entered the pool."""

    name = models.CharField("项目名称", max_length=200)
    level = models.CharField("奖励级别", max_length=12, choices=AwardLevel.choices, default=AwardLevel.PROVINCIAL)
    category = models.CharField("奖种", max_length=16, choices=AwardCategory.choices, default=AwardCategory.PROGRESS)
    status = models.CharField("状态", max_length=12, choices=AwardStatus.choices, default=AwardStatus.RESERVE)
    grade = models.CharField("奖励等级", max_length=10, choices=AwardGrade.choices, blank=True)
    year = models.PositiveSmallIntegerField("申报/获奖年度", null=True, blank=True)
    enterprise = models.ForeignKey(Enterprise, null=True, blank=True, on_delete=models.SET_NULL, related_name="award_projects",
                                   verbose_name="完成企业")
    institution = models.CharField("完成单位(高校/院所)", max_length=200, blank=True)
    leader = models.CharField("项目负责人", max_length=30, blank=True)
    chain = models.ForeignKey(Chain, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="所属产业链")
    project = models.ForeignKey(Project, null=True, blank=True, on_delete=models.SET_NULL, related_name="award_projects",
                                verbose_name="应用产业项目")

    class Meta(RegistryEntry.Meta):
        verbose_name = verbose_name_plural = "科学技术奖励项目库"
        indexes = [models.Index(fields=["deleted_at", "status", "level"], name="award_status_level"),
                   models.Index(fields=["deleted_at", "year"], name="award_year"),
                   models.Index(fields=["deleted_at", "chain"], name="award_chain")]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        errors = {}
        if not self.enterprise_id and not (self.institution or "").strip():
            errors["enterprise"] = "请填写完成企业或完成单位(高校/院所)"
        if (message := _year_error(self.year)) is not None:
            errors["year"] = message
        elif self.status != AwardStatus.RESERVE and self.year is None:
            errors["year"] = "推荐申报或已有结果的项目请填写申报/获奖年度"
        if self.status == AwardStatus.AWARDED and not self.grade:
            errors["grade"] = "已获奖的项目请填写奖励等级"
        if self.grade and self.status != AwardStatus.AWARDED:
            errors["grade"] = "只有已获奖的项目才填写奖励等级"
        if errors:
            raise ValidationError(errors)
