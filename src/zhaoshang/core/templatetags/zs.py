"""Template filters for Chinese display."""

from django import template

from zhaoshang.core.audit_labels import action_label as label_of
from zhaoshang.core.formatting import format_wan

register = template.Library()


@register.filter
def wan(value):
    """万元 amount → "1亿元" / "500万元"."""
    return format_wan(value)


@register.filter
def action_label(action):
    """An audited action's Chinese name ("update" → "修改")."""
    return label_of(action)
