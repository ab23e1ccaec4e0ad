"""Every change made in /admin/ lands in the audit log; log-in records and the audit log cannot be changed there.

`AuditedAdmin` is the one base every registered ModelAdmin uses (ours by inheritance, the others' through
`audit_every_admin`, called from CoreConfig.ready; a test walks the admin site to hold that): it
snapshots an object when the admin loads it, and records before/after (with its many-to-many fields, e.g. a
user's groups and permissions, and its inline rows, e.g. a unit's aliases) once the change is saved. Secret fields
(the password hash) are never written: the entry only says that they changed.
"""

import axes.admin  # noqa: F401  (registered first, so that it can be replaced below)
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin

from zhaoshang.core.audit import audit_record, snapshot

SECRET_CHANGED = "已修改"
SECRET_FIELDS = ("password",)


def admin_snapshot(obj) -> dict:
    """The object's fields and many-to-many ids (secrets included: redacted by `_redacted` before writing)."""
    data = snapshot(obj)
    if obj.pk is not None:
        for field in obj._meta.many_to_many:
            data[field.name] = sorted(getattr(obj, field.name).values_list("pk", flat=True))
    return data


def _redacted(before: dict | None, after: dict | None) -> tuple[dict | None, dict | None]:
    """Drop secret values; say in `after` whether each one changed."""
    before, after = dict(before) if before else None, dict(after) if after else None
    for name in SECRET_FIELDS:
        old = before.pop(name, None) if before else None
        new = after.pop(name, None) if after else None
        if after is not None and new != old:
            after[name] = SECRET_CHANGED
    return before, after


def _loaded(request) -> dict:
    if not hasattr(request, "_audit_loaded"):
        request._audit_loaded, request._audit_done = {}, set()
    return request._audit_loaded


class AuditedAdmin(admin.ModelAdmin):
    """ModelAdmin whose every save and delete writes an audit entry (actions `admin_create/update/delete`)."""

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is not None:
            _loaded(request)[(obj._meta.label_lower, obj.pk)] = admin_snapshot(obj)
        return obj

    def _audit_saved(self, request, obj, change: bool) -> None:
        key = (obj._meta.label_lower, obj.pk)
        loaded = _loaded(request)
        before = loaded.get(key) if change else None
        before, after = _redacted(before, admin_snapshot(obj))
        audit_record(actor=request.user, action="admin_update" if change else "admin_create", obj=obj, before=before, after=after)
        request._audit_done.add(key)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)  # after the m2m fields and inlines are saved
        self._audit_saved(request, form.instance, change)

    def save_formset(self, request, form, formset, change):
        doomed = [(f.instance, snapshot(f.instance)) for f in formset.deleted_forms if f.instance.pk is not None]
        super().save_formset(request, form, formset, change)
        for inline in formset.new_objects:
            audit_record(actor=request.user, action="admin_create", obj=inline, after=_redacted(None, snapshot(inline))[1])
        for inline, changed in formset.changed_objects:
            audit_record(actor=request.user, action="admin_update", obj=inline,
                         before={"changed_fields": changed}, after=_redacted(None, snapshot(inline))[1])
        for inline, before in doomed:
            inline.pk = inline.pk or before.get(inline._meta.pk.attname)
            audit_record(actor=request.user, action="admin_delete", obj=inline, before=_redacted(before, None)[0])

    def log_change(self, request, obj, message):
        # changes saved without the change form (e.g. the password form) are recorded here
        if (obj._meta.label_lower, obj.pk) not in getattr(request, "_audit_done", ()):
            self._audit_saved(request, obj, change=True)
        return super().log_change(request, obj, message)

    def delete_model(self, request, obj):
        before, pk = admin_snapshot(obj), obj.pk
        super().delete_model(request, obj)
        obj.pk = obj.pk or pk  # a hard delete clears it; the entry names the row that was deleted
        audit_record(actor=request.user, action="admin_delete", obj=obj, before=_redacted(before, None)[0])

    def delete_queryset(self, request, queryset):
        doomed = [(obj, admin_snapshot(obj)) for obj in queryset]
        super().delete_queryset(request, queryset)
        for obj, before in doomed:
            obj.pk = obj.pk or before.get(obj._meta.pk.attname)
            audit_record(actor=request.user, action="admin_delete", obj=obj, before=_redacted(before, None)[0])


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records nobody may add, change or delete through the UI, superusers included."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# Log-in and failed log-in records (等保: 安全审计) are kept: axes' own admins allow deleting them.
for model, base in ((AccessAttempt, axes.admin.AccessAttemptAdmin), (AccessLog, axes.admin.AccessLogAdmin),
                    (AccessFailureLog, axes.admin.AccessFailureLogAdmin)):
    if admin.site.is_registered(model):
        admin.site.unregister(model)
    admin.site.register(model, type(f"ReadOnly{base.__name__}", (ReadOnlyAdmin, base), {"actions": []}))


def audit_every_admin(site=admin.site) -> None:
    """Give each registered ModelAdmin that is neither audited nor read-only (Django's groups, django-otp's devices,
    whatever an app adds) the audit, keeping its own behaviour; runs once every app's admin is registered."""
    for model, model_admin in list(site._registry.items()):
        if not isinstance(model_admin, AuditedAdmin | ReadOnlyAdmin):
            cls = type(model_admin)
            site.unregister(model)
            site.register(model, type(f"Audited{cls.__name__}", (AuditedAdmin, cls), {"__module__": cls.__module__}))
