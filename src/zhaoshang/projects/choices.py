"""Stages, states, channels and tag kinds of the pipeline."""

from django.db import models


class Stage(models.TextChoices):
    """The lifecycle, in order (洽谈→签约→注册→开工→投产, with 线索 and 手续办理)."""

    LEAD = "lead", "线索"
    NEGOTIATING = "negotiating", "洽谈"
    SIGNED = "signed", "签约"
    REGISTERED = "registered", "注册"
    PERMITTING = "permitting", "手续办理"
    STARTED = "started", "开工"
    PRODUCING = "producing", "投产"


STAGE_INDEX = {stage: index for index, stage in enumerate(Stage.values)}
# the date field that remembers when a project reached each counted stage
REACHED = {Stage.SIGNED: "signed_on", Stage.REGISTERED: "registered_on", Stage.STARTED: "started_on",
           Stage.PRODUCING: "producing_on"}


class State(models.TextChoices):
    ACTIVE = "active", "推进中"
    STALLED = "stalled", "停滞"
    TERMINATED = "terminated", "终止"


class Channel(models.TextChoices):
    CHUSHANG = "chushang", "楚商回乡"
    PLATFORM = "platform", "外部平台"
    FUND = "fund", "基金招商"
    SOE = "soe", "国企招商"
    SCITECH = "scitech", "科创招商"
    BUSINESS = "business", "以商引商"
    SCENARIO = "scenario", "应用场景"
    DIRECT = "direct", "直接招引"


class TagKind(models.TextChoices):
    SCENARIO = "scenario", "应用场景"
    SECTOR = "sector", "产业领域"


class Ownership(models.TextChoices):
    """An enterprise's ownership (企业性质), as the directory and targeting group firms."""

    CENTRAL_SOE = "central_soe", "央企"
    LOCAL_SOE = "local_soe", "国企"
    PRIVATE = "private", "民企"
    FOREIGN = "foreign", "外资"
    HMT = "hmt", "港澳台"
    OTHER = "other", "其他"


class ChainRole(models.TextChoices):
    """Where an enterprise sits on its chain (链上角色)."""

    LEADER = "leader", "龙头"
    SUPPORTING = "supporting", "配套"
    UPSTREAM = "upstream", "上游"
    DOWNSTREAM = "downstream", "下游"
    TARGET = "target", "目标"


class Priority(models.TextChoices):
    HIGH = "high", "高"
    MEDIUM = "medium", "中"
    LOW = "low", "低"
