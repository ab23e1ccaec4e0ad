"""Rebuilding a registry's search index from its rows."""

import pytest
from django.core.management import CommandError, call_command

from zhaoshang.registries.catalog import registry_named
from zhaoshang.registries.services import entry_create
from zhaoshang.search.selectors import search_ids
from zhaoshang.search.services import search_index_clear


def test_reindex_finds_rows_again_after_the_index_is_lost(office, capsys):
    park = entry_create(registry=registry_named("park"), actor=office, data={"name": "璇玑产业园"})
    search_index_clear("park")
    assert search_ids("park", "璇玑").ids == []
    call_command("search_reindex", "park")
    assert search_ids("park", "璇玑").ids == [park.pk]
    assert "园区：已重建" in capsys.readouterr().out


def test_reindex_names_an_unknown_registry_in_chinese(db):
    with pytest.raises(CommandError, match="没有这些数据库：nothing"):
        call_command("search_reindex", "nothing")

