"""Statuses of reports and coordination problems."""

from django.db import models


class ReportStatus(models.TextChoices):
    DRAFT = "draft", "草稿"
    SUBMITTED = "submitted", "已报送"
    ACCEPTED = "accepted", "已审核"
    RETURNED = "returned", "已退回"


class WorkStatus(models.TextChoices):
    NOT_STARTED = "not_started", "未启动"
    IN_PROGRESS = "in_progress", "推进中"
    DONE = "done", "已完成"
    BLOCKED = "blocked", "受阻"


class ProblemStatus(models.TextChoices):
    OPEN = "open", "待协调"
    RESOLVED = "resolved", "已解决"


class NotificationKind(models.TextChoices):
    DUE = "due", "即将到期"
    OVERDUE = "overdue", "逾期未报"
    RETURNED = "returned", "报告退回"
    URGED = "urged", "催办"
    # what units do, told to the office
    SUBMITTED = "submitted", "新报送"
    RESUBMITTED = "resubmitted", "退回后重报"
    PROBLEM = "problem", "反映问题"
    NEED_SETTLED = "need_settled", "诉求办结"
    ACTION_UPDATED = "action_updated", "交办事项进展"
