"""Types, statuses and satisfaction of enterprise needs (企业诉求)."""

from django.db import models


class NeedType(models.TextChoices):
    LAND = "land", "用地"
    PERMITS = "permits", "审批手续"
    POWER = "power", "用电"
    WATER = "water", "用水"
    GAS = "gas", "用气"
    FINANCE = "finance", "融资"
    TALENT = "talent", "用工人才"
    POLICY = "policy", "政策兑现"
    OTHER = "other", "其他"


class NeedStatus(models.TextChoices):
    NEW = "new", "待受理"
    ACCEPTED = "accepted", "办理中"
    SETTLED = "settled", "已办结"


class Satisfaction(models.TextChoices):
    SATISFIED = "satisfied", "满意"
    BASIC = "basic", "基本满意"
    UNSATISFIED = "unsatisfied", "不满意"


# satisfied for the satisfaction rate (满意率 = (满意 + 基本满意) / 已评价)
CONTENT = (Satisfaction.SATISFIED, Satisfaction.BASIC)
