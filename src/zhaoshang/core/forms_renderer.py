"""The form renderer (settings.FORM_RENDERER): Django's widget templates, with ours first in `form_templates/`.

Django labels a select's empty choice "---------" (model fields' BLANK_CHOICE_DASH, ModelChoiceField's empty_label)
in every form; our select_option.html says "请选择…" instead, for every form of every app at once. List filters say
"全部" (settings.FILTERS_EMPTY_CHOICE_LABEL, django-filter)."""

from pathlib import Path

import django.forms
from django.forms.renderers import DjangoTemplates
from django.utils.functional import cached_property

OVERRIDES = Path(__file__).parent / "form_templates"


class FormRenderer(DjangoTemplates):
    @cached_property
    def engine(self):
        return self.backend({
            "APP_DIRS": True, "NAME": "djangoforms", "OPTIONS": {},
            "DIRS": [OVERRIDES, Path(django.forms.__file__).parent / "templates"],
        })
