"""The needs card on a unit's "我的工作" page (included from supervision/my_work.html)."""

from django import template

from zhaoshang.needs.selectors import NeedRow, unit_open_needs as open_needs

register = template.Library()


@register.simple_tag
def unit_open_needs(user) -> list[NeedRow]:
    """The open needs routed to the user's unit, most urgent first."""
    return open_needs(user=user)
