"""Finding the header: the first row (or two-row band under merged cells) that names enough declared columns.

Header text is compared loosely: full-width brackets and spaces, line breaks and the "*" that marks a required
column do not matter. A header cell merged over two rows is read once; a title merged over two columns with a
sub-header under each ("投资额(万元)" over "计划总投资" and "固定资产投资") is read as two headers; a header merged
over two columns with nothing under it is refused, because no one can tell which column holds what.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter

from zhaoshang.core.excel_import.columns import Column
from zhaoshang.core.excel_import.errors import ExcelImportError

RESERVED = {"错误", "原行号"}  # the columns the error report adds; ignored when the report is uploaded again
Merged = tuple[tuple[int, int], tuple[int, int]]


def header_key(value) -> str:
    text = unicodedata.normalize("NFKC", "" if value is None else str(value))
    return re.sub(r"[\s*※]", "", text).lower()


@dataclass
class Header:
    """Where the header is (0-based rows `top`..`bottom`) and which column holds each declared key."""

    top: int
    bottom: int
    columns: dict[str, int]
    ignored: list[str] = field(default_factory=list)
    labels: dict[int, str] = field(default_factory=dict)

    @property
    def row_numbers(self) -> str:
        return f"第{self.top + 1}行" if self.top == self.bottom else f"第{self.top + 1}–{self.bottom + 1}行"


class HeaderMatcher:
    """Declared headers and aliases, normalized, each pointing to its column key."""

    def __init__(self, columns: list[Column]):
        self.by_name: dict[str, str] = {}
        for column in columns:
            for name in (column.header, *column.aliases):
                self.by_name.setdefault(header_key(name), column.key)

    def key_for(self, *candidates) -> str | None:
        for candidate in candidates:
            key = self.by_name.get(header_key(candidate)) if candidate else None
            if key:
                return key
        return None


def _filled(rows: list[list], merged: list[Merged], first: int, last: int) -> list[list]:
    """Rows first..last with every merged range's value copied into all its cells."""
    band = [list(rows[r]) if r < len(rows) else [] for r in range(first, last + 1)]
    for (r0, c0), (r1, c1) in merged:
        if r1 < first or r0 > last or r0 >= len(rows):
            continue
        value = rows[r0][c0] if c0 < len(rows[r0]) else ""
        for r in range(max(r0, first), min(r1, last) + 1):
            line = band[r - first]
            line.extend([""] * (c1 + 1 - len(line)))
            for c in range(c0, c1 + 1):
                line[c] = value
    return band


def _match(matcher: HeaderMatcher, top: list, bottom: list | None) -> dict[int, str]:
    found = {}
    for c in range(max(len(top), len(bottom or []))):
        upper = top[c] if c < len(top) else ""
        lower = (bottom[c] if c < len(bottom) else "") if bottom is not None else ""
        if bottom is None or upper == lower or not lower:
            candidates = (upper,)
        else:
            candidates = (lower, f"{upper}{lower}", f"{upper}({lower})", upper)
        key = matcher.key_for(*candidates)
        if key:
            found[c] = key
    return found


def _spans_down(merged: list[Merged], row: int) -> bool:
    return any(r0 == row and r1 > row or r0 == row and c1 > c0 for (r0, c0), (r1, c1) in merged)


def find_header(rows: list[list], merged: list[Merged], columns: list[Column], min_matches: int) -> Header | None:
    """The header among the first rows, or None if no row names at least `min_matches` declared columns."""
    matcher = HeaderMatcher(columns)
    for r in range(len(rows)):
        single = _filled(rows, merged, r, r)[0]
        found, bottom = _match(matcher, single, None), r
        if r + 1 < len(rows) and _spans_down(merged, r):
            upper, lower = _filled(rows, merged, r, r + 1)
            band = _match(matcher, upper, lower)
            if len(set(band.values())) > len(set(found.values())):
                found, bottom = band, r + 1
        if len(set(found.values())) >= min_matches:
            # a header cell merged down over more rows than the band: the data starts below the merge
            bottom = max([bottom] + [r1 for (r0, c0), (r1, c1) in merged if r0 == r and c0 in found])
            return _header(rows, merged, columns, r, bottom, found)
    return None


def _header(rows, merged, columns, top: int, bottom: int, found: dict[int, str]) -> Header:
    by_key: dict[str, list[int]] = {}
    for c, key in found.items():
        by_key.setdefault(key, []).append(c)
    names = {column.key: column.header for column in columns}
    for key, places in by_key.items():
        if len(places) > 1:
            letters = "、".join(f"{get_column_letter(c + 1)}列" for c in places)
            span = next((((c0, c1)) for (r0, c0), (r1, c1) in merged if r0 <= top <= r1 and c0 <= places[0] and places[-1] <= c1), None)
            if span:
                raise ExcelImportError(
                    f"表头“{names[key]}”是跨{span[1] - span[0] + 1}列的合并单元格（{get_column_letter(span[0] + 1)}–"
                    f"{get_column_letter(span[1] + 1)}列，第{top + 1}行），无法判断每一列的内容。请取消合并，每列只写一个列名。")
            raise ExcelImportError(f"表头“{names[key]}”出现了不止一次（{letters}，第{top + 1}行），请只保留一列。")
    labels = {c: " ".join(str(v) for v in dict.fromkeys(line[c] for line in _filled(rows, merged, top, bottom) if c < len(line))
                          if str(v).strip()) for c in range(max(len(rows[r]) for r in range(top, min(bottom, len(rows) - 1) + 1)))}
    ignored = [label for c, label in labels.items() if label and c not in found and header_key(label) not in RESERVED]
    header = Header(top=top, bottom=bottom, columns={key: places[0] for key, places in by_key.items()}, ignored=ignored,
                    labels=labels)
    missing = [column.header for column in columns if column.required and column.key not in header.columns]
    if missing:
        raise ExcelImportError(f"表头（{header.row_numbers}）缺少必需的列：{'、'.join(missing)}。请使用导入模板的列名。")
    return header
