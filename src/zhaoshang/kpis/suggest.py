"""Numbers inside a measure's text, proposed as indicators (pure; the office accepts, edits or discards each).

The notice's parser finds the numbers ("2025年定向输送20名以上…", "新建1家以上…孵化器", "每月举办1次线上…互通会",
"新增…不少于5家", "每季度至少召开1次…") with the same rules as the 市目标 column, and derive() makes the same first
guess of what counts (a registry's rows, per period when the number recurs; projects; else a reported value).
A number already among the targets' indicators is not proposed again."""

import re
from decimal import Decimal

from zhaoshang.kpis.derive import Spec, derive
from zhaoshang.kpis.registry_guess import SCOPE, Countable
from zhaoshang.notices.indicators import extract_indicators

_SPACE = re.compile(r"\s+")


def _plain(text: str) -> str:
    return _SPACE.sub("", text)


def suggest(measure_text: str, *, known_texts: set[str], registries: list[Countable], tags: dict[str, int],
            year: int) -> list[tuple[Spec, int]]:
    """The numbers of one measure not already an indicator (`known_texts`): (first guess, year) each."""
    known = {_plain(text) for text in known_texts if text}
    result = []
    for indicator in extract_indicators(measure_text):
        words = _plain(indicator.text)
        if not indicator.value or SCOPE.search(words) or any(words in text or text in words for text in known):
            continue
        fields = {**indicator.to_dict(), "per": None, "items": [], "min_amount_wan": None}
        spec = derive(fields, measure_text, tags, [], registries)
        spec.goal = Decimal(str(indicator.value))
        result.append((spec, indicator.year or year))
    return result
