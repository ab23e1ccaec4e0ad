"""The industry resource registries (产业资源库) of tasks 3, 5 and 8: the agricultural microbe strain bank (农业微生物
菌种库), the agricultural scenario list (农业招商场景清单), the energy project bank (能源项目库) and the planned promotion
projects (策划推介项目库), each a typed registry on the shared kit (registries.models.RegistryEntry)."""

import re
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from zhaoshang.industry.choices import (EnergyProjectKind, EnergyProjectStage, PromoStatus, ScenarioDirection,
                                        ScenarioStatus, StrainStatus, StrainUse)
from zhaoshang.registries.models import RegistryEntry
from zhaoshang.registries.rules import amount_field, number_or_none, positive_errors

LATIN_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9 .\-()]*$")








class Strain(RegistryEntry):
    """A strain of the agricultural microbe bank (农业微生物菌种库): what it is, what for, who holds it and how far it
    has come (保藏 → 研发 → 产业化); `since` is when it entered the bank (入库日期)."""

    name = models.CharField("菌种名称", max_length=100)
    latin_name = models.CharField("拉丁学名", max_length=150, blank=True)
    strain_number = models.CharField("菌株/保藏编号", max_length=50, blank=True, help_text="如：CGMCC No.12345")
    use = models.CharField("用途", max_length=16, choices=StrainUse.choices, default=StrainUse.FERTILIZER)
    function = models.TextField("功能特性", blank=True)
    holder = models.CharField("保藏/持有机构", max_length=100, blank=True, help_text="高校、科研院所或保藏中心")
    enterprise = models.ForeignKey("projects.Enterprise", null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="strains", verbose_name="持有/应用企业")
    status = models.CharField("状态", max_length=16, choices=StrainStatus.choices, default=StrainStatus.DEPOSITED)
    contact_name = models.CharField("联系人", max_length=30, blank=True)
    contact_phone = models.CharField("联系电话", max_length=30, blank=True)

    class Meta(RegistryEntry.Meta):
        verbose_name = verbose_name_plural = "农业微生物菌种库"
        indexes = [models.Index(fields=["deleted_at", "status", "use"], name="strain_status_use"),
                   models.Index(fields=["deleted_at", "strain_number"], name="strain_number"),
                   models.Index(fields=["deleted_at", "enterprise"], name="strain_enterprise")]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        errors = {}
        self.latin_name = (self.latin_name or "").strip()
        if self.latin_name and not LATIN_NAME.match(self.latin_name):
            errors["latin_name"] = "拉丁学名只能包含英文字母、数字、空格、点、横线和括号"
        if not (self.holder or "").strip() and self.enterprise_id is None:
            errors["holder"] = "请填写保藏/持有机构或选择持有企业"
        if self.status == StrainStatus.INDUSTRIALISED and self.enterprise_id is None:
            errors["enterprise"] = "已产业化的菌种请选择持有/应用企业"
        if errors:
            raise ValidationError(errors)


class Scenario(RegistryEntry):
    """An agricultural investment scenario (农业招商场景): what is offered where, for how much, to whom, and whether
    it has landed as a project; `since` is the day it was published (发布日期), `until` when it was withdrawn."""

    name = models.CharField("场景名称", max_length=100)
    direction = models.CharField("场景方向", max_length=16, choices=ScenarioDirection.choices,
                                 default=ScenarioDirection.SMART_FARMING)
    chain = models.ForeignKey("plans.Chain", null=True, blank=True, on_delete=models.SET_NULL, related_name="scenarios",
                              verbose_name="所属产业链")
    location = models.CharField("场景地点", max_length=200, blank=True)
    content = models.TextField("场景内容/建设内容", blank=True)
    investment_wan = amount_field("投资估算(万元)")
    target_enterprises = models.TextField("目标企业", blank=True, help_text="拟定向推介、“一对一”对接的企业")
    status = models.CharField("状态", max_length=12, choices=ScenarioStatus.choices, default=ScenarioStatus.PUBLISHED)
    project = models.ForeignKey("projects.Project", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="scenarios", verbose_name="落地项目")
    contact_name = models.CharField("联系人", max_length=30, blank=True)
    contact_phone = models.CharField("联系电话", max_length=30, blank=True)

    class Meta(RegistryEntry.Meta):
        verbose_name = verbose_name_plural = "农业招商场景清单"
        indexes = [models.Index(fields=["deleted_at", "status", "direction"], name="scenario_status_direction"),
                   models.Index(fields=["deleted_at", "since"], name="scenario_published")]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        errors = positive_errors(self, {"investment_wan": "投资估算"})
        if self.status == ScenarioStatus.LANDED and self.project_id is None:
            errors["project"] = "已落地的场景请选择落地项目"
        if self.status == ScenarioStatus.PUBLISHED and self.project_id is not None:
            errors["status"] = "已有对接项目的场景，状态应为“对接中”或“已落地”"
        if errors:
            raise ValidationError(errors)


class EnergyProject(RegistryEntry):
    """A project of the energy project bank (能源项目库, updated as it moves): kind, capacity, investment and stage;
    `since` is when it entered the bank (入库日期), `until` when it left it (出库日期)."""

    name = models.CharField("项目名称", max_length=150)
    kind = models.CharField("能源类型", max_length=12, choices=EnergyProjectKind.choices, default=EnergyProjectKind.SOLAR)
    capacity = amount_field("建设规模", 14, 2)
    capacity_unit = models.CharField("规模单位", max_length=20, blank=True, help_text="如：兆瓦、兆瓦时、万立方米/年、吨/日")
    investment_wan = amount_field("总投资(万元)")
    stage = models.CharField("项目阶段", max_length=12, choices=EnergyProjectStage.choices,
                             default=EnergyProjectStage.PLANNING)
    location = models.CharField("建设地点", max_length=200, blank=True)
    park = models.ForeignKey("resources.Park", null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="energy_projects", verbose_name="所在园区")
    investor = models.CharField("投资主体", max_length=100, blank=True)
    enterprise = models.ForeignKey("projects.Enterprise", null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="energy_projects", verbose_name="投资企业")
    progress = models.TextField("进展情况", blank=True)
    updated_on = models.DateField("进展更新日期", null=True, blank=True)
    project = models.ForeignKey("projects.Project", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="energy_projects", verbose_name="招商项目")
    contact_name = models.CharField("联系人", max_length=30, blank=True)
    contact_phone = models.CharField("联系电话", max_length=30, blank=True)

    class Meta(RegistryEntry.Meta):
        verbose_name = verbose_name_plural = "能源项目库"
        indexes = [models.Index(fields=["deleted_at", "kind", "stage"], name="energy_project_kind_stage"),
                   models.Index(fields=["deleted_at", "stage"], name="energy_project_stage"),
                   models.Index(fields=["deleted_at", "updated_on"], name="energy_project_updated")]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        errors = positive_errors(self, {"capacity": "建设规模", "investment_wan": "总投资"})
        if number_or_none(self.capacity) is not None and not (self.capacity_unit or "").strip():
            errors["capacity_unit"] = "填写了建设规模，请同时填写其单位"
        if self.updated_on and self.updated_on > timezone.localdate():
            errors["updated_on"] = "进展更新日期不能晚于今天"
        if errors:
            raise ValidationError(errors)


class PromoProject(RegistryEntry):
    """A planned project offered to investors (策划推介项目): chain, investment, land, whom it was pitched to and the
    pipeline project it became when signed; `since` is when it entered the bank (入库日期), `until` when it left it."""

    name = models.CharField("项目名称", max_length=150)
    chain = models.ForeignKey("plans.Chain", null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="promo_projects", verbose_name="所属产业链")
    content = models.TextField("建设内容", blank=True)
    investment_wan = models.DecimalField("总投资(万元)", max_digits=14, decimal_places=2)
    land_mu = amount_field("用地(亩)", 12, 2)
    location = models.CharField("拟选址", max_length=200, blank=True)
    park = models.ForeignKey("resources.Park", null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="promo_projects", verbose_name="所在园区")
    status = models.CharField("状态", max_length=12, choices=PromoStatus.choices, default=PromoStatus.PLANNING)
    pitched_to = models.TextField("推介对象", blank=True, help_text="已推介的企业、商会或活动")
    project = models.ForeignKey("projects.Project", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="promo_projects", verbose_name="签约项目")
    contact_name = models.CharField("联系人", max_length=30, blank=True)
    contact_phone = models.CharField("联系电话", max_length=30, blank=True)

    class Meta(RegistryEntry.Meta):
        verbose_name = verbose_name_plural = "策划推介项目库"
        indexes = [models.Index(fields=["deleted_at", "status"], name="promo_project_status"),
                   models.Index(fields=["deleted_at", "chain", "status"], name="promo_project_chain")]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        errors = positive_errors(self, {"investment_wan": "总投资", "land_mu": "用地"})
        if self.status == PromoStatus.SIGNED and self.project_id is None:
            errors["project"] = "已签约的项目请选择项目库中的签约项目"
        if self.status != PromoStatus.SIGNED and self.project_id is not None:
            errors["status"] = "已关联签约项目的，状态应为“已签约”"
        if errors:
            raise ValidationError(errors)
