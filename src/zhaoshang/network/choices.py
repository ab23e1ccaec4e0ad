"""Choices of the 楚商四库 and event registries."""

from django.db import models


class Tier(models.TextChoices):
    """How closely the office keeps in touch with a 楚商."""

    CORE = "core", "核心"
    KEY = "key", "重点"
    NORMAL = "normal", "一般"


class Exchange(models.TextChoices):
    SSE = "sse", "上交所"
    SZSE = "szse", "深交所"
    BSE = "bse", "北交所"
    HKEX = "hkex", "港交所"
    US = "us", "美股"
    NEEQ = "neeq", "新三板"
    OTHER = "other", "其他"


# mainland exchanges quote six-digit codes
SIX_DIGIT_EXCHANGES = (Exchange.SSE, Exchange.SZSE, Exchange.BSE, Exchange.NEEQ)


class AssociationKind(models.TextChoices):
    REMOTE_CHAMBER = "remote_chamber", "异地商会"
    INDUSTRY = "industry", "行业协会"
    HOMETOWN = "hometown", "同乡会"
    ALUMNI = "alumni", "校友会"
    OTHER = "other", "其他"


class EventKind(models.TextChoices):
    SYMPOSIUM = "symposium", "恳谈会"
    PROMOTION = "promotion", "推介会"
    ONLINE = "online", "线上互通会"
    MATCHMAKING = "matchmaking", "线下对接会"
    HOMECOMING = "homecoming", "回乡考察"
    RECRUITMENT = "recruitment", "招聘会"  # task 10's 线上线下招聘活动 (the talent registries)
    OTHER = "other", "其他"
