"""Template filters for Chinese display."""

from django import template

from zhaoshang.core.formatting import format_wan

register = template.Library()


@register.filter
def wan(value):
    """万元 amount → "1亿元" / "500万元"."""
    return format_wan(value)
