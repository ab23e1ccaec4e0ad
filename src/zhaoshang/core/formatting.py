"""Chinese formatting of amounts (money is stored in 万元)."""

from decimal import Decimal


def format_wan(amount_wan: Decimal | int | None) -> str:
    """A 万元 amount for display: 1亿元 and above in 亿元, below in 万元, without trailing zeros."""
    if amount_wan is None:
        return "—"
    amount = Decimal(amount_wan)
    if abs(amount) >= 10000:
        return f"{(amount / 10000).quantize(Decimal('0.01')).normalize():f}亿元"
    return f"{amount.quantize(Decimal('0.01')).normalize():f}万元"
