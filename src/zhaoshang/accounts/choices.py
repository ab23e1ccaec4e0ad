"""Roles and unit kinds."""

from django.db import models


class Role(models.TextChoices):
    OFFICE = "office", "督办办公室"
    LEADER = "leader", "领导"
    ADMIN = "admin", "系统管理员"
    UNIT = "unit", "责任单位"


class UnitKind(models.TextChoices):
    GOVERNMENT = "government", "政府部门"
    ZONE = "zone", "开发区/园区"
    SOE = "soe", "国有企业"
    TOWN = "town", "镇/街道"
    PARTY = "party", "党群机关"
    TEAM = "team", "工作专班"
    OTHER = "other", "其他"
