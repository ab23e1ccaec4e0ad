"""The talent registries of the notice's task 10: the four talent pools (英才、俊才、专才、匠才四库), the industrial
firms' talent demand (企业人才需求库), the joint training bases (政企学研联合培养基地) and the skilled workers placed
with firms (技能人才输送), each a typed registry on the shared kit (registries.models.RegistryEntry). Recruitment fairs
(招聘会) are events of the `event` registry (network)."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone

from zhaoshang.network.models import not_masked
from zhaoshang.plans.models import Chain
from zhaoshang.projects.models import Enterprise
from zhaoshang.registries.models import RegistryEntry
from zhaoshang.talent.choices import BaseLevel, DemandStatus, Education, SkillLevel, TalentTier
from zhaoshang.registries.rules import number_or_none




def _enterprise(related_name: str, verbose_name: str) -> models.ForeignKey:
    return models.ForeignKey(Enterprise, null=True, blank=True, on_delete=models.SET_NULL, related_name=related_name,
                             verbose_name=verbose_name, help_text="企业名录中的企业（填名称或编号）")


def _chain(related_name: str) -> models.ForeignKey:
    return models.ForeignKey(Chain, null=True, blank=True, on_delete=models.SET_NULL, related_name=related_name,
                             verbose_name="所属产业链")


def _named_enterprise_errors(row, fk: str, name_field: str, label: str) -> dict:
    """A row names its firm either by the directory (the FK, whose name then wins) or by a typed name."""
    enterprise = getattr(row, fk)
    if enterprise is not None:
        setattr(row, name_field, enterprise.name[:row._meta.get_field(name_field).max_length])
        return {}
    if not getattr(row, name_field).strip():
        return {name_field: f"请填写{label}名称，或从企业名录中选择"}
    return {}


class Talent(RegistryEntry):
    """A person in one of the four talent pools; `since` is the day the person entered the pool (入库日期), which the
    indicators count by, `until` the day the person left it (出库)."""

    name = models.CharField("姓名", max_length=30)
    tier = models.CharField("人才类别", max_length=12, choices=TalentTier.choices, default=TalentTier.SPECIALIST)
    field = models.CharField("专业领域", max_length=50, blank=True)
    chain = _chain("talents")
    employer = _enterprise("talents", "工作企业")
    employer_name = models.CharField("工作单位", max_length=100, blank=True,
                                     help_text="选择了企业名录中的企业时自动填写；院校、医院等填写名称")
    title = models.CharField("职称/职务", max_length=50, blank=True)
    education = models.CharField("学历", max_length=12, choices=Education.choices, blank=True)
    skill_level = models.CharField("技能等级", max_length=20, choices=SkillLevel.choices, blank=True)
    is_introduced = models.BooleanField("新引进", default=False, help_text="从市外引进（否：本地培养）")
    phone = models.CharField("联系电话", max_length=30, blank=True, validators=[not_masked])
    email = models.CharField("电子邮箱", max_length=100, blank=True, validators=[not_masked])
    liaison = models.CharField("服务专员", max_length=30, blank=True)
    services = models.TextField("服务保障情况", blank=True, help_text="住房、子女入学、配偶就业、补贴等已提供的服务")
    subsidy_wan = models.DecimalField("已兑现补贴(万元)", max_digits=10, decimal_places=2, null=True, blank=True)
    since = models.DateField("入库日期")  # required: the pool's indicators count people by the day they entered

    class Meta(RegistryEntry.Meta):
        verbose_name = verbose_name_plural = "人才四库"
        # a pool's people by tier, new in a year or in place on a day (the list's filters, the indicators)
        indexes = [models.Index(fields=["deleted_at", "tier", "since", "until"], name="talent_tier_days"),
                   models.Index(fields=["deleted_at", "chain"], name="talent_chain"),
                   models.Index(fields=["deleted_at", "employer"], name="talent_employer"),
                   models.Index(fields=["deleted_at", "since"], name="talent_since")]

    def __str__(self) -> str:
        return f"{self.name}（{self.employer_name}）" if self.employer_name else self.name

    def clean(self):
        super().clean()
        errors = _named_enterprise_errors(self, "employer", "employer_name", "工作单位")
        subsidy = number_or_none(self.subsidy_wan)
        if subsidy is not None and subsidy < 0:
            errors["subsidy_wan"] = "已兑现补贴不能为负数"
        if errors:
            raise ValidationError(errors)


class TalentDemand(RegistryEntry):
    """A firm's demand for people (企业人才需求): post, headcount, skills, by when; `since` is the day it was
    registered (登记日期), `until` the day it was filled or withdrawn."""

    code = models.CharField("需求编号", max_length=30, blank=True, help_text="填写后，再次导入同一编号会更新该需求")
    enterprise = _enterprise("talent_demands", "需求企业")
    enterprise_name = models.CharField("企业名称", max_length=200, blank=True,
                                       help_text="选择了企业名录中的企业时自动填写")
    name = models.CharField("需求岗位", max_length=50)
    chain = _chain("talent_demands")
    headcount = models.PositiveIntegerField("需求人数", validators=[MinValueValidator(1, "需求人数至少为1")])
    filled_count = models.PositiveIntegerField("已到岗人数", default=0)
    education = models.CharField("学历要求", max_length=12, choices=Education.choices, blank=True)
    skill_level = models.CharField("技能等级要求", max_length=20, choices=SkillLevel.choices, blank=True)
    skills = models.TextField("技能/专业要求", blank=True)
    salary_min_wan = models.DecimalField("年薪下限(万元)", max_digits=8, decimal_places=2, null=True, blank=True)
    salary_max_wan = models.DecimalField("年薪上限(万元)", max_digits=8, decimal_places=2, null=True, blank=True)
    due_on = models.DateField("需求截止日期", null=True, blank=True)
    status = models.CharField("状态", max_length=10, choices=DemandStatus.choices, default=DemandStatus.OPEN)
    contact_name = models.CharField("联系人", max_length=30, blank=True)
    contact_phone = models.CharField("联系电话", max_length=30, blank=True, validators=[not_masked])
    since = models.DateField("登记日期")  # required: demands are counted by the day they were registered

    class Meta(RegistryEntry.Meta):
        verbose_name = verbose_name_plural = "企业人才需求"
        indexes = [models.Index(fields=["deleted_at", "status", "due_on"], name="talent_demand_status"),
                   models.Index(fields=["deleted_at", "enterprise"], name="talent_demand_enterprise"),
                   models.Index(fields=["deleted_at", "chain"], name="talent_demand_chain"),
                   models.Index(fields=["deleted_at", "code"], name="talent_demand_code")]

    def __str__(self) -> str:
        return f"{self.enterprise_name} {self.name}" if self.enterprise_name else self.name

    def clean(self):
        super().clean()
        errors = _named_enterprise_errors(self, "enterprise", "enterprise_name", "企业")
        errors |= self._count_errors()
        low, high = number_or_none(self.salary_min_wan), number_or_none(self.salary_max_wan)
        for name, value in (("salary_min_wan", low), ("salary_max_wan", high)):
            if value is not None and value <= 0:
                errors[name] = "年薪应大于0"
        if low is not None and high is not None and low > high and "salary_max_wan" not in errors:
            errors["salary_max_wan"] = "年薪上限不能低于下限"
        if self.due_on and self.since and self.due_on < self.since:
            errors["due_on"] = "需求截止日期不能早于登记日期"
        if self.until and self.status not in (DemandStatus.FILLED, DemandStatus.CLOSED):
            errors["until"] = "只有已满足或已撤回的需求才有结束日期"
        if errors:
            raise ValidationError(errors)

    def _count_errors(self) -> dict:
        headcount, filled = number_or_none(self.headcount), number_or_none(self.filled_count)
        if headcount is None or filled is None or headcount < 1:
            return {}
        if filled > headcount:
            return {"filled_count": "已到岗人数不能超过需求人数"}
        if self.status == DemandStatus.FILLED and filled < headcount:
            return {"status": "已到岗人数少于需求人数，不能标为已满足"}
        if self.status == DemandStatus.PARTLY and not 0 < filled < headcount:
            return {"status": "部分到岗的需求，已到岗人数应大于0且少于需求人数"}
        if self.status == DemandStatus.OPEN and filled == headcount:
            return {"status": "已到岗人数已达需求人数，请将状态改为已满足"}
        return {}


class TrainingBase(RegistryEntry):
    """A joint training base of government, firm, school and research (政企学研联合培养基地); `since` is the day it
    started (挂牌/启动日期), which the indicators count by, `until` the day it ended."""

    name = models.CharField("基地名称", max_length=100)
    school = models.CharField("合作院校/培训机构", max_length=100)
    enterprise = _enterprise("training_bases", "合作企业")
    enterprise_name = models.CharField("合作企业名称", max_length=200, blank=True,
                                       help_text="选择了企业名录中的企业时自动填写")
    research_partner = models.CharField("合作科研机构", max_length=100, blank=True)
    chain = _chain("training_bases")
    level = models.CharField("级别", max_length=10, choices=BaseLevel.choices, default=BaseLevel.CITY)
    programme = models.CharField("培养方向/专业", max_length=100)
    students_per_year = models.PositiveIntegerField("年培养规模(人)", null=True, blank=True)
    trained_total = models.PositiveIntegerField("累计培养人数", null=True, blank=True)
    placed_total = models.PositiveIntegerField("累计输送企业人数", null=True, blank=True)
    contact_name = models.CharField("联系人", max_length=30, blank=True)
    contact_phone = models.CharField("联系电话", max_length=30, blank=True, validators=[not_masked])
    since = models.DateField("挂牌日期")  # required: a base counts from the day it started

    class Meta(RegistryEntry.Meta):
        verbose_name = verbose_name_plural = "政企学研联合培养基地"
        indexes = [models.Index(fields=["deleted_at", "since"], name="training_base_since"),
                   models.Index(fields=["deleted_at", "chain"], name="training_base_chain"),
                   models.Index(fields=["deleted_at", "enterprise"], name="training_base_enterprise")]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        errors = _named_enterprise_errors(self, "enterprise", "enterprise_name", "合作企业")
        if number_or_none(self.students_per_year) == 0:
            errors["students_per_year"] = "年培养规模应大于0"
        trained, placed = number_or_none(self.trained_total), number_or_none(self.placed_total)
        if trained is not None and placed is not None and placed > trained:
            errors["placed_total"] = "累计输送企业人数不能超过累计培养人数"
        if errors:
            raise ValidationError(errors)


class Placement(RegistryEntry):
    """Skilled workers placed with a firm (技能人才输送): one person, or a batch with its head count; `since` is the
    day they started at the firm (输送日期), which the indicators count by."""

    name = models.CharField("姓名/批次", max_length=100, help_text="一人一行填姓名；整批输送填批次名称并填写人数")
    headcount = models.PositiveIntegerField("人数", default=1, validators=[MinValueValidator(1, "人数至少为1")])
    enterprise = _enterprise("placements", "接收企业")
    enterprise_name = models.CharField("接收企业名称", max_length=200, blank=True,
                                       help_text="选择了企业名录中的企业时自动填写")
    school = models.CharField("输送院校/机构", max_length=100, blank=True)
    training_base = models.ForeignKey(TrainingBase, null=True, blank=True, on_delete=models.SET_NULL,
                                      related_name="placements", verbose_name="培养基地")
    demand = models.ForeignKey(TalentDemand, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="placements",
                               verbose_name="对应人才需求")
    post = models.CharField("岗位/工种", max_length=50, blank=True)
    skill_level = models.CharField("技能等级", max_length=20, choices=SkillLevel.choices, blank=True)
    chain = _chain("placements")
    is_targeted = models.BooleanField("定向培养", default=False, help_text="按企业需求定向培训后输送")
    since = models.DateField("输送日期")  # required: placements are counted by the day they happened

    class Meta(RegistryEntry.Meta):
        verbose_name = verbose_name_plural = "技能人才输送"
        indexes = [models.Index(fields=["deleted_at", "since"], name="placement_since"),
                   models.Index(fields=["deleted_at", "enterprise"], name="placement_enterprise"),
                   # the people placed in a year, targeted or not (the indicators sum headcount); SQLite seeks no
                   # bare boolean (`WHERE is_targeted`), so the day comes before it
                   models.Index(fields=["deleted_at", "since", "is_targeted", "headcount"], name="placement_headcount")]

    def __str__(self) -> str:
        return f"{self.name}（{self.enterprise_name}）" if self.enterprise_name else self.name

    def clean(self):
        super().clean()
        errors = _named_enterprise_errors(self, "enterprise", "enterprise_name", "接收企业")
        demand = self.demand
        if demand is not None and self.enterprise_id and demand.enterprise_id not in (None, self.enterprise_id):
            errors["demand"] = "对应的人才需求不是接收企业的需求"
        if self.since and self.since > timezone.localdate():
            errors["since"] = "输送日期不能晚于今天"
        if errors:
            raise ValidationError(errors)
