"""Responsible units (责任单位) with their aliases, users with one role and one unit, API tokens."""

from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models

from zhaoshang.accounts.choices import Role, UnitKind
from zhaoshang.core.models import RestrictedQuerySet, SoftDeleteModel


class Unit(SoftDeleteModel):
    """A body that can be made responsible for measures: a bureau, a zone, a state-owned company …"""

    UNIT_SCOPE = "id"

    name = models.CharField("全称", max_length=100, unique=True)
    short_name = models.CharField("简称", max_length=50, blank=True)
    code = models.SlugField("代码", max_length=40, unique=True, null=True, blank=True)
    kind = models.CharField("类别", max_length=20, choices=UnitKind.choices, default=UnitKind.GOVERNMENT)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="children", verbose_name="上级单位")
    sort_order = models.PositiveIntegerField("排序", default=0)

    class Meta:
        ordering = ["sort_order", "id"]
        verbose_name = verbose_name_plural = "责任单位"

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.short_name or self.name


class UnitAlias(models.Model):
    """Another name a notice may use for a unit (市发改委 = 发改委)."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="aliases", verbose_name="单位")
    alias = models.CharField("别名", max_length=100, unique=True)

    class Meta:
        ordering = ["alias"]
        verbose_name = verbose_name_plural = "单位别名"

    def __str__(self) -> str:
        return self.alias


class ZhaoshangUserManager(UserManager.from_queryset(RestrictedQuerySet)):
    pass


class User(AbstractUser):
    """A person with one role; unit users belong to one unit."""

    UNIT_SCOPE = "unit_id"

    role = models.CharField("角色", max_length=10, choices=Role.choices, default=Role.UNIT)
    unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="users", verbose_name="所属单位")
    must_change_password = models.BooleanField("须修改密码", default=False, help_text="管理员设置的密码：用户下次登录时须先修改")
    password_changed_at = models.DateTimeField("密码修改时间", null=True, blank=True)

    objects = ZhaoshangUserManager()

    class Meta:
        verbose_name = verbose_name_plural = "用户"

    def clean(self):
        super().clean()
        if self.role == Role.UNIT and self.unit_id is None:
            raise ValidationError({"unit": "责任单位用户必须属于一个单位"})

    @property
    def display_name(self) -> str:
        return self.first_name or self.username


class ApiToken(models.Model):
    """A bearer token for the API; only its SHA-256 is stored. It dies at `expires_at`, when revoked, or when the
    user's password hash changes (`password_fingerprint` no longer matches), whoever changed it and however."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    key_hash = models.CharField(max_length=64, unique=True)
    name = models.CharField("名称", max_length=50, blank=True)
    password_fingerprint = models.CharField(max_length=64, default="")
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    last_used_at = models.DateTimeField("最近使用", null=True, blank=True)
    expires_at = models.DateTimeField("过期时间")
    revoked_at = models.DateTimeField("撤销时间", null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = verbose_name_plural = "接口令牌"

    def __str__(self) -> str:
        return f"{self.user} token {self.pk}"
