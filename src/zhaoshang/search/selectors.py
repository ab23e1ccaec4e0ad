"""Reads of the search index: the ids of the rows of one kind whose text (or pinyin initials) contains a query.

Plan (the same SQL on SQLite and PostgreSQL; plans in bench/search.py):
- A query that is one term (2 characters; 3 ASCII letters or digits: an initials trigram) is exact: its postings,
  newest first from the primary key, are the answer.
- A 2-letter ASCII query: the postings of the terms it starts (itself, itself + each letter or digit), each cut at
  limit + 1 newest, merged.
- Longer: the newest COUNT_CAP postings of each term tell how rare it is (the count, or for a common term how far
  back its COUNT_CAP-th newest posting lies); the rarest term's postings are walked newest first, each kept if it
  also holds the next rarest terms (one primary-key probe each) and its document contains the query (LIKE), until
  limit + 1. Work is bounded by the rarest term's postings, or by limit / (share of them that match) when many do.
- 1 character: no term to look up; a newest-first scan of the documents, stopped at limit + 1.
"""

from dataclasses import dataclass

from django.db import connection

from zhaoshang.search.indexing import (initials_pair_terms, initials_query_terms, is_initials_query, like_pattern,
                                       normalize, query_terms)
from zhaoshang.search.models import SearchDoc, SearchGram, SearchKind

SEARCH_LIMIT = 2000  # the platform's one cap on a list's search: this many rows at most, newest first
COUNT_CAP = 1000  # newest postings read per term to rank the terms (bench/search.py: 500-1000 is best)
PROBES = 1  # other terms probed per candidate before its document is read (bench: 1 beats 0 and 2)
DOC_TABLE = SearchDoc._meta.db_table
GRAM_TABLE = SearchGram._meta.db_table
KIND_TABLE = SearchKind._meta.db_table


@dataclass
class SearchHits:
    """Matching object ids, newest (highest id) first, at most `limit`; `truncated` when more rows match."""

    ids: list[int]
    truncated: bool


NO_HITS = SearchHits(ids=[], truncated=False)
# a term's postings, newest first (kind, term, how many)
NEWEST = f"SELECT object_id FROM {GRAM_TABLE} WHERE kind_id = %s AND gram = %s ORDER BY object_id DESC LIMIT %s"


def _hits(rows: list[tuple[int]], limit: int) -> SearchHits:
    return SearchHits(ids=[row[0] for row in rows[:limit]], truncated=len(rows) > limit)


def hits_union(parts: list[SearchHits], *, limit: int = SEARCH_LIMIT) -> SearchHits:
    """The ids several searches found for one kind of row (its own text, its project's, its enterprise's …), newest
    first and cut at `limit`; truncated when a part was, or the union is longer."""
    ids = sorted({object_id for part in parts for object_id in part.ids}, reverse=True)
    return SearchHits(ids=ids[:limit], truncated=len(ids) > limit or any(part.truncated for part in parts))


def _postings(cursor, kind_id: int, term: str, limit: int) -> SearchHits:
    cursor.execute(NEWEST, [kind_id, term, limit + 1])
    return _hits(cursor.fetchall(), limit)


def _merged_postings(cursor, kind_id: int, terms: list[str], limit: int) -> SearchHits:
    union = " UNION ALL ".join(f"SELECT object_id FROM ({NEWEST}) AS t{n}" for n in range(len(terms)))
    cursor.execute(f"SELECT DISTINCT u.object_id FROM ({union}) AS u ORDER BY u.object_id DESC LIMIT %s",
                   [*[value for term in terms for value in (kind_id, term, limit + 1)], limit + 1])
    return _hits(cursor.fetchall(), limit)


def _by_rarity(cursor, kind_id: int, terms: list[str]) -> list[str] | None:
    """The terms, rarest first; None when one of them has no posting. A term with fewer than COUNT_CAP postings is
    ranked by its count; a common one by its COUNT_CAP-th newest posting (the further back, the sparser the term
    where the walk reads it)."""
    union = " UNION ALL ".join(
        f"SELECT {n}, COUNT(*), MIN(object_id) FROM ({NEWEST}) AS t{n}" for n in range(len(terms)))
    cursor.execute(union, [value for term in terms for value in (kind_id, term, COUNT_CAP)])
    ranks = {n: (count >= COUNT_CAP, count if count < COUNT_CAP else oldest) for n, count, oldest in cursor.fetchall()}
    if any(rank == (False, 0) for rank in ranks.values()):
        return None
    return [terms[n] for n in sorted(ranks, key=ranks.__getitem__)]


def _walk(cursor, kind_id: int, terms: list[str], column: str, query: str, limit: int) -> SearchHits:
    ranked = _by_rarity(cursor, kind_id, terms)
    if ranked is None:
        return NO_HITS
    rarest, *others = ranked
    others = others[:PROBES]
    # Every check is a scalar subquery, a primary-key probe per posting of the rarest term read newest first:
    # - never a join: PostgreSQL, misjudging LIKE '%…%' or how many postings two terms share, would hash whole posting
    #   lists or drive the join from a scan of every document (0.1-0.3 s at 1M) instead of stopping at limit + 1;
    # - inside CASE, so that both databases probe the next rarest terms before reading the document;
    # - a boolean, whose selectivity PostgreSQL guesses at 1/2 (not 1/200 as for LIKE): the plan's cost stays below
    #   PostgreSQL's JIT threshold (compiling costs more than the query).
    probes = " AND ".join(f"(SELECT TRUE FROM {GRAM_TABLE} p{n} WHERE p{n}.kind_id = %s AND p{n}.gram = %s"
                          f" AND p{n}.object_id = g.object_id)" for n in range(len(others)))
    document = (f"(SELECT d.{column} LIKE %s ESCAPE '\\' FROM {DOC_TABLE} d"
                " WHERE d.kind_id = %s AND d.object_id = g.object_id)")
    check = f"CASE WHEN {probes} THEN {document} ELSE FALSE END" if others else document
    cursor.execute(
        f"SELECT g.object_id FROM {GRAM_TABLE} g WHERE g.kind_id = %s AND g.gram = %s AND {check}"
        " ORDER BY g.object_id DESC LIMIT %s",
        [kind_id, rarest, *[value for term in others for value in (kind_id, term)], like_pattern(query), kind_id,
         limit + 1])
    return _hits(cursor.fetchall(), limit)


def _scan(cursor, kind_id: int, query: str, limit: int) -> SearchHits:
    # a letter or digit of a text is in its initials too; CASE hides the pattern from PostgreSQL's estimate, which
    # otherwise takes a rare character for rarer still and scans and sorts every document (0.15 s at 1M)
    column = "initials" if is_initials_query(query) else "text"
    cursor.execute(f"SELECT d.object_id FROM {DOC_TABLE} d WHERE d.kind_id = %s"
                   f" AND CASE WHEN d.{column} LIKE %s ESCAPE '\\' THEN TRUE ELSE FALSE END"
                   " ORDER BY d.object_id DESC LIMIT %s", [kind_id, like_pattern(query), limit + 1])
    return _hits(cursor.fetchall(), limit)


def search_ids(kind: str, query: str, *, limit: int = 1000) -> SearchHits:
    """Ids of rows of `kind` whose text contains the normalized query (or, for an ASCII query, whose initials do)."""
    query = normalize(query)
    if not query or limit < 1:
        return NO_HITS
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id FROM {KIND_TABLE} WHERE name = %s", [kind])
        row = cursor.fetchone()
        if row is None:
            return NO_HITS
        kind_id = row[0]
        if len(query) == 1:
            return _scan(cursor, kind_id, query, limit)
        if is_initials_query(query):
            if len(query) == 2:
                return _merged_postings(cursor, kind_id, initials_pair_terms(query), limit)
            if len(query) == 3:
                return _postings(cursor, kind_id, query, limit)
            return _walk(cursor, kind_id, initials_query_terms(query), "initials", query, limit)
        if len(query) == 2:
            return _postings(cursor, kind_id, query, limit)
        return _walk(cursor, kind_id, query_terms(query), "text", query, limit)
