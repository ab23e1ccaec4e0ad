"""Template filters of the indicator pages: a light's label, a figure's number, the rule in words, a split's parts."""

from django import template
from django.template.defaultfilters import floatformat

from zhaoshang.kpis.rules import rule_text
from zhaoshang.supervision.lights import LIGHT_LABELS, Light

register = template.Library()


@register.filter
def light_label(light) -> str:
    return LIGHT_LABELS[Light(light)]


@register.filter
def figure_number(value, places: int = 2) -> str:
    """At most `places` decimals, none for a whole number; "—" when there is no figure."""
    return "—" if value is None else floatformat(value, f"-{places}")


@register.filter
def rule(kpi) -> str:
    return rule_text(kpi)


@register.filter
def parts_of(block, figure) -> list:
    """The parts of a split parent shown in a TaskBlock (none for other figures)."""
    return block.parts.get(figure.kpi.pk, [])
