"""Chinese formatting of numbers as a leader reads them (money is stored in 万元): amounts in 亿元 where large,
things counted as whole numbers, growth of a small or negative base in words, long texts cut only at a sentence end.
Pure functions: the template filters (core `zs`, kpis `kpi_figures`), the bulletin and the exports all call them."""

import re
from decimal import ROUND_HALF_UP, Decimal

WAN_PER_YI = Decimal(10000)
MONEY_UNITS = {"万元", "亿元"}
SMALL_BASE = Decimal(10)  # a growth rate over fewer than this many things (or 万元) says little: shown in words
SENTENCE_END = re.compile(r"[。；;！!？?]")


def _plain(value: Decimal, places: int = 2) -> str:
    """At most `places` decimals, no trailing zeros, no exponent."""
    quantum = Decimal(1).scaleb(-places)
    text = f"{Decimal(value).quantize(quantum, rounding=ROUND_HALF_UP):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_wan(amount_wan: Decimal | int | None) -> str:
    """A 万元 amount for display: 1亿元 and above in 亿元, below in 万元, without trailing zeros."""
    if amount_wan is None:
        return "—"
    amount = Decimal(amount_wan)
    if abs(amount) >= WAN_PER_YI:
        return f"{_plain(amount / WAN_PER_YI)}亿元"
    return f"{_plain(amount)}万元"


def format_whole(value) -> str:
    """A count of things or events: a whole number ("20次", never "20.03次"); "—" for none."""
    if value is None:
        return "—"
    return f"{Decimal(value).quantize(Decimal(1), rounding=ROUND_HALF_UP):f}"


def format_quantity(value, unit: str, *, whole: bool = False) -> str:
    """A figure with its unit: 万元 amounts of 1亿 and more in 亿元, counts (`whole`) as whole numbers."""
    if value is None:
        return "—"
    if unit == "万元":
        return format_wan(value)
    if unit == "亿元":
        return f"{_plain(Decimal(value))}亿元"
    if whole:
        return f"{format_whole(value)}{unit}"
    return f"{_plain(Decimal(value))}{unit}"


def format_percent(value, places: int = 1) -> str:
    return "—" if value is None else f"{_plain(Decimal(str(value)), places)}%"


def growth_text(growth: Decimal | float | None, goal: Decimal | float, baseline: Decimal | None = None) -> str:
    """Growth against the goal in words: "同比增长12.5%（目标增长8%）", "同比下降30%（目标增长8%）"; a base too small
    for a meaningful rate says so instead of a completion rate like "-1096.3%"."""
    target = f"目标增长{_plain(Decimal(str(goal)), 1)}%"
    if growth is None:
        return f"暂无增长率（{target}）"
    growth = Decimal(str(growth))
    if growth >= 0:
        said = f"同比增长{_plain(growth, 1)}%"
    else:
        said = f"同比下降{_plain(-growth, 1)}%"
    if baseline is not None and abs(Decimal(baseline)) < SMALL_BASE:
        return f"{said}（上年同期基数仅{_plain(Decimal(baseline))}，增长率仅供参考；{target}）"
    return f"{said}（{target}）"


def clip_at_sentence(text: str, limit: int) -> str:
    """`text` whole when it fits; else its whole sentences up to `limit` characters (never cut mid-sentence); a first
    sentence longer than `limit` is kept whole."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    ends = [match.end() for match in SENTENCE_END.finditer(text) if match.end() <= limit]
    if not ends:
        first = SENTENCE_END.search(text)
        return text[: first.end()] if first else text
    return text[: ends[-1]]
