"""Choices of the directory's registries: tech needs' status, visits' kind."""

from django.db import models


class TechNeedStatus(models.TextChoices):
    COLLECTING = "collecting", "征集中"
    MATCHING = "matching", "对接中"
    SOLVED = "solved", "已解决"
    CLOSED = "closed", "关闭"


class VisitKind(models.TextChoices):
    VISIT = "visit", "走访"
    PHONE = "phone", "电话"
    TALK = "talk", "会谈"
    VIDEO = "video", "视频"
    HOSTED = "hosted", "接待来访"
