"""Amounts in 万元 shown as Chinese forms show them."""

from decimal import Decimal

import pytest

from zhaoshang.core.formatting import format_wan


@pytest.mark.parametrize(("wan", "shown"), [
    (Decimal("10000"), "1亿元"), (Decimal("9999.99"), "9999.99万元"), (Decimal("4000000"), "400亿元"),
    (Decimal("12345.678"), "1.23亿元"), (500, "500万元"), (None, "—"),
])
def test_format_wan(wan, shown):
    assert format_wan(wan) == shown
