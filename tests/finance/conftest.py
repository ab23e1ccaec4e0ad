"""Rows of the finance registries written through the kit's service as the office."""

import pytest

from zhaoshang.registries.catalog import registry_named
from zhaoshang.registries.services import entry_create


@pytest.fixture
def entry(office):
    def make(key, **data):
        return entry_create(registry=registry_named(key), actor=office, data=data)

    return make


@pytest.fixture
def chains(demo):
    from zhaoshang.plans.models import Chain

    return list(Chain.objects.filter(plan=demo, merged_into__isnull=True).order_by("order", "id")[:2])
