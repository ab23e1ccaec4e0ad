"""Rows of the innovation registries, written through the kit's service as the office."""

import pytest


@pytest.fixture
def firm(entry):
    return entry("enterprise", name="示例光电科技有限公司", is_local=True)
