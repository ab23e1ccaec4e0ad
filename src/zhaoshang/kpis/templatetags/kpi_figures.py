"""Template filters of the indicator pages: a light's label, a figure's number, the rule in words, a split's parts."""

from django import template
from django.template.defaultfilters import floatformat

from zhaoshang.kpis import display
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


@register.filter
def goal_text(figure, split=False) -> str:
    """The goal with its unit ("≤5亿元", "增长8%", "17项" for a split target)."""
    return display.goal_text(figure, bool(split))


@register.filter
def actual_text(figure, split=False) -> str:
    """The figure with its unit: whole numbers for counted things, 亿元 for large amounts."""
    return display.actual_text(figure, bool(split))


@register.filter
def expected_text(figure) -> str:
    """The 序时进度 value expected by the date (whole events for counted things)."""
    return display.expected_text(figure)


@register.filter
def percent_text(figure) -> str:
    """完成率, or for growth the growth said in words."""
    return display.percent_text(figure)
