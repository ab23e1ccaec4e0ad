"""Choices of the platform, fund and SOE registries (tasks 16-18)."""

from django.db import models


class PlatformKind(models.TextChoices):
    """What an external investment platform is."""

    CONSULTING = "consulting", "招商咨询机构"
    LAW = "law", "律师事务所"
    INVESTMENT = "investment", "投资机构"
    INDUSTRY = "industry", "产业服务平台"
    ALLIANCE = "alliance", "商协会/产业联盟"
    OTHER = "other", "其他"


class PlatformStatus(models.TextChoices):
    NEGOTIATING = "negotiating", "洽谈中"
    ACTIVE = "active", "合作中"
    ENDED = "ended", "已终止"


class FundKind(models.TextChoices):
    INDUSTRY = "industry", "产业基金"
    MERGER = "merger", "并购基金"
    SCITECH = "scitech", "科创基金"
    ANGEL = "angel", "天使基金"
    OTHER = "other", "其他"


class FilingStatus(models.TextChoices):
    """The fund's filing with the Asset Management Association (中基协备案)."""

    NOT_FILED = "not_filed", "未备案"
    FILED = "filed", "已备案"
    DEREGISTERED = "deregistered", "已注销"


class InvestmentStatus(models.TextChoices):
    PLANNED = "planned", "拟投资"
    SIGNED = "signed", "已签约"
    PAID = "paid", "已出资"
    EXITED = "exited", "已退出"


class SoeRole(models.TextChoices):
    LEAD = "lead", "牵头"
    PARTNER = "partner", "参与"
    INVESTOR = "investor", "出资"


class SoeMode(models.TextChoices):
    """How the SOE brings the project in."""

    EQUITY = "equity", "股权直投"
    JOINT = "joint", "合作共建"
    BUILD_LEASE = "build_lease", "代建/租赁"
    INTRODUCE = "introduce", "招引落户"
    OTHER = "other", "其他"


class SoeStatus(models.TextChoices):
    NEGOTIATING = "negotiating", "洽谈中"
    SIGNED = "signed", "已签约"
    STARTED = "started", "已开工"
    PRODUCING = "producing", "已投产"
    STOPPED = "stopped", "已终止"
