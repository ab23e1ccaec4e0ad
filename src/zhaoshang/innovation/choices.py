"""Choices of the innovation registries (科技创新: platforms, incubatees, transfers, 高企培育, award projects)."""

from django.db import models


class PlatformKind(models.TextChoices):
    CENTER = "center", "科创中心"
    OFFSHORE_CENTER = "offshore_center", "离岸科创中心"
    INSTITUTE = "institute", "研究院"
    INCUBATOR = "incubator", "孵化器"
    MAKER_SPACE = "maker_space", "众创空间"
    RD_INSTITUTION = "rd_institution", "研发机构"
    SERVICE = "service", "科技服务平台"
    OTHER = "other", "其他"


class PlatformLevel(models.TextChoices):
    NATIONAL = "national", "国家级"
    PROVINCIAL = "provincial", "省级"
    CITY = "city", "市级"


class IncubatorTier(models.TextChoices):
    """The two grades of a 科技型企业孵化器 the notice names (新建基础级, 争创高能级)."""

    BASIC = "basic", "基础级"
    HIGH_ENERGY = "high_energy", "高能级"


class PlatformStatus(models.TextChoices):
    PLANNING = "planning", "谋划中"
    BUILDING = "building", "建设中"
    OPERATING = "operating", "运营中"
    CLOSED = "closed", "已停运"


# a platform that has opened has an opening date (`since`); one still planned or being built has none yet
OPENED_STATUSES = (PlatformStatus.OPERATING, PlatformStatus.CLOSED)


class ExitKind(models.TextChoices):
    GRADUATED = "graduated", "毕业"
    MOVED = "moved", "迁出"
    CLOSED = "closed", "注销/退出"


class TransferKind(models.TextChoices):
    TRANSFER = "transfer", "转让"
    LICENSE = "license", "许可"
    EQUITY = "equity", "作价入股"
    JOINT = "joint", "合作开发"
    OTHER = "other", "其他"


class CultivationStage(models.TextChoices):
    POOL = "pool", "入库培育"
    APPLYING = "applying", "申报中"
    CERTIFIED = "certified", "已认定"
    REJECTED = "rejected", "未通过"


# a stage past 入库培育 belongs to a year's application
APPLIED_STAGES = (CultivationStage.APPLYING, CultivationStage.CERTIFIED, CultivationStage.REJECTED)


class NewSpecies(models.TextChoices):
    """新物种企业 (the notice's 新物种企业遴选机制)."""

    GAZELLE = "gazelle", "瞪羚企业"
    POTENTIAL_UNICORN = "potential_unicorn", "潜在独角兽企业"
    UNICORN = "unicorn", "独角兽企业"


class AwardLevel(models.TextChoices):
    NATIONAL = "national", "国家级"
    PROVINCIAL = "provincial", "省级"
    CITY = "city", "市级"


class AwardCategory(models.TextChoices):
    PROGRESS = "progress", "科学技术进步奖"
    INVENTION = "invention", "技术发明奖"
    NATURAL_SCIENCE = "natural_science", "自然科学奖"
    PROMOTION = "promotion", "科技成果推广奖"
    OTHER = "other", "其他"


class AwardGrade(models.TextChoices):
    SPECIAL = "special", "特等奖"
    FIRST = "first", "一等奖"
    SECOND = "second", "二等奖"
    THIRD = "third", "三等奖"


class AwardStatus(models.TextChoices):
    RESERVE = "reserve", "储备"
    NOMINATED = "nominated", "推荐申报"
    AWARDED = "awarded", "已获奖"
    NOT_AWARDED = "not_awarded", "未获奖"
