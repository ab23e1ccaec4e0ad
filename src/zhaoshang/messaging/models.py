"""Notification channels the office configures (group robots, an SMS gateway) and the log of what went out."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from zhaoshang.core.models import RestrictedQuerySet
from zhaoshang.messaging.choices import BodyType, ChannelKind, DeliverySource, DeliveryStatus, HttpMethod, MessageFormat


def mask_secret(value: str) -> str:
    """Only the last 4 characters shown: "****ab12" (empty stays empty)."""
    value = value or ""
    return f"****{value[-4:]}" if len(value) > 4 else ("****" if value else "")


class Channel(models.Model):
    """A place messages go: a unit's (or the office's, when `unit` is empty) group robot or SMS gateway."""

    UNIT_SCOPE = "unit_id"

    name = models.CharField("名称", max_length=60)
    kind = models.CharField("类型", max_length=10, choices=ChannelKind.choices)
    unit = models.ForeignKey("accounts.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="channels",
                             verbose_name="所属单位")
    enabled = models.BooleanField("启用", default=True)
    url = models.CharField("地址", max_length=500, help_text="机器人的 Webhook 地址（含 key 或 access_token），或短信网关的接口地址")
    secret = models.CharField("密钥", max_length=200, blank=True,
                              help_text="钉钉机器人的加签密钥（SEC 开头），或短信网关的令牌（放在请求头中）")
    msg_format = models.CharField("消息格式", max_length=10, choices=MessageFormat.choices, default=MessageFormat.MARKDOWN)
    method = models.CharField("请求方法", max_length=4, choices=HttpMethod.choices, default=HttpMethod.POST)
    body_type = models.CharField("请求体格式", max_length=4, choices=BodyType.choices, default=BodyType.JSON)
    body_template = models.TextField("请求体模板", blank=True,
                                     help_text="占位符 {phone}（手机号）、{text}（短信内容）；GET 请求时作为查询参数")
    token_header = models.CharField("令牌请求头", max_length=60, blank=True, default="Authorization")
    success_marker = models.CharField("成功标志", max_length=60, blank=True, help_text="响应中须包含的文字（留空：HTTP 2xx 即成功）")
    phones = models.TextField("接收手机号", blank=True, help_text="短信接收人手机号，每行一个或用逗号分隔")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = models.Manager.from_queryset(RestrictedQuerySet)()

    class Meta:
        ordering = ["unit_id", "id"]
        verbose_name = verbose_name_plural = "消息渠道"

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        errors = {}
        if not self.url.lower().startswith(("http://", "https://")):
            errors["url"] = "地址必须以 http:// 或 https:// 开头。"
        if self.kind == ChannelKind.SMS:
            if not self.phone_list:
                errors["phones"] = "短信网关须填写至少一个接收手机号。"
            elif bad := [p for p in self.phone_list if not re.fullmatch(r"\+?\d{5,20}", p)]:
                errors["phones"] = f"手机号格式不正确：{'、'.join(bad[:3])}"
            if self.method == HttpMethod.POST and "{text}" not in self.body_template:
                errors["body_template"] = "POST 请求的请求体模板须包含 {text} 占位符。"
        if errors:
            raise ValidationError(errors)

    @property
    def owner_name(self) -> str:
        return self.unit.display_name if self.unit_id else "督办办公室"

    @property
    def url_masked(self) -> str:
        """The scheme and host, then only the last 4 characters: the key or token in the URL stays hidden."""
        scheme, _, rest = self.url.partition("://")
        host = rest.split("/", 1)[0].split("?", 1)[0]
        return f"{scheme}://{host}/{mask_secret(rest[len(host):].lstrip('/'))}" if rest else mask_secret(self.url)

    @property
    def secret_masked(self) -> str:
        return mask_secret(self.secret)

    @property
    def phone_list(self) -> list[str]:
        return [p.strip() for p in self.phones.replace("，", ",").replace("\n", ",").split(",") if p.strip()]


class Delivery(models.Model):
    """One message to one channel (and one phone, for SMS): its status, attempts and last error."""

    UNIT_SCOPE = "channel__unit_id"

    channel = models.ForeignKey(Channel, on_delete=models.PROTECT, related_name="deliveries", verbose_name="渠道")
    notification = models.ForeignKey("supervision.Notification", null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="deliveries")
    source = models.CharField("来源", max_length=12, choices=DeliverySource.choices, default=DeliverySource.NOTIFICATION)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    target = models.CharField("接收号码", max_length=30, blank=True)
    text = models.TextField("消息内容")
    link = models.CharField("链接", max_length=300, blank=True)
    message_key = models.CharField(max_length=64, blank=True)
    status = models.CharField("状态", max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING)
    attempts = models.PositiveSmallIntegerField("尝试次数", default=0)
    message = models.CharField("最近错误", max_length=500, blank=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    next_attempt_at = models.DateTimeField("下次重试", null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField("完成时间", null=True, blank=True)

    objects = models.Manager.from_queryset(RestrictedQuerySet)()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = verbose_name_plural = "消息发送记录"
        indexes = [models.Index(fields=["status", "created_at"]), models.Index(fields=["channel", "message_key"])]

    def __str__(self) -> str:
        return f"{self.channel}：{self.text[:40]}"


class DeliveryAttempt(models.Model):
    """One try at sending a delivery: when, the HTTP status and the error, if any."""

    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="attempt_rows")
    attempted_at = models.DateTimeField(auto_now_add=True)
    ok = models.BooleanField(default=False)
    http_status = models.PositiveSmallIntegerField(null=True, blank=True)
    error = models.CharField(max_length=500, blank=True)
    duration_ms = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["delivery_id", "id"]
        verbose_name = verbose_name_plural = "发送尝试"

    def __str__(self) -> str:
        return f"{self.delivery_id}#{self.pk}"
