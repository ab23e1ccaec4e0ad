"""`in_ids`: a long list of ids as one parameter. A search gives up to SEARCH_LIMIT (2,000) ids; `pk__in` writes
them as 2,000 literals that PostgreSQL parses and plans on every request (a list's totals 7.0 ms, its rows 5.6 ms at
100k projects), where `= ANY(array)` sends one (3.4 and 3.1 ms: bench/pipeline.py, "q=…" pages). SQLite has no
arrays and is as fast with IN: it gets the usual IN."""

from django.core.exceptions import EmptyResultSet
from django.db.models import ForeignKey, IntegerField
from django.db.models.lookups import In


class InIds(In):
    """`field__in_ids=[1, 2, …]`: ids (whole numbers) only, not a queryset."""

    lookup_name = "in_ids"

    def as_postgresql(self, compiler, connection):
        ids = [int(value) for value in self.rhs if value is not None]
        if not ids:
            raise EmptyResultSet
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s::bigint[])", (*lhs_params, ids)


def register() -> None:
    IntegerField.register_lookup(InIds)
    ForeignKey.register_lookup(InIds)
