"""The create/edit form of any registry, built from its declaration. It only parses; `entry_save` decides."""

from django import forms

from zhaoshang.accounts.models import Unit
from zhaoshang.core.permissions import can
from zhaoshang.registries.kit import Registry

LINKED_CHOICES_SHOWN = 300  # a foreign key to a large table (projects, enterprises) is typed as a number past this
EMPTY_CHOICE = "请选择"


def _styled(form: forms.BaseForm) -> None:
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.CheckboxInput):
            widget.attrs["class"] = "form-check-input"
        else:
            widget.attrs["class"] = "form-select" if isinstance(widget, forms.Select) else "form-control"


def _linkable_rows(related, user):
    """The rows a link column may point at for `user`: what the user may see of projects and needs (registries.links
    decides), every row of the other kinds."""
    from zhaoshang.registries.links import kind_of_model, visible_rows

    kind = kind_of_model(related)
    rows = visible_rows(user, kind) if kind else None
    return related.objects.all() if rows is None else rows


def _formfield(registry: Registry, name: str, user) -> forms.Field:
    model_field = registry.field(name)
    if model_field.get_internal_type() == "DateField":
        field = model_field.formfield(widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    elif model_field.get_internal_type() == "TextField":
        field = model_field.formfield(widget=forms.Textarea(attrs={"rows": 3}))
    else:
        field = model_field.formfield()
    field.label = registry.label(name)
    if model_field.is_relation and model_field.many_to_one:
        related = model_field.related_model
        field.queryset = rows = _linkable_rows(related, user)
        field.empty_label = "（本人所在单位）" if name == "owner_unit" else EMPTY_CHOICE
        if related is not Unit and rows.count() > LINKED_CHOICES_SHOWN:  # typed, with the latest rows offered
            field.widget = forms.TextInput(attrs={"list": f"{name}-options", "inputmode": "numeric"})
            field.datalist = [(row.pk, str(row)) for row in rows.order_by("-pk")[:LINKED_CHOICES_SHOWN]]
            field.help_text = f"输入{field.label}的编号，或从最近的{LINKED_CHOICES_SHOWN}条中选择"
            field.error_messages["invalid_choice"] = f"{field.label}编号不存在或无权选择"
    elif getattr(field, "choices", None) and not model_field.is_relation:
        field.choices = [(value, EMPTY_CHOICE if value == "" else label) for value, label in field.choices]
    return field


class EntryForm(forms.Form):
    """The registry's own columns, then the shared ones (维护单位 only for those who keep every row)."""

    def __init__(self, *args, registry: Registry, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.registry = registry
        for name in registry.editable_fields:
            if name == "owner_unit" and not can(user, "manage"):
                continue  # a unit user's rows are its unit's
            self.fields[name] = _formfield(registry, name, user)
        _styled(self)


def initial_of(registry: Registry, row) -> dict:
    values = {}
    for name in registry.editable_fields:
        model_field = registry.field(name)
        values[name] = getattr(row, model_field.attname)
    return values
