"""The note every searchable list shows when its keyword matched more rows than the search returns."""

from django import template

from zhaoshang.search import selectors

register = template.Library()


@register.inclusion_tag("search/_truncated.html")
def search_truncated(truncated: bool, query: str, noun: str, counter: str = "个"):
    """`{% search_truncated listing.truncated query "项目" %}`: nothing unless the search was cut."""
    return {"truncated": truncated, "query": query, "noun": noun, "counter": counter, "limit": selectors.SEARCH_LIMIT}
