"""The action-items card on a unit's "我的工作" page (included from supervision/my_work.html)."""

from django import template

from zhaoshang.meetings.selectors.meetings import ActionRow, unit_action_items as open_items

register = template.Library()


@register.simple_tag
def unit_action_items(user) -> list[ActionRow]:
    """The open action items of the user's unit, the earliest due first."""
    return open_items(user=user)
