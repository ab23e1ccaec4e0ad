"""Projects and their investors in the platform's one search index (`zhaoshang.search`): each row's document, putting
rows in after a write, and the list's `q` (a project's name or an investor's).

Deleted rows stay indexed, as the registries' do: the lists read live rows only, so a project in the recycle bin is
not listed and is found again when restored, with no write to the index either way.
"""

from collections.abc import Iterable

from zhaoshang.projects.links import enterprise_links
from zhaoshang.registries.catalog import registry_named
from zhaoshang.search.selectors import SEARCH_LIMIT, SearchHits, hits_union, search_ids
from zhaoshang.search.services import search_index_put

PROJECT_KIND = "project"
ENTERPRISE_KIND = "enterprise"  # the enterprise directory's registry key (targeting/registries.py)


def project_texts(project) -> list[str]:
    """A project's document: its name. The list's 关键词 is 项目或企业名称; a park's name would match every project
    in it (化工园区 for 化工)."""
    return [project.name]


def enterprise_texts(enterprise) -> list[str]:
    """An enterprise's document as the directory declares it (its search fields); a field the row lacks is empty."""
    values = (getattr(enterprise, name, None) for name in registry_named(ENTERPRISE_KIND).search_fields)
    return ["" if value is None else str(value) for value in values]


def index_projects(projects: Iterable) -> None:
    """Put projects (model rows, or anything with pk and name) into the index, in one call."""
    search_index_put(PROJECT_KIND, [(project.pk, project_texts(project)) for project in projects])


def index_enterprises(enterprises: Iterable) -> None:
    """Put enterprises (rows, or the bulk import's new ones: pk, name, credit code) into the index, in one call."""
    search_index_put(ENTERPRISE_KIND, [(enterprise.pk, enterprise_texts(enterprise)) for enterprise in enterprises])


def project_hits(query: str) -> SearchHits:
    """Projects whose name or an investor's name contains the query: ids newest first, at most SEARCH_LIMIT, truncated
    when more match (deleted ones included: the list's live filter drops them)."""
    named = search_ids(PROJECT_KIND, query, limit=SEARCH_LIMIT)
    investors = search_ids(ENTERPRISE_KIND, query, limit=SEARCH_LIMIT)
    invested = SearchHits(ids=[project for _, project in enterprise_links(investors.ids)], truncated=investors.truncated)
    return hits_union([named, invested], limit=SEARCH_LIMIT)
