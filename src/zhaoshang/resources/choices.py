"""Choices of the resource registries (资源要素数据库)."""

from django.db import models


class ParkLevel(models.TextChoices):
    NATIONAL = "national", "国家级"
    PROVINCIAL = "provincial", "省级"
    CITY = "city", "市级"
    OTHER = "other", "其他"


class LandUse(models.TextChoices):
    INDUSTRIAL = "industrial", "工业"
    WAREHOUSE = "warehouse", "仓储"
    COMMERCIAL = "commercial", "商服"
    RESIDENTIAL = "residential", "住宅"
    OTHER = "other", "其他"


class LandStatus(models.TextChoices):
    AVAILABLE = "available", "可供"
    SOLD = "sold", "已出让"
    STOCK = "stock", "储备"
    RESERVED = "reserved", "已预留"


class BuildingKind(models.TextChoices):
    FACTORY = "factory", "标准厂房"
    OFFICE = "office", "楼宇"
    WAREHOUSE = "warehouse", "仓库"
    INCUBATOR = "incubator", "孵化载体"
    OTHER = "other", "其他"


class BuildingStatus(models.TextChoices):
    FOR_RENT = "for_rent", "可租"
    FOR_SALE = "for_sale", "可售"
    RENT_OR_SALE = "rent_or_sale", "可租可售"
    RENTED = "rented", "已租"
    SOLD = "sold", "已售"
    BUILDING = "building", "在建"


# What the investor page (可供资源) offers: plots still to be sold, buildings not yet let or sold (those being built
# are offered ahead, as parks do).
AVAILABLE_LAND = (LandStatus.AVAILABLE,)
AVAILABLE_BUILDING = (BuildingStatus.FOR_RENT, BuildingStatus.FOR_SALE, BuildingStatus.RENT_OR_SALE, BuildingStatus.BUILDING)


class EnergyKind(models.TextChoices):
    POWER = "power", "电"
    GAS = "gas", "天然气"
    STEAM = "steam", "蒸汽"
    SALT_CAVERN = "salt_cavern", "盐穴储能"
    SOLAR = "solar", "光伏"
    HYDROGEN = "hydrogen", "氢能"
    OTHER = "other", "其他"


class MineralKind(models.TextChoices):
    ROCK_SALT = "rock_salt", "岩盐"
    BRINE = "brine", "卤水"
    OIL = "oil", "石油"
    NATURAL_GAS = "natural_gas", "天然气"
    GYPSUM = "gypsum", "石膏"
    GLAUBERITE = "glauberite", "芒硝"
    SAND = "sand", "砂石"
    OTHER = "other", "其他"


class MineralStatus(models.TextChoices):
    AVAILABLE = "available", "可出让"
    SOLD = "sold", "已出让"
    MINING = "mining", "开采中"
    PROTECTED = "protected", "保护"


class LogisticsKind(models.TextChoices):
    PORT = "port", "港口"
    WHARF = "wharf", "码头"
    RAIL_YARD = "rail_yard", "铁路货场"
    WAREHOUSE = "warehouse", "仓储"
    COLD_CHAIN = "cold_chain", "冷链"
    LOGISTICS_PARK = "logistics_park", "物流园"
    ROAD_HUB = "road_hub", "公路枢纽"
