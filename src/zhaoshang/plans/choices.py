"""Choices of the plan model."""

from django.db import models


class UploadStatus(models.TextChoices):
    PENDING = "pending", "待确认"
    APPLIED = "applied", "已导入"
    DISCARDED = "discarded", "已放弃"


class Comparator(models.TextChoices):
    AT_LEAST = ">=", "不少于"
    AT_MOST = "<=", "不超过"
    GROWTH = "growth", "增长"


class PerSplit(models.TextChoices):
    CHAIN = "chain", "各产业链"
    EACH = "each", "各项"
