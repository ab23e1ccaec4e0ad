"""Rows of the innovation registries, written through the kit's service as the office."""

import pytest

from zhaoshang.registries.catalog import registry_named
from zhaoshang.registries.services import entry_create


@pytest.fixture
def entry(office):
    def make(key, **data):
        return entry_create(registry=registry_named(key), actor=office, data=data)

    return make


@pytest.fixture
def firm(entry):
    return entry("enterprise", name="示例光电科技有限公司", is_local=True)
