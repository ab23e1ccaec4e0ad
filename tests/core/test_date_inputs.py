"""Every date field of every form renders its value as ISO YYYY-MM-DD (and date-times as YYYY-MM-DDTHH:MM): an
<input type="date"> shows nothing else, and a form saved again would lose the date (the meeting minutes did)."""

import datetime
import importlib
import pkgutil

import pytest
from django import forms

import zhaoshang
from zhaoshang.registries.catalog import all_registries
from zhaoshang.registries.forms import EntryForm

DAY = datetime.date(2026, 12, 3)
MOMENT = datetime.datetime(2026, 12, 3, 9, 30)


def _form_classes() -> list[type[forms.BaseForm]]:
    for module in pkgutil.walk_packages(zhaoshang.__path__, "zhaoshang."):
        if module.name.rsplit(".", 1)[-1] in ("forms", "filters"):
            importlib.import_module(module.name)
    found, pending = [], [forms.BaseForm]
    while pending:
        for sub in pending.pop().__subclasses__():
            pending.append(sub)
            if sub.__module__.startswith("zhaoshang."):
                found.append(sub)
    return found


def _date_fields():
    for form_class in _form_classes():
        for name, field in getattr(form_class, "base_fields", {}).items():
            if isinstance(field, (forms.DateField, forms.DateTimeField)):
                yield f"{form_class.__module__}.{form_class.__qualname__}.{name}", field


DATE_FIELDS = dict(_date_fields())


def test_the_walk_finds_the_forms_with_dates():
    assert {"zhaoshang.meetings.forms.MeetingEditForm.date", "zhaoshang.meetings.forms.ActionItemForm.due_date",
            "zhaoshang.needs.forms.NeedForm.raised_at", "zhaoshang.kpis.forms.ValueForm.as_of"} <= set(DATE_FIELDS)


@pytest.mark.parametrize("name", sorted(DATE_FIELDS))
def test_every_form_date_field_renders_iso(name):
    field = DATE_FIELDS[name]
    if isinstance(field, forms.DateTimeField):
        assert 'value="2026-12-03T09:30"' in field.widget.render("x", MOMENT)
    else:
        assert 'value="2026-12-03"' in field.widget.render("x", DAY)


def test_the_meeting_edit_form_renders_the_saved_date_iso_and_reads_it_back():
    from zhaoshang.meetings.forms import MeetingEditForm

    form = MeetingEditForm(initial={"date": DAY})
    assert 'value="2026-12-03"' in str(form["date"])
    assert forms.DateField().clean("2026-12-03") == forms.DateField().clean("2026/12/03") == DAY


@pytest.mark.django_db
def test_every_registry_date_field_renders_iso(office):
    checked = 0
    for registry in all_registries().values():
        form = EntryForm(registry=registry, user=office)
        for name, field in form.fields.items():
            if isinstance(field, forms.DateField):
                assert 'value="2026-12-03"' in field.widget.render(name, DAY), (registry.key, name)
                checked += 1
    assert checked
