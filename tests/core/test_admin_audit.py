"""Changes made in /admin/ land in the audit log with before/after; log-in records and the audit log stay put."""

import json

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.models import Group, Permission
from django.forms import MultiWidget
from django.test import Client

from zhaoshang.accounts.models import Role, Unit, UnitAlias, User
from zhaoshang.core.admin import AuditedAdmin, ReadOnlyAdmin
from zhaoshang.core.models import AuditLog


@pytest.fixture
def superuser(demo):
    return User.objects.create_superuser("root", "root@example.com", "Root-Pass-2025!x")


@pytest.fixture
def admin_client(superuser):
    client = Client()
    client.force_login(superuser)
    return client


def _fields(form) -> dict:
    data = {}
    for name, field in form.fields.items():
        if field.disabled:
            continue
        value = form[name].value()
        if isinstance(field.widget, MultiWidget):
            for i, part in enumerate(field.widget.decompress(value)):
                data[form.add_prefix(f"{name}_{i}")] = "" if part is None else part
        elif value is True:
            data[form.add_prefix(name)] = "on"
        elif value not in (None, False):
            data[form.add_prefix(name)] = value
    return data


def _form_data(response) -> dict:
    """The change form's current values as POST data (what pressing 保存 unchanged would send)."""
    data = _fields(response.context["adminform"].form)
    for formset in response.context.get("inline_admin_formsets", []):
        management = formset.formset.management_form
        data.update({management.add_prefix(k): v for k, v in management.initial.items()})
        for form in formset.formset.initial_forms:
            data.update(_fields(form))
    return data


def _last(action, obj) -> AuditLog:
    return AuditLog.objects.filter(action=action, object_type=obj._meta.label_lower, object_id=str(obj.pk)).latest("id")


def test_every_registered_admin_is_audited_or_read_only():
    for model, model_admin in admin.site._registry.items():
        assert isinstance(model_admin, AuditedAdmin | ReadOnlyAdmin), model


def test_changing_a_users_role_unit_activation_and_groups_is_audited(admin_client, superuser, unit_user, other_unit_user):
    group = Group.objects.create(name="督查")
    url = f"/admin/accounts/user/{unit_user.pk}/change/"
    data = _form_data(admin_client.get(url))
    data.update(role=Role.OFFICE, unit=other_unit_user.unit_id, groups=[group.pk])
    data.pop("is_active", None)
    assert admin_client.post(url, data).status_code == 302
    entry = _last("admin_update", unit_user)
    assert entry.actor == superuser and entry.request_id
    assert (entry.before["role"], entry.after["role"]) == (unit_user.role, Role.OFFICE)
    assert (entry.before["unit_id"], entry.after["unit_id"]) == (unit_user.unit_id, other_unit_user.unit_id)
    assert (entry.before["is_active"], entry.after["is_active"]) == (True, False)
    assert (entry.before["groups"], entry.after["groups"]) == ([], [group.pk])
    assert "password" not in entry.before and "password" not in entry.after  # unchanged: not mentioned


def test_a_password_reset_records_that_it_changed_never_the_hash(admin_client, unit_user):
    url = f"/admin/accounts/user/{unit_user.pk}/password/"
    response = admin_client.post(url, {"password1": "Neues-Pass-2025!", "password2": "Neues-Pass-2025!", "usable_password": "true"})
    assert response.status_code == 302
    unit_user.refresh_from_db()
    entry = _last("admin_update", unit_user)
    assert entry.after["password"] == "已修改" and "password" not in entry.before
    stored = json.dumps([entry.before, entry.after])
    assert unit_user.password not in stored and "pbkdf2" not in stored and "argon2" not in stored


def test_group_permissions_and_deletion_are_audited(admin_client):
    permission = Permission.objects.get(codename="view_unit")
    assert admin_client.post("/admin/auth/group/add/", {"name": "只读", "permissions": [permission.pk]}).status_code == 302
    group = Group.objects.get(name="只读")
    assert _last("admin_create", group).after["permissions"] == [permission.pk]
    response = admin_client.post(f"/admin/auth/group/{group.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302 and not Group.objects.filter(name="只读").exists()
    assert _last("admin_delete", group).before["name"] == "只读"


def test_bulk_delete_from_the_list_is_audited_row_by_row(admin_client):
    groups = [Group.objects.create(name=f"组{n}") for n in range(2)]
    response = admin_client.post("/admin/auth/group/", {"action": "delete_selected", "post": "yes",
                                                        "_selected_action": [g.pk for g in groups]})
    assert response.status_code == 302 and not Group.objects.filter(name__startswith="组").exists()
    for group in groups:
        assert _last("admin_delete", group).before["name"] == group.name


def test_unit_and_alias_changes_are_audited(admin_client, unit_user):
    unit = unit_user.unit
    url = f"/admin/accounts/unit/{unit.pk}/change/"
    data = _form_data(admin_client.get(url))
    prefix = next(k for k in data if k.endswith("-TOTAL_FORMS")).removesuffix("-TOTAL_FORMS")
    extra = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = extra + 1
    data.update({f"{prefix}-{extra}-alias": "发改", f"{prefix}-{extra}-unit": unit.pk, "short_name": "市发改"})
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["errors"] if response.context else response
    alias = UnitAlias.objects.get(unit=unit, alias="发改")
    assert _last("admin_create", alias).after["alias"] == "发改"
    entry = _last("admin_update", Unit.all_objects.get(pk=unit.pk))
    assert (entry.before["short_name"], entry.after["short_name"]) == ("市发改委", "市发改")


@pytest.mark.parametrize("model", [AccessAttempt, AccessLog, AccessFailureLog])
def test_login_records_cannot_be_changed_or_deleted_even_by_a_superuser(admin_client, model):
    row = model.objects.create(username="office", ip_address="203.0.113.5", user_agent="x", **(
        {"get_data": "", "post_data": "", "failures_since_start": 1} if model is AccessAttempt else {}))
    base = f"/admin/axes/{model._meta.model_name}/"
    assert admin_client.get(base).status_code == 200
    assert admin_client.post(f"{base}{row.pk}/delete/", {"post": "yes"}).status_code == 403
    admin_client.post(base, {"action": "delete_selected", "post": "yes", "_selected_action": [row.pk]})
    admin_client.post(f"{base}{row.pk}/change/", {"username": "someone"})
    assert model.objects.filter(pk=row.pk, username="office").exists()


def test_the_audit_log_has_no_admin_to_edit_it():
    assert not admin.site.is_registered(AuditLog) or isinstance(admin.site._registry[AuditLog], ReadOnlyAdmin)
