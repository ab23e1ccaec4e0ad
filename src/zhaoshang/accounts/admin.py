"""Django admin for the admin role: accounts and units (every change lands in the audit log: core.admin)."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from zhaoshang.accounts.forms import AdminCreateUserForm, AdminSetPasswordForm
from zhaoshang.accounts.models import Unit, UnitAlias, User
from zhaoshang.core.admin import AuditedAdmin


class UnitAliasInline(admin.TabularInline):
    model = UnitAlias
    extra = 1


@admin.register(Unit)
class UnitAdmin(AuditedAdmin):
    list_display = ("name", "short_name", "code", "kind", "parent", "sort_order")
    list_filter = ("kind",)
    search_fields = ("name", "short_name", "aliases__alias")
    inlines = [UnitAliasInline]


@admin.register(User)
class UserAdmin(AuditedAdmin, BaseUserAdmin):
    list_display = ("username", "first_name", "role", "unit", "is_active", "last_login")
    list_filter = ("role", "is_active")
    fieldsets = BaseUserAdmin.fieldsets + (("角色与单位", {"fields": ("role", "unit")}),)
    add_fieldsets = BaseUserAdmin.add_fieldsets + (("角色与单位", {"fields": ("role", "unit")}),)
    add_form = AdminCreateUserForm  # the password an admin sets (creating or resetting) must be changed at log-in
    change_password_form = AdminSetPasswordForm
