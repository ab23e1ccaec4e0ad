"""The note every searchable list shows when its keyword matched more rows than the search returns."""

from django import template

from zhaoshang.search.notes import truncated_note

register = template.Library()


@register.inclusion_tag("search/_truncated.html")
def search_truncated(truncated: bool, query: str, noun: str, counter: str = "个"):
    """`{% search_truncated listing.truncated query "项目" %}`: nothing unless the search was cut."""
    return {"truncated": truncated, "note": truncated_note(query, noun, counter) if truncated else ""}
