"""Item ordinals ("一、", "（一）", "1.", "1、", "第一，", "（1）", "①") and Chinese numerals."""

import re
from dataclasses import dataclass

_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}

# Levels as prose lists nest them; a smaller level is a higher heading.
LEVEL_CN = 1  # 一、
LEVEL_CN_PAREN = 2  # （一）
LEVEL_ARABIC = 3  # 1.  1、  1．  第一，
LEVEL_ARABIC_PAREN = 4  # （1）  1)
LEVEL_CIRCLED = 5  # ①

_PATTERNS = (
    (LEVEL_CN_PAREN, re.compile(r"^[（(]\s*([一二三四五六七八九十百]+)\s*[）)]\s*")),
    (LEVEL_CN, re.compile(r"^([一二三四五六七八九十百]+)\s*[、.．]\s*")),
    (LEVEL_ARABIC_PAREN, re.compile(r"^(?:[（(]\s*(\d{1,3})\s*[）)]|(\d{1,2})[)）])\s*")),
    (LEVEL_ARABIC, re.compile(r"^(\d{1,4})\s*[.．、](?![\d.．])\s*")),
    (LEVEL_ARABIC, re.compile(r"^第([一二三四五六七八九十]{1,3})\s*[，,、：:．.]\s*")),
    (LEVEL_CIRCLED, re.compile(r"^([①-⑳])\s*")),
)
_CIRCLED = "".join(chr(c) for c in range(ord("①"), ord("⑳") + 1))
# Only the patterns a line's first character can start, so most lines cost one dict lookup.
_BY_FIRST_CHAR = {
    **{ch: [p for p in _PATTERNS if p[0] in (LEVEL_ARABIC, LEVEL_ARABIC_PAREN)] for ch in "0123456789"},
    **{ch: [p for p in _PATTERNS if p[0] in (LEVEL_CN_PAREN, LEVEL_ARABIC_PAREN)] for ch in "（("},
    **{ch: [p for p in _PATTERNS if p[0] == LEVEL_CN] for ch in "一二三四五六七八九十百"},
    **{ch: [p for p in _PATTERNS if p[0] == LEVEL_CIRCLED] for ch in _CIRCLED},
    "第": [p for p in _PATTERNS if p[0] == LEVEL_ARABIC and p[1].pattern.startswith("^第")],
}
MEASURE_LEVELS = (LEVEL_ARABIC, LEVEL_ARABIC_PAREN, LEVEL_CIRCLED)


@dataclass(frozen=True)
class Ordinal:
    level: int
    number: int
    rest: str  # the text after the ordinal


def match_ordinal(text: str) -> Ordinal | None:
    """The ordinal a line starts with, if any ("2.盐化工" → level 3, number 2, rest "盐化工")."""
    patterns = _BY_FIRST_CHAR.get(text[:1])
    if not patterns:
        return None
    for level, pattern in patterns:
        found = pattern.match(text)
        if found:
            raw = found.group(1) or found.group(found.lastindex)
            number = ord(raw) - ord("①") + 1 if level == LEVEL_CIRCLED else to_int(raw)
            if number is not None:
                return Ordinal(level, number, text[found.end():])
    return None


def to_int(text: str) -> int | None:
    """An Arabic or simple Chinese numeral as an int ("12" → 12, "十二" → 12, "二〇二五" → 2025)."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    if not text or any(ch not in _CN_DIGITS and ch not in _CN_UNITS for ch in text):
        return None
    if not any(ch in _CN_UNITS for ch in text):  # digit by digit: 二〇二五
        return int("".join(str(_CN_DIGITS[ch]) for ch in text))
    total, current = 0, 0
    for ch in text:
        if ch in _CN_DIGITS:
            current = _CN_DIGITS[ch]
        else:
            total += (current or 1) * _CN_UNITS[ch]
            current = 0
    return total + current
