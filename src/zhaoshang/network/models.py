"""The 楚商四库 (楚商信息, 楚才名录, 校友资源, 上市企业), the associations (商协会) and the investment events (招商活动) of
the notice's task 13 and the tasks after it, each a typed registry on the shared kit (registries.models.RegistryEntry).
Who referred a project (以商引商) is a RegistryLink "referred" from a 楚商, an association or an event to the project."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from zhaoshang.accounts.models import Unit
from zhaoshang.network.choices import SIX_DIGIT_EXCHANGES, AssociationKind, EventKind, Exchange, Tier
from zhaoshang.registries.models import RegistryEntry

def not_masked(value: str) -> None:
    """A contact copied from a masked export ("138****5678") would overwrite the real one: refuse it."""
    if "*" in (value or ""):
        raise ValidationError("含“*”的号码是导出时隐藏的号码，请填写完整号码或留空")


STOCK_CODE = re.compile(r"^[0-9A-Z.\-]{1,12}$")
FIRST_GRADUATION_YEAR = 1949


class Association(RegistryEntry):
    """A chamber or association (异地商会, 行业协会 …) the city keeps in touch with; `since` is its founding date."""

    name = models.CharField("商协会名称", max_length=100)
    kind = models.CharField("类别", max_length=16, choices=AssociationKind.choices, default=AssociationKind.REMOTE_CHAMBER)
    region = models.CharField("所在地区", max_length=50, blank=True, help_text="省/市，如：湖北武汉")
    president = models.CharField("会长", max_length=30, blank=True)
    president_company = models.CharField("会长单位", max_length=100, blank=True)
    members_count = models.PositiveIntegerField("会员数", null=True, blank=True)
    secretary = models.CharField("秘书长", max_length=30, blank=True)
    secretary_phone = models.CharField("秘书长电话", max_length=30, blank=True, validators=[not_masked])

    class Meta(RegistryEntry.Meta):
        verbose_name = verbose_name_plural = "商协会"
        indexes = [models.Index(fields=["deleted_at", "kind"], name="association_kind"),
                   models.Index(fields=["deleted_at", "region"], name="association_region")]

    def __str__(self) -> str:
        return self.name


class Chushang(RegistryEntry):
    """A 楚商: someone from the city doing business elsewhere, and who in the government keeps in touch."""

    name = models.CharField("姓名", max_length=30)
    hometown = models.CharField("籍贯镇街", max_length=50, blank=True, help_text="镇/街道")
    company = models.CharField("企业名称", max_length=100, blank=True)
    position = models.CharField("职务", max_length=50, blank=True)
    region = models.CharField("所在地区", max_length=50, blank=True, help_text="省/市，如：广东深圳")
    industry = models.CharField("所属行业", max_length=50, blank=True)
    association = models.ForeignKey(Association, null=True, blank=True, on_delete=models.SET_NULL, related_name="members",
                                    verbose_name="所属商会")
    phone = models.CharField("手机", max_length=30, blank=True, validators=[not_masked])
    wechat = models.CharField("微信", max_length=50, blank=True, validators=[not_masked])
    email = models.CharField("电子邮箱", max_length=100, blank=True, validators=[not_masked])
    liaison_leader = models.CharField("联系领导", max_length=30, blank=True)
    liaison = models.CharField("联系人", max_length=30, blank=True)
    tier = models.CharField("重要程度", max_length=10, choices=Tier.choices, default=Tier.NORMAL)
    last_contact_on = models.DateField("最近联系日期", null=True, blank=True)

    class Meta(RegistryEntry.Meta):
        verbose_name = verbose_name_plural = "楚商信息"
        indexes = [models.Index(fields=["deleted_at", "tier"], name="chushang_tier"),
                   models.Index(fields=["deleted_at", "region"], name="chushang_region"),
                   models.Index(fields=["deleted_at", "association"], name="chushang_association"),
                   models.Index(fields=["deleted_at", "last_contact_on"], name="chushang_contact"),
                   # the rows in place on a day (registries.filters.as_of_q: the stock indicators, the dashboard's 在册,
                   # the list's 在册日期) read from the index alone; likewise in the other three 楚商四库
                   models.Index(fields=["deleted_at", "since", "until"], name="chushang_in_place")]

    def __str__(self) -> str:
        return f"{self.name}（{self.company}）" if self.company else self.name

    def clean(self):
        super().clean()
        if self.last_contact_on and self.last_contact_on > timezone.localdate():
            raise ValidationError({"last_contact_on": "最近联系日期不能晚于今天"})


class Chucai(RegistryEntry):
    """A professional from the city (楚才名录): field, employer and title."""

    name = models.CharField("姓名", max_length=30)
    field = models.CharField("专业领域", max_length=50, blank=True)
    employer = models.CharField("工作单位", max_length=100, blank=True)
    title = models.CharField("职称/职务", max_length=50, blank=True)
    region = models.CharField("所在地区", max_length=50, blank=True)
    phone = models.CharField("联系电话", max_length=30, blank=True, validators=[not_masked])
    email = models.CharField("电子邮箱", max_length=100, blank=True, validators=[not_masked])

    class Meta(RegistryEntry.Meta):
        verbose_name = verbose_name_plural = "楚才名录"
        indexes = [models.Index(fields=["deleted_at", "field"], name="chucai_field"),
                   models.Index(fields=["deleted_at", "region"], name="chucai_region"),
                   models.Index(fields=["deleted_at", "since", "until"], name="chucai_in_place")]

    def __str__(self) -> str:
        return self.name


class Alumnus(RegistryEntry):
    """An alumnus of the city's schools, or a graduate from the city of a school elsewhere (校友资源)."""

    name = models.CharField("姓名", max_length=30)
    school = models.CharField("毕业学校", max_length=100, blank=True)
    graduation_year = models.PositiveSmallIntegerField("毕业年份", null=True, blank=True)
    employer = models.CharField("工作单位", max_length=100, blank=True)
    position = models.CharField("职务", max_length=50, blank=True)
    region = models.CharField("所在地区", max_length=50, blank=True)
    phone = models.CharField("联系电话", max_length=30, blank=True, validators=[not_masked])
    email = models.CharField("电子邮箱", max_length=100, blank=True, validators=[not_masked])

    class Meta(RegistryEntry.Meta):
        verbose_name = verbose_name_plural = "校友资源"
        indexes = [models.Index(fields=["deleted_at", "school"], name="alumnus_school"),
                   models.Index(fields=["deleted_at", "graduation_year"], name="alumnus_year"),
                   models.Index(fields=["deleted_at", "since", "until"], name="alumnus_in_place")]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        year = self.graduation_year
        if year is not None and not FIRST_GRADUATION_YEAR <= year <= timezone.localdate().year:
            raise ValidationError({"graduation_year": f"毕业年份应在{FIRST_GRADUATION_YEAR}年至今年之间"})


class ListedCompany(RegistryEntry):
    """A listed company with ties to the city (上市企业): exchange and stock code (one live row per code and exchange)."""

    name = models.CharField("企业名称", max_length=100)
    exchange = models.CharField("上市地", max_length=8, choices=Exchange.choices)
    stock_code = models.CharField("股票代码", max_length=12)
    industry = models.CharField("所属行业", max_length=50, blank=True)
    ties = models.TextField("与本市渊源", blank=True, help_text="创始人、高管或主要股东与本市的关系")
    market_cap_yi = models.DecimalField("市值(亿元)", max_digits=12, decimal_places=2, null=True, blank=True)
    contact_name = models.CharField("联系人", max_length=30, blank=True)
    contact_phone = models.CharField("联系电话", max_length=30, blank=True, validators=[not_masked])

    class Meta(RegistryEntry.Meta):
        verbose_name = verbose_name_plural = "上市企业"
        indexes = [models.Index(fields=["deleted_at", "exchange"], name="listed_exchange"),
                   models.Index(fields=["deleted_at", "since", "until"], name="listed_in_place")]
        constraints = [models.UniqueConstraint(
            fields=["exchange", "stock_code"], condition=Q(deleted_at__isnull=True), name="listed_one_code_per_exchange",
            violation_error_message="该上市地已有相同股票代码的上市企业，请勿重复录入")]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        self.stock_code = (self.stock_code or "").strip().upper()
        if not self.stock_code:
            return  # the required-field message says it
        if not STOCK_CODE.match(self.stock_code):
            raise ValidationError({"stock_code": "股票代码只能包含数字、字母、点和横线"})
        if self.exchange in SIX_DIGIT_EXCHANGES and not (self.stock_code.isdigit() and len(self.stock_code) == 6):
            raise ValidationError({"stock_code": f"{self.get_exchange_display()}股票代码应为6位数字"})
        if self.market_cap_yi is not None and self.market_cap_yi <= 0:
            raise ValidationError({"market_cap_yi": "市值应大于0"})


class Event(RegistryEntry):
    """An investment event (招商活动: 恳谈会, 推介会, 对接会 …); `since` is the day it was held, which the indicators
    count by. Who attended and the leads it brought are links ("attended" to it, "referred" from it)."""

    name = models.CharField("活动名称", max_length=100)
    since = models.DateField("活动日期")  # required here: an event is counted by the day it was held
    kind = models.CharField("活动类型", max_length=12, choices=EventKind.choices, default=EventKind.OTHER)
    place = models.CharField("活动地点", max_length=100, blank=True)
    organiser_unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                                       verbose_name="主办单位")
    attendees_count = models.PositiveIntegerField("参会人数", null=True, blank=True)
    results = models.TextField("活动成效", blank=True)

    class Meta(RegistryEntry.Meta):
        verbose_name = verbose_name_plural = "招商活动"
        indexes = [models.Index(fields=["deleted_at", "since"], name="event_held"),
                   models.Index(fields=["deleted_at", "kind", "since"], name="event_kind_held")]

    def __str__(self) -> str:
        return self.name
