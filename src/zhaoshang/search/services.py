"""Writes to the search index: put, drop and clear the documents of one kind.

Not audited: the index is derived from the registries' rows and rebuilt from them at will. A put compares each row's
new document with the stored one and writes only the postings that change, so re-indexing unchanged rows costs one
read; the old postings are recomputed from the stored text and initials (no second index on the postings by object).
If the term rules in `indexing.py` ever change, clear and re-put every kind.
"""

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

from django.db import connection, transaction

from zhaoshang.core.chunks import chunks
from zhaoshang.search import indexing
from zhaoshang.search.models import SearchDoc, SearchGram, SearchKind

DOC_BATCH = 2000  # rows read and written per round trip
DOC_TABLE = SearchDoc._meta.db_table
GRAM_TABLE = SearchGram._meta.db_table
KIND_MAX_LENGTH = SearchKind._meta.get_field("name").max_length

Postings = dict[str, list[int]]  # term → object ids


def _kind_id(kind: str, *, create: bool) -> int | None:
    if not kind or len(kind) > KIND_MAX_LENGTH:
        raise ValueError(f"search kind must be 1-{KIND_MAX_LENGTH} characters: {kind!r}")
    if create:
        return SearchKind.objects.get_or_create(name=kind)[0].id
    return SearchKind.objects.filter(name=kind).values_list("id", flat=True).first()


def _in_key_order(postings: Postings):
    # each write lands next to the previous one in the B-tree (twice as fast as random order on SQLite); sorting
    # the terms, then each term's ids, is far cheaper than sorting (term, id) tuples
    for term in sorted(postings):
        for object_id in sorted(postings[term]):
            yield term, object_id


def _stored(cursor, kind_id: int, object_ids: Sequence[int]) -> dict[int, tuple[str, str]]:
    # locked on PostgreSQL: two puts of one row (a re-index beside an edit) take turns, the second diffing against
    # what the first wrote; SQLite has one writer at a time anyway
    lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
    marks = ", ".join(["%s"] * len(object_ids))
    cursor.execute(f"SELECT object_id, text, initials FROM {DOC_TABLE} WHERE kind_id = %s AND object_id IN ({marks})"
                   f"{lock}", [kind_id, *object_ids])
    return {object_id: (text, initials) for object_id, text, initials in cursor.fetchall()}


def _delete_postings(cursor, kind_id: int, postings: Postings) -> None:
    if not postings:
        return
    rows = list(_in_key_order(postings))
    if connection.vendor == "sqlite":  # kind_id is our own integer: in the statement, one parameter less per row
        cursor.executemany(f"DELETE FROM {GRAM_TABLE} WHERE kind_id = {int(kind_id)} AND gram = %s AND object_id = %s",
                           rows)
        return
    # PostgreSQL: one statement, two arrays; planned as a primary-key probe per row (bench/search.py)
    cursor.execute(f"DELETE FROM {GRAM_TABLE} WHERE kind_id = %s AND (gram, object_id) IN "
                   "(SELECT * FROM unnest(%s::varchar[], %s::bigint[]))",
                   [kind_id, [term for term, _ in rows], [object_id for _, object_id in rows]])


def _insert_postings(cursor, kind_id: int, postings: Postings) -> None:
    if not postings:
        return
    if connection.vendor == "sqlite":  # one JSON parameter that SQLite unpacks: no Python binding per posting
        payload = json.dumps({term: sorted(postings[term]) for term in sorted(postings)}, ensure_ascii=False)
        cursor.execute(f"INSERT INTO {GRAM_TABLE} (kind_id, gram, object_id) SELECT {int(kind_id)}, t.key, i.value "
                       "FROM json_each(%s) AS t, json_each(t.value) AS i", [payload])
        return
    # PostgreSQL: COPY, the least work on both sides (psycopg's own cursor under Django's)
    with cursor.cursor.copy(f"COPY {GRAM_TABLE} (kind_id, gram, object_id) FROM STDIN") as copy:
        for term, object_id in _in_key_order(postings):
            copy.write_row((kind_id, term, object_id))


def _delete_docs(cursor, kind_id: int, object_ids: Sequence[int]) -> None:
    if object_ids:
        marks = ", ".join(["%s"] * len(object_ids))
        cursor.execute(f"DELETE FROM {DOC_TABLE} WHERE kind_id = %s AND object_id IN ({marks})", [kind_id, *object_ids])


def _upsert_docs(cursor, kind_id: int, docs: list[tuple[int, str, str]]) -> None:
    for chunk in chunks(docs, DOC_BATCH):
        values = ", ".join([f"({int(kind_id)}, %s, %s, %s)"] * len(chunk))
        cursor.execute(
            f"INSERT INTO {DOC_TABLE} (kind_id, object_id, text, initials) VALUES {values} "
            "ON CONFLICT (kind_id, object_id) DO UPDATE SET text = excluded.text, initials = excluded.initials",
            [value for doc in chunk for value in doc])


def _put_batch(cursor, kind_id: int, batch: dict[int, Sequence[str]]) -> None:
    stored = _stored(cursor, kind_id, list(batch))
    removed: Postings = defaultdict(list)
    added: Postings = defaultdict(list)
    upserts: list[tuple[int, str, str]] = []
    emptied: list[int] = []
    for object_id, fields in batch.items():
        text, initials = indexing.document(fields)
        before = stored.get(object_id)
        if before == (text, initials):
            continue
        new_terms = indexing.document_grams(text, initials)
        if before:
            old_terms = indexing.document_grams(*before)
            for term in old_terms - new_terms:
                removed[term].append(object_id)
            new_terms -= old_terms
        for term in new_terms:
            added[term].append(object_id)
        if text:
            upserts.append((object_id, text, initials))
        elif before:
            emptied.append(object_id)
    _delete_postings(cursor, kind_id, removed)
    _insert_postings(cursor, kind_id, added)
    _upsert_docs(cursor, kind_id, upserts)
    _delete_docs(cursor, kind_id, emptied)


@transaction.atomic
def search_index_put(kind: str, docs: Iterable[tuple[int, Sequence[str]]]) -> None:
    """Index rows of `kind`: (object_id, field texts) each, replacing the row's indexed text; no text drops the row."""
    kind_id = _kind_id(kind, create=True)
    with connection.cursor() as cursor:
        batch: dict[int, Sequence[str]] = {}
        for object_id, fields in docs:
            if isinstance(fields, str):
                raise TypeError("search_index_put wants a sequence of field texts per row, not one string")
            batch[int(object_id)] = fields
            if len(batch) >= DOC_BATCH:
                _put_batch(cursor, kind_id, batch)
                batch = {}
        if batch:
            _put_batch(cursor, kind_id, batch)


@transaction.atomic
def search_index_drop(kind: str, object_ids: Iterable[int]) -> None:
    """Remove rows of `kind` from the index; ids never indexed are ignored."""
    kind_id = _kind_id(kind, create=False)
    if kind_id is None:
        return
    with connection.cursor() as cursor:
        for chunk in chunks(dict.fromkeys(int(object_id) for object_id in object_ids), DOC_BATCH):
            stored = _stored(cursor, kind_id, chunk)
            postings: Postings = defaultdict(list)
            for object_id, doc in stored.items():
                for term in indexing.document_grams(*doc):
                    postings[term].append(object_id)
            _delete_postings(cursor, kind_id, postings)
            _delete_docs(cursor, kind_id, list(stored))


@transaction.atomic
def search_index_clear(kind: str) -> None:
    """Remove every row of `kind` from the index (before re-indexing it from scratch)."""
    kind_id = _kind_id(kind, create=False)
    if kind_id is None:
        return
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {GRAM_TABLE} WHERE kind_id = %s", [kind_id])
        cursor.execute(f"DELETE FROM {DOC_TABLE} WHERE kind_id = %s", [kind_id])


def search_index_rows(kind: str, rows: Iterable, texts: Callable[[object], Sequence[str]]) -> int:
    """Index every row of `rows` (a queryset's iterator; historical rows in a migration) as `texts(row)`, a batch per
    transaction (unless the caller's encloses them); returns how many rows were read."""
    count = 0
    for batch in chunks(rows, DOC_BATCH):
        search_index_put(kind, [(row.pk, texts(row)) for row in batch])
        count += len(batch)
    return count
