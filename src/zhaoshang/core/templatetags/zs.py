"""Template filters for Chinese display."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from zhaoshang.core import xlsx
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


@register.simple_tag
def options(choices, data=""):
    """The <option>s of a filter's <select>, from (value, label, chosen[, extra]) tuples: `extra` goes to the
    attribute `data-<data>` when `data` names one. Written in one pass: a long list (units, chain links) through the
    template engine costs more than the rest of the filter form, every value localized as a number on the way."""
    return format_html_join("", "<option value=\"{}\"{}{}>{}</option>", (
        (choice[0], format_html(' data-{}="{}"', data, choice[3]) if data else "", mark_safe(" selected") if choice[2] else "",
         choice[1]) for choice in choices))


@register.simple_tag
def export_label(count: int, counter: str = "条") -> str:
    """A list's export button: "导出Excel（按当前筛选）", and, when the list is longer than one export holds, how many
    rows it will get ("，前50000条")."""
    cut = f"，前{xlsx.EXPORT_LIMIT}{counter}" if count > xlsx.EXPORT_LIMIT else ""
    return f"导出Excel（按当前筛选{cut}）"
