"""Rows of the finance registries written through the kit's service as the office."""

import pytest


@pytest.fixture
def chains(demo):
    from zhaoshang.plans.models import Chain

    return list(Chain.objects.filter(plan=demo, merged_into__isnull=True).order_by("order", "id")[:2])
