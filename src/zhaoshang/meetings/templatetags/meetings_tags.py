"""Agenda ordinals as the minutes write them."""

from django import template

from zhaoshang.core.numerals import paren_ordinal as _paren_ordinal

register = template.Library()


@register.filter
def paren_ordinal(number: int) -> str:
    """An agenda topic's number as the minutes write it: （一）…（十）（十一）."""
    return _paren_ordinal(int(number))
