"""The name search index: one document per indexed row and its postings (the terms it holds), per kind of row.

Derived data, rebuilt from the registries at will: written only by `services.py`, never audited. Both index tables are
keyed by their composite primary key alone, the kind by a small integer; on SQLite migration 0001 creates them WITHOUT
ROWID, so each is a single B-tree: one seek per probe, and 375 MiB for 1M names (24M postings) where Django's default
layout (an id, the kind as text, a unique index) takes 1.6 GiB. A later migration that alters these tables on SQLite
rebuilds them without that clause: `tests/search/test_storage.py` notices.
"""

from django.db import models


class SearchKind(models.Model):
    """A kind of indexed row ("land", "enterprise" …); its small id keeps the index rows narrow."""

    id = models.SmallAutoField(primary_key=True)
    name = models.CharField("类别", max_length=30, unique=True)

    class Meta:
        verbose_name = verbose_name_plural = "检索类别"

    def __str__(self) -> str:
        return self.name


class SearchDoc(models.Model):
    """One indexed row: its normalized field texts and their pinyin initials, fields separated by a newline."""

    pk = models.CompositePrimaryKey("kind", "object_id")
    kind = models.ForeignKey(SearchKind, on_delete=models.DO_NOTHING, db_constraint=False, db_index=False,
                             related_name="+")
    object_id = models.BigIntegerField()
    text = models.TextField()
    initials = models.TextField()

    class Meta:
        verbose_name = verbose_name_plural = "检索文档"


class SearchGram(models.Model):
    """A posting: the document `object_id` of `kind` holds the term `gram` (a text's bigram, an initials trigram)."""

    pk = models.CompositePrimaryKey("kind", "gram", "object_id")
    kind = models.ForeignKey(SearchKind, on_delete=models.DO_NOTHING, db_constraint=False, db_index=False,
                             related_name="+")
    gram = models.CharField(max_length=3)
    object_id = models.BigIntegerField()

    class Meta:
        verbose_name = verbose_name_plural = "检索词元"
