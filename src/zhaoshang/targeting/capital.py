"""Registered capital as exports write it ("5000万人民币", "1.2亿元", "100万美元", "人民币500万元") → 万元 (Decimal).

Foreign currencies are converted at fixed reference rates (good enough to rank and filter firms by size, which is
what the directory uses the figure for); the text as exported is not kept. Pure: no database."""

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from zhaoshang.core.excel_import.errors import CellError
from zhaoshang.core.excel_import.parsers import cell_text

# yuan per unit of the currency: reference rates, not for accounting
RATES = {
    "人民币": Decimal("1"), "元": Decimal("1"), "美元": Decimal("7.1"), "欧元": Decimal("7.8"), "港元": Decimal("0.91"),
    "港币": Decimal("0.91"), "日元": Decimal("0.047"), "英镑": Decimal("9.0"), "新加坡元": Decimal("5.3"),
    "韩元": Decimal("0.0052"), "新台币": Decimal("0.22"), "台币": Decimal("0.22"), "澳元": Decimal("4.7"),
    "加元": Decimal("5.2"), "瑞士法郎": Decimal("8.1"),
}
SCALE = {"亿": Decimal("10000"), "万": Decimal("1"), "千": Decimal("0.1"), "": Decimal("0.0001")}
AMOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*(亿|万|千)?")
UNKNOWN = ("未公开", "未知", "暂无", "无")
CENT = Decimal("0.01")


def capital_wan(value) -> Decimal | None:
    """The capital in 万元 of a cell; a bare number is taken as 万元 (how the template asks for it)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return Decimal(repr(value)).quantize(CENT, rounding=ROUND_HALF_UP)
    raw = cell_text(value).replace(",", "").replace("，", "").replace(" ", "")
    if raw in UNKNOWN:
        return None
    match = AMOUNT.search(raw)
    if match is None:
        raise CellError(f"“{raw}”不是金额，请写成5000万人民币或5000")
    try:
        number = Decimal(match.group(1))
    except InvalidOperation:
        raise CellError(f"“{raw}”不是金额") from None
    rest = (raw[:match.start()] + raw[match.end():]).replace("(", "").replace(")", "").replace("（", "").replace("）", "")
    currency = next((name for name in sorted(RATES, key=len, reverse=True) if name != "元" and name in rest), "")
    if not currency and rest.strip("元"):
        raise CellError(f"“{raw}”的币种无法识别，请折算为人民币万元")
    # "500000元" is in yuan; a bare "5000" is in 万元, as the column's name says
    scale_word = match.group(2) or ("" if "元" in rest else "万")
    amount = number * SCALE[scale_word] * RATES.get(currency or "人民币")
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)
