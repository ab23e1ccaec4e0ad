"""Kinds of indicator, the stage that counts, the state of a reported value."""

from django.db import models


class Kind(models.TextChoices):
    """What an indicator measures, and so where its figure comes from."""

    PROJECT_COUNT = "project_count", "项目个数"
    AMOUNT_SUM = "amount_sum", "投资额合计"
    GROWTH_COUNT = "growth_count", "项目个数同比增长"
    GROWTH_AMOUNT = "growth_amount", "投资额同比增长"
    REGISTRY_COUNT = "registry_count", "登记/活动条数"
    REPORTED = "reported", "单位报送值"
    MILESTONE = "milestone", "里程碑"


PROJECT_KINDS = {Kind.PROJECT_COUNT, Kind.AMOUNT_SUM, Kind.GROWTH_COUNT, Kind.GROWTH_AMOUNT}
GROWTH_KINDS = {Kind.GROWTH_COUNT, Kind.GROWTH_AMOUNT}
AMOUNT_KINDS = {Kind.AMOUNT_SUM, Kind.GROWTH_AMOUNT}
VALUE_KINDS = {Kind.REPORTED, Kind.MILESTONE}


class CountStage(models.TextChoices):
    """The stage a project must have reached in the period to count ("招引" = signed)."""

    SIGNED = "signed", "签约"
    REGISTERED = "registered", "注册"
    STARTED = "started", "开工"
    PRODUCING = "producing", "投产"


class RegistryMode(models.TextChoices):
    """How a registry-count indicator counts a registry's rows: those begun in the year, or those in place on the day."""

    NEW = "new", "新增"
    STOCK = "stock", "存量"


class Period(models.TextChoices):
    """How often a recurring indicator ("每月举办1次") must be met: its goal is per period, and each period counts."""

    WEEK = "week", "每周"
    FORTNIGHT = "fortnight", "每两周"
    MONTH = "month", "每月"
    QUARTER = "quarter", "每季度"
    HALF = "half", "每半年"


class SuggestionStatus(models.TextChoices):
    """A number found in a measure's text: waiting for the office, made an indicator, or set aside."""

    PENDING = "pending", "待确认"
    ACCEPTED = "accepted", "已采纳"
    DISCARDED = "discarded", "已忽略"


class ValueStatus(models.TextChoices):
    SUBMITTED = "submitted", "待确认"
    CONFIRMED = "confirmed", "已确认"
    REJECTED = "rejected", "已退回"
