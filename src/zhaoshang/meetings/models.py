"""Recurring meetings (会商研判, 现场调度): each meeting's agenda, attendance, minutes, decisions and action items."""

from django.conf import settings
from django.db import models

from zhaoshang.accounts.models import Unit
from zhaoshang.core.models import RestrictedQuerySet, SoftDeleteModel, live_index
from zhaoshang.meetings.choices import WEEKDAYS, ActionStatus, MeetingKind, MeetingStatus
from zhaoshang.needs.models import Need
from zhaoshang.projects.models import Project


class MeetingSeries(models.Model):
    """A recurring meeting: its kind, the weekday and how many weeks apart, from a start date."""

    kind = models.CharField("会议类型", max_length=10, choices=MeetingKind.choices)
    title = models.CharField("名称", max_length=100, blank=True)
    weekday = models.PositiveSmallIntegerField("星期", choices=WEEKDAYS)
    interval_weeks = models.PositiveSmallIntegerField("间隔(周)", default=1)
    start_date = models.DateField("开始日期")
    end_date = models.DateField("结束日期", null=True, blank=True)
    place = models.CharField("地点", max_length=100, blank=True)
    chair = models.CharField("主持人", max_length=50, blank=True)
    is_active = models.BooleanField("启用", default=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "id"]
        verbose_name = verbose_name_plural = "例会安排"

    def __str__(self) -> str:
        return self.title or self.get_kind_display()


class Meeting(SoftDeleteModel):
    """One meeting: when and where, its status, and the minutes (会议纪要) text."""

    series = models.ForeignKey(MeetingSeries, null=True, blank=True, on_delete=models.PROTECT, related_name="meetings")
    kind = models.CharField("会议类型", max_length=10, choices=MeetingKind.choices)
    number = models.PositiveIntegerField("期数", help_text="同类会议当年第几期")
    title = models.CharField("会议名称", max_length=100)
    date = models.DateField("日期", db_index=True)
    start_time = models.TimeField("开始时间", null=True, blank=True)
    place = models.CharField("地点", max_length=100, blank=True)
    chair = models.CharField("主持人", max_length=50, blank=True)
    status = models.CharField("状态", max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED)
    minutes = models.TextField("会议纪要", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = verbose_name_plural = "会议"
        constraints = [models.UniqueConstraint(fields=["series", "date"], name="one_meeting_per_series_day",
                                               condition=models.Q(series__isnull=False, deleted_at__isnull=True))]
        # the meetings of a kind held, per day of a year (the indicators); id makes it covering on PostgreSQL too
        indexes = [live_index("kind", "status", "date", "id", name="meeting_kind_status_day")]

    def __str__(self) -> str:
        return self.title


class AgendaItem(models.Model):
    """A topic of a meeting: a flagged project, an open need, or one the office adds."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda")
    order = models.PositiveIntegerField(default=0)
    topic = models.CharField("议题", max_length=300)
    reason = models.CharField("列入原因", max_length=200, blank=True)
    project = models.ForeignKey(Project, null=True, blank=True, on_delete=models.SET_NULL, related_name="agenda_items")
    need = models.ForeignKey(Need, null=True, blank=True, on_delete=models.SET_NULL, related_name="agenda_items")

    class Meta:
        ordering = ["meeting", "order", "id"]
        verbose_name = verbose_name_plural = "会议议题"

    def __str__(self) -> str:
        return self.topic


class Attendee(models.Model):
    """Who attended: a unit, a person (with title), or a person of a unit."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendees")
    unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name="单位")
    name = models.CharField("姓名", max_length=30, blank=True)
    title = models.CharField("职务", max_length=50, blank=True)

    class Meta:
        ordering = ["meeting", "id"]
        verbose_name = verbose_name_plural = "参会人员"

    def __str__(self) -> str:
        return " ".join(filter(None, [self.unit.display_name if self.unit else "", self.name, self.title]))


class Decision(models.Model):
    """A matter the meeting decided (议定事项)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    order = models.PositiveIntegerField(default=0)
    text = models.TextField("议定事项")

    class Meta:
        ordering = ["meeting", "order", "id"]
        verbose_name = verbose_name_plural = "议定事项"

    def __str__(self) -> str:
        return self.text[:50]


class ActionItem(models.Model):
    """Work a meeting gave a unit, with a due date; followed up in the unit's work list like a supervision item."""

    UNIT_SCOPE = "owner_unit_id"

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="action_items")
    decision = models.ForeignKey(Decision, null=True, blank=True, on_delete=models.SET_NULL, related_name="action_items")
    project = models.ForeignKey(Project, null=True, blank=True, on_delete=models.SET_NULL, related_name="action_items")
    text = models.TextField("工作事项")
    owner_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="action_items", verbose_name="责任单位")
    due_date = models.DateField("完成时限", db_index=True)
    status = models.CharField("状态", max_length=10, choices=ActionStatus.choices, default=ActionStatus.OPEN)
    progress = models.TextField("落实情况", blank=True)
    done_on = models.DateField("完成日期", null=True, blank=True)
    urge_count = models.PositiveSmallIntegerField("催办次数", default=0)
    last_urged_at = models.DateTimeField("最近催办", null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = models.Manager.from_queryset(RestrictedQuerySet)()

    class Meta:
        ordering = ["due_date", "id"]
        verbose_name = verbose_name_plural = "会议交办事项"
        indexes = [models.Index(fields=["owner_unit", "status", "due_date"], name="action_unit_status_due")]

    def __str__(self) -> str:
        return self.text[:50]
