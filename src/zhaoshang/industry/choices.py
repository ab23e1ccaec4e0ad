"""Choices of the industry resource registries (产业资源库): strains, agricultural scenarios, energy projects and
planned promotion projects."""

from django.db import models


class StrainUse(models.TextChoices):
    """What a strain is for, in the notice's words (微生物肥料、生物饲料、农用益生菌 …)."""

    FERTILIZER = "fertilizer", "微生物肥料"
    FEED = "feed", "生物饲料"
    PROBIOTIC = "probiotic", "农用益生菌"
    STRAW = "straw", "秸秆降解"
    AQUACULTURE = "aquaculture", "水产养殖微生态制剂"
    SOIL = "soil", "土壤修复"
    OTHER = "other", "其他"


class StrainStatus(models.TextChoices):
    DEPOSITED = "deposited", "保藏"
    RESEARCH = "research", "研发"
    INDUSTRIALISED = "industrialised", "产业化"


class ScenarioDirection(models.TextChoices):
    SMART_FARMING = "smart_farming", "智慧农业"
    COLD_CHAIN = "cold_chain", "冷链加工"
    AGRITOURISM = "agritourism", "农旅融合"
    PROCESSING = "processing", "农产品加工"
    OTHER = "other", "其他"


class ScenarioStatus(models.TextChoices):
    PUBLISHED = "published", "发布"
    MATCHING = "matching", "对接中"
    LANDED = "landed", "已落地"


class EnergyProjectKind(models.TextChoices):
    SOLAR = "solar", "光伏"
    WIND = "wind", "风电"
    STORAGE = "storage", "储能"
    HYDROGEN = "hydrogen", "氢能"
    GAS = "gas", "天然气"
    OTHER = "other", "其他"


class EnergyProjectStage(models.TextChoices):
    PLANNING = "planning", "谋划"
    PREPARING = "preparing", "前期"
    BUILDING = "building", "在建"
    OPERATING = "operating", "投运"


class PromoStatus(models.TextChoices):
    PLANNING = "planning", "策划中"
    PROMOTING = "promoting", "推介中"
    SIGNED = "signed", "已签约"
