"""Needs in the platform's one search index: a need's document (its title and what it asks), putting needs in after
a write, and the list's `q`, which also finds a need by its project's or its enterprise's name from their own
documents (so renaming a project or an enterprise re-indexes no need). Deleted needs stay indexed; lists read live
rows only."""

from collections.abc import Iterable

from django.db.models import Q

from zhaoshang.needs.models import Need
from zhaoshang.projects.search import ENTERPRISE_KIND, PROJECT_KIND
from zhaoshang.search.selectors import SEARCH_LIMIT, SearchHits, hits_union, search_ids
from zhaoshang.search.services import search_index_put

NEED_KIND = "need"


def need_texts(need) -> list[str]:
    return [need.title, need.description]


def index_needs(needs: Iterable) -> None:
    search_index_put(NEED_KIND, [(need.pk, need_texts(need)) for need in needs])


def need_hits(query: str) -> SearchHits:
    """Needs whose title or text, project's name or enterprise's name contains the query: ids newest first, at most
    SEARCH_LIMIT, truncated when more match."""
    own = search_ids(NEED_KIND, query, limit=SEARCH_LIMIT)
    projects = search_ids(PROJECT_KIND, query, limit=SEARCH_LIMIT)
    enterprises = search_ids(ENTERPRISE_KIND, query, limit=SEARCH_LIMIT)
    related = Q(project_id__in_ids=projects.ids) | Q(enterprise_id__in_ids=enterprises.ids)
    ids = list(Need.objects.filter(related).order_by("-pk").values_list("pk", flat=True)[:SEARCH_LIMIT + 1])
    by_relation = SearchHits(ids=ids, truncated=projects.truncated or enterprises.truncated)
    return hits_union([own, by_relation], limit=SEARCH_LIMIT)
