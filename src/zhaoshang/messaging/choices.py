"""Channel kinds, message formats and delivery statuses."""

from django.db import models


class ChannelKind(models.TextChoices):
    WECOM = "wecom", "企业微信/政务微信群机器人"
    DINGTALK = "dingtalk", "钉钉群机器人"
    SMS = "sms", "短信网关"


class MessageFormat(models.TextChoices):
    MARKDOWN = "markdown", "Markdown（带标题和链接）"
    TEXT = "text", "纯文本"


class HttpMethod(models.TextChoices):
    POST = "POST", "POST"
    GET = "GET", "GET"


class BodyType(models.TextChoices):
    JSON = "json", "JSON（application/json）"
    FORM = "form", "表单（application/x-www-form-urlencoded）"


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", "待发送"
    SENDING = "sending", "发送中"
    SENT = "sent", "已发送"
    FAILED = "failed", "失败"


class DeliverySource(models.TextChoices):
    NOTIFICATION = "notification", "系统通知"
    TEST = "test", "测试消息"
