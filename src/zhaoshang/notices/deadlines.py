"""Deadlines (工作时限/完成时限): "2025"+"12", "2025年12月底前" → "2025-12"; 长期 → "long-term".

Also read: an Excel serial date ("45900"), "2025-06-30 00:00:00", "2025年内" (year end), a range's end
("即日起至2025年9月"), and with the notice's year given, forms without one ("9月底前", "年底前").
Anything else keeps its raw text; `due_date` is the last day the text allows when it names one
(a month, a day, a quarter, a half-year, a year), so progress can still be timed. Recurring
deadlines ("每月", "每季度") keep their text and count as understood.
"""

import calendar
import datetime
import re
from dataclasses import dataclass
from functools import lru_cache

from zhaoshang.notices.normalize import HALFWIDTH
from zhaoshang.notices.ordinals import to_int

LONG_TERM = "long-term"

_LONG_TERM = re.compile(r"^(?:长期(?:坚持|推进|开展|执行|实施|有效)?|持续(?:推进|开展|实施|坚持)?|常态化(?:推进|开展|实施)?|长效(?:推进)?)$")
_SUFFIX = r"(?:底|末|中旬|上旬|下旬)?(?:前|之前|以前|内|止)?(?:完成|办结|到位|落实)?"
_YEAR = r"(20\d{2})\s*"
_MONTH = re.compile(rf"^{_YEAR}(?:年|[.．/\-\s]|\n)\s*(\d{{1,2}})\s*月?份?{_SUFFIX}$")
_DAY = re.compile(rf"^{_YEAR}(?:年|[.．/\-])\s*(\d{{1,2}})\s*(?:月|[.．/\-])\s*(\d{{1,2}})\s*日?{_SUFFIX}$")
_YEAR_END = re.compile(rf"^{_YEAR}年?(?:年底|底|年末|末){_SUFFIX}$")
_QUARTER = re.compile(rf"^{_YEAR}年?(?:第)?([一二三四1-4])季度{_SUFFIX}$")
_HALF = re.compile(rf"^{_YEAR}年?([上下])半年{_SUFFIX}$")
_YEAR_WITHIN = re.compile(rf"^{_YEAR}年?(?:年内|内|全年|年度内|度内){_SUFFIX}$")
_YEAR_ONLY = re.compile(rf"^{_YEAR}年?(?:全年|年内|内|度)?{_SUFFIX}$")
_RANGE_END = re.compile(rf"^{_YEAR}年?\s*\d{{1,2}}\s*月?\s*[-—－~～至到]\s*(?:(20\d{{2}})年)?\s*(\d{{1,2}})\s*月{_SUFFIX}$")

_RECURRING = re.compile(
    r"^(?:(?:每|按|逐)(?:月|季度?|半年|年|周|旬)度?(?:末|底|初)?(?:前)?|定期|常年)(?:调度|通报|更新|报送|开展|推进|实施)?$")
_SERIAL = re.compile(r"^(\d{5})(?:\.0+)?$")  # an Excel date cell read as its serial number
_SERIAL_RANGE = (36526, 73050)  # 2000-01-01 … 2099-12-31
_EXCEL_EPOCH = datetime.date(1899, 12, 30)
_CLOCK = re.compile(r"\s+\d{1,2}:\d{2}(?::\d{2})?$")  # "2025-06-30 00:00:00" from a date-time cell
_RANGE_TAIL = re.compile(r"^.*?(?:至|到|[-—－~～])")
_TRAILING_PUNCT = re.compile(r"[\s。；;，,]+$")
_YEAR_CELL = re.compile(r"20\d{2}\s*年?")
_MONTH_CELL = re.compile(r"(\d{1,2})\s*月?(?:底|末)?(?:前)?")
_HINT = re.compile(r"[\d０-９年月季期续常效每按逐底日旬]")  # every deadline form holds one of these


@dataclass(frozen=True)
class Deadline:
    """A deadline read from text: value as the contract wants it, the raw text and its last day."""

    value: str | None
    raw: str | None
    due_date: datetime.date | None = None
    recurring: bool = False  # 每月, 每季度: a standing duty with no last day

    @property
    def understood(self) -> bool:
        return self.value is None or self.value == LONG_TERM or self.due_date is not None or self.recurring


def _month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


@lru_cache(maxsize=4096)
def parse_deadline(raw: str | None, year: int | None = None) -> Deadline:
    """Read one deadline cell or label value; `year` (the notice's) completes forms without one."""
    if raw is None or not raw.strip():
        return Deadline(None, None)
    raw = raw.strip()
    text = raw.translate(HALFWIDTH)
    text = _CLOCK.sub("", _TRAILING_PUNCT.sub("", text.replace("\n", " ")).strip())
    compact = text.replace(" ", "")
    if _LONG_TERM.match(compact):
        return Deadline(LONG_TERM, raw)
    if _RECURRING.match(compact):
        return Deadline(raw, raw, recurring=True)
    found = _read_serial(compact) or _read_text(text, compact)
    if not found and _RANGE_TAIL.match(compact):  # "即日起至2025年9月", "2025年3月—9月"
        tail = _RANGE_TAIL.sub("", compact)
        found = _read_text(tail, tail) or (year and _read_text(f"{year}年{tail}", f"{year}年{tail}"))
    if not found and year and not compact.startswith("20"):
        found = _read_text(f"{year}年{text}", f"{year}年{compact}")
    if found:
        return Deadline(found[0] or raw, raw, found[1])
    return Deadline(raw, raw)


def _read_text(text: str, compact: str):
    for reader in (_read_month, _read_day, _read_year_end, _read_quarter, _read_half, _read_range, _read_year):
        found = reader(text, compact)
        if found:
            return found
    return None


def _read_serial(compact: str):
    found = _SERIAL.match(compact)
    if found and _SERIAL_RANGE[0] <= int(found.group(1)) <= _SERIAL_RANGE[1]:
        day = _EXCEL_EPOCH + datetime.timedelta(days=int(found.group(1)))
        return f"{day.year}-{day.month:02d}", day
    return None


def _read_month(text: str, compact: str):
    found = _MONTH.match(text) or _MONTH.match(compact)
    if found and 1 <= int(found.group(2)) <= 12:
        year, month = int(found.group(1)), int(found.group(2))
        return f"{year}-{month:02d}", _month_end(year, month)
    return None


def _read_day(text: str, compact: str):
    found = _DAY.match(compact)
    if found:
        year, month, day = (int(g) for g in found.groups())
        try:
            return f"{year}-{month:02d}", datetime.date(year, month, day)
        except ValueError:
            return None
    return None


def _read_year_end(text: str, compact: str):
    found = _YEAR_END.match(compact) or _YEAR_WITHIN.match(compact)
    if found:
        year = int(found.group(1))
        return f"{year}-12", datetime.date(year, 12, 31)
    return None


def _read_quarter(text: str, compact: str):
    found = _QUARTER.match(compact)
    if found:
        year, quarter = int(found.group(1)), to_int(found.group(2))
        return None, _month_end(year, quarter * 3)
    return None


def _read_half(text: str, compact: str):
    found = _HALF.match(compact)
    if found:
        year = int(found.group(1))
        return None, _month_end(year, 6 if found.group(2) == "上" else 12)
    return None


def _read_range(text: str, compact: str):
    found = _RANGE_END.match(compact)
    if found:
        year = int(found.group(2) or found.group(1))
        month = int(found.group(3))
        if 1 <= month <= 12:
            return None, _month_end(year, month)
    return None


def _read_year(text: str, compact: str):
    found = _YEAR_ONLY.match(compact)
    if found:
        return None, datetime.date(int(found.group(1)), 12, 31)
    return None


def is_deadline_text(text: str) -> bool:
    """Whether a short text is a deadline, with or without its year ("2025年6月底前完成", "9月底前", "长期")."""
    if not text or len(text) > 20 or (text.isdigit() and len(text) <= 2) or not _HINT.search(text):
        return False
    found = parse_deadline(text, year=2000)
    return found.value == LONG_TERM or found.due_date is not None or found.recurring


def looks_like_deadline(line: str) -> bool:
    """Whether a whole short line is a deadline cell (used to find the 时限 column in flattened tables)."""
    return is_deadline_text(line)


def is_year_cell(line: str) -> bool:
    return bool(_YEAR_CELL.fullmatch(line))


def is_month_cell(line: str) -> bool:
    found = _MONTH_CELL.fullmatch(line)
    return bool(found) and 1 <= int(found.group(1)) <= 12
