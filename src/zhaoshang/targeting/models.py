"""The directory's registries beside the enterprises themselves (projects.Enterprise is the 企业名录): the technical
needs of enterprises (技术需求清单) and the visits and talks with enterprises and projects (走访/对接记录)."""

from django.core.exceptions import ValidationError
from django.db import models

from zhaoshang.plans.chain_rules import link_in_chain
from zhaoshang.plans.models import Chain, ChainLink
from zhaoshang.projects.models import Enterprise, Project
from zhaoshang.registries.models import RegistryEntry
from zhaoshang.targeting.choices import TechNeedStatus, VisitKind


class TechNeed(RegistryEntry):
    """A technical need of an enterprise (技术需求), matched with a university, an institute or a firm.
    `since` is when it was raised, `until` when it was settled or closed."""

    name = models.CharField("需求名称", max_length=200)
    enterprise = models.ForeignKey(Enterprise, on_delete=models.PROTECT, related_name="tech_needs", verbose_name="需求企业")
    chain = models.ForeignKey(Chain, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="所属产业链")
    chain_link = models.ForeignKey(ChainLink, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="产业链环节")
    tech_field = models.CharField("技术领域", max_length=50, blank=True)
    description = models.TextField("需求描述", blank=True)
    budget_wan = models.DecimalField("预算(万元)", max_digits=14, decimal_places=2, null=True, blank=True)
    status = models.CharField("状态", max_length=12, choices=TechNeedStatus.choices, default=TechNeedStatus.COLLECTING)
    partner = models.CharField("对接单位", max_length=100, blank=True, help_text="对接的高校、院所或企业")
    due_on = models.DateField("期望解决日期", null=True, blank=True)

    class Meta(RegistryEntry.Meta):
        verbose_name = verbose_name_plural = "技术需求"
        indexes = [models.Index(fields=["deleted_at", "status"], name="tech_need_status"),
                   models.Index(fields=["deleted_at", "chain", "chain_link"], name="tech_need_chain"),
                   models.Index(fields=["enterprise"], name="tech_need_enterprise")]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        if self.budget_wan is not None and self.budget_wan < 0:
            raise ValidationError({"budget_wan": "预算不能为负数"})
        if self.status in (TechNeedStatus.MATCHING, TechNeedStatus.SOLVED) and not self.partner:
            raise ValidationError({"partner": "对接中或已解决的需求请填写对接单位"})
        link_in_chain(self)


class Visit(RegistryEntry):
    """A visit, call, talk or reception with an enterprise or about a project (走访/对接记录), made by the owner unit.
    `since` is the day it happened."""

    since = models.DateField("日期")  # required here: a visit is counted by the day it happened
    kind = models.CharField("方式", max_length=10, choices=VisitKind.choices, default=VisitKind.VISIT)
    name = models.CharField("事由", max_length=200, blank=True, help_text="如：洽谈二期扩产用地")
    enterprise = models.ForeignKey(Enterprise, null=True, blank=True, on_delete=models.SET_NULL, related_name="visits",
                                   verbose_name="企业")
    project = models.ForeignKey(Project, null=True, blank=True, on_delete=models.SET_NULL, related_name="visits", verbose_name="项目")
    our_people = models.CharField("我方人员", max_length=200, blank=True)
    their_people = models.CharField("对方人员", max_length=200, blank=True)
    team = models.CharField("招商专班", max_length=50, blank=True)
    outcome = models.TextField("对接成果", blank=True)
    next_step = models.TextField("下一步工作", blank=True)

    class Meta(RegistryEntry.Meta):
        verbose_name = verbose_name_plural = "走访/对接记录"
        indexes = [models.Index(fields=["deleted_at", "since", "owner_unit"], name="visit_day_unit"),
                   models.Index(fields=["deleted_at", "since", "team"], name="visit_day_team"),
                   models.Index(fields=["enterprise"], name="visit_enterprise"),
                   models.Index(fields=["project"], name="visit_project")]

    def __str__(self) -> str:
        who = self.enterprise or self.project
        day = f"{self.since:%Y-%m-%d}" if self.since else ""
        return "".join(part for part in (day, self.get_kind_display(), f"·{who}" if who else "", f"：{self.name}" if self.name else ""))

    def clean(self):
        super().clean()
        if not self.enterprise_id and not self.project_id:
            raise ValidationError({"enterprise": "请填写走访/对接的企业或项目"})


from zhaoshang.targeting.marks import TargetMark  # noqa: E402,F401
