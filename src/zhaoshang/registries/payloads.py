"""A registry row as JSON (the API), and JSON as a row's values: the same form the pages use checks every value, so
page and API accept and refuse alike. Choices are accepted by value or Chinese label; links by id."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError

from zhaoshang.registries.access import contacts_visible
from zhaoshang.registries.forms import EntryForm, initial_of
from zhaoshang.registries.kit import Registry
from zhaoshang.registries.selectors import shown


def _json(value):
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def entry_json(registry: Registry, user, row) -> dict:
    """{"id", "name", <field>: value…}; a link column gives the id and `<field>_name`; contacts masked as for the user."""
    visible = contacts_visible(user, row)
    result = {"id": row.pk, "name": str(row)}
    for name in registry.editable_fields:
        model_field = registry.field(name)
        if model_field.is_relation:
            result[name] = getattr(row, model_field.attname)
            target = getattr(row, name)
            result[f"{name}_name"] = str(target) if target is not None else None
        elif name in registry.contact_fields:
            result[name] = shown(registry, user, row, name, visible)
        else:
            result[name] = _json(getattr(row, name))
    result["created_at"] = _json(row.created_at)
    result["updated_at"] = _json(row.updated_at)
    return result


def entry_values(registry: Registry, user, payload: dict, row=None) -> dict:
    """The clean values of `payload` (a PATCH keeps the row's other values); ValidationError names bad fields."""
    unknown = [key for key in payload if key not in registry.editable_fields]
    if unknown:
        raise ValidationError({key: ["不是该数据库的字段"] for key in unknown})
    data = {key: value for key, value in (initial_of(registry, row) if row else {}).items()}
    for key, value in payload.items():
        model_field = registry.field(key)
        if model_field.choices and isinstance(value, str):
            value = {str(label): v for v, label in model_field.choices}.get(value, value)
        data[key] = "" if value is None else value
    form = EntryForm(data=data, registry=registry, user=user)
    if not form.is_valid():
        raise ValidationError({key: list(errors) for key, errors in form.errors.items()})
    return form.cleaned_data if row is None else {k: v for k, v in form.cleaned_data.items() if k in payload}
