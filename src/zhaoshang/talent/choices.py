"""Choices of the talent registries (人才四库, 企业人才需求, 联合培养基地, 技能人才输送)."""

from django.db import models


class TalentTier(models.TextChoices):
    """The four pools of the notice's task 10 (英才、俊才、专才、匠才四库)."""

    LEADING = "leading", "英才"
    RISING = "rising", "俊才"
    SPECIALIST = "specialist", "专才"
    CRAFTSMAN = "craftsman", "匠才"


class Education(models.TextChoices):
    DOCTORATE = "doctorate", "博士研究生"
    MASTER = "master", "硕士研究生"
    BACHELOR = "bachelor", "大学本科"
    COLLEGE = "college", "大专"
    VOCATIONAL = "vocational", "中专/技校"
    OTHER = "other", "其他"


class SkillLevel(models.TextChoices):
    """National vocational skill levels (职业技能等级)."""

    JUNIOR = "junior", "初级工"
    INTERMEDIATE = "intermediate", "中级工"
    SENIOR = "senior", "高级工"
    TECHNICIAN = "technician", "技师"
    SENIOR_TECHNICIAN = "senior_technician", "高级技师"
    MASTER = "master", "特级技师"


class DemandStatus(models.TextChoices):
    OPEN = "open", "招聘中"
    PARTLY = "partly", "部分到岗"
    FILLED = "filled", "已满足"
    CLOSED = "closed", "已撤回"


class BaseLevel(models.TextChoices):
    CITY = "city", "市级"
    PROVINCE = "province", "省级"
    NATIONAL = "national", "国家级"
