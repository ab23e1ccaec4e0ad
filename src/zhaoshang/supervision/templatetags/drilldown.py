"""Links that drill: every count on the supervision pages links to the rows it counts, through OverviewFilters."""

from django import template

register = template.Library()


@register.simple_tag
def drill(filters, name: str = "supervision:overview", **changes) -> str:
    """`filters`' URL on page `name`, with some filters changed: {% drill filters "supervision:assignments" light="red" %}."""
    return filters.url(name, **changes)
