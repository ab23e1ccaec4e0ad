"""Rows of the talent registries, and two firms of the directory on the demo plan's chains."""

import pytest

from zhaoshang.plans.models import Chain


@pytest.fixture
def chain(demo):
    return Chain.objects.filter(plan=demo, name="盐化工").get()


@pytest.fixture
def firms(entry, chain):
    """A local firm on 盐化工 and another firm (no chain)."""
    return [entry("enterprise", name="示例盐化有限公司", chain=chain, is_local=True),
            entry("enterprise", name="示例装备有限公司")]
