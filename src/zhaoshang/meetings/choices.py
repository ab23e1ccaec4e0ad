"""Kinds and statuses of meetings and their action items."""

from django.db import models


class MeetingKind(models.TextChoices):
    REVIEW = "review", "单周会商研判"
    DISPATCH = "dispatch", "双周现场调度"
    SPECIAL = "special", "专题会议"


# how often each kind recurs by default, in weeks
DEFAULT_INTERVAL = {MeetingKind.REVIEW: 1, MeetingKind.DISPATCH: 2, MeetingKind.SPECIAL: 1}
KIND_BY_NAME = {**{label: value for value, label in MeetingKind.choices}, **{value: value for value in MeetingKind.values},
                "会商研判": MeetingKind.REVIEW, "现场调度": MeetingKind.DISPATCH, "专题会": MeetingKind.SPECIAL}


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", "待召开"
    HELD = "held", "已召开"
    CANCELLED = "cancelled", "已取消"


class ActionStatus(models.TextChoices):
    OPEN = "open", "推进中"
    DONE = "done", "已完成"


WEEKDAYS = [(1, "星期一"), (2, "星期二"), (3, "星期三"), (4, "星期四"), (5, "星期五"), (6, "星期六"), (7, "星期日")]
