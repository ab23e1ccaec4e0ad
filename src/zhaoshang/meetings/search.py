"""Meetings in the platform's one search index: a meeting's document (title, minutes, place), putting meetings in
after a write, and the list's `q`. Deleted meetings stay indexed; lists read live rows only."""

from collections.abc import Iterable

from zhaoshang.search.selectors import SEARCH_LIMIT, SearchHits, search_ids
from zhaoshang.search.services import search_index_put

MEETING_KIND = "meeting"


def meeting_texts(meeting) -> list[str]:
    return [meeting.title, meeting.minutes, meeting.place]


def index_meetings(meetings: Iterable) -> None:
    search_index_put(MEETING_KIND, [(meeting.pk, meeting_texts(meeting)) for meeting in meetings])


def meeting_hits(query: str) -> SearchHits:
    """Meetings whose title, minutes or place contains the query: ids newest first, at most SEARCH_LIMIT."""
    return search_ids(MEETING_KIND, query, limit=SEARCH_LIMIT)
