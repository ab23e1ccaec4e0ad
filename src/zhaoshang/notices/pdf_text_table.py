"""A PDF table drawn without ruling lines: rebuilt from where its words sit on the page.

The header is a text line whose words name task-table columns (序号, 工作任务, 责任单位, 完成时限 …);
the gaps between the header's words split the page into columns, and each later word goes to the
column its left edge falls in. Rows are told apart by the vertical gaps between text lines (cell
padding makes the gap between two rows larger than the leading inside a cell); a run of lines holding
two 序号 starts a new row at each (cells aligned to the top). The table ends at a line that cannot be a
row: text in the 序号 column that is no number (a paragraph or the signature starting at the margin),
or a gap far larger than any between rows. Columns carry over to the next page when the table runs
to the bottom of one.
"""

import bisect
import re
import statistics
from dataclasses import dataclass

from zhaoshang.notices.columns import header_roles
from zhaoshang.notices.normalize import join_wrapped

_LINE_TOLERANCE = 2.0  # words whose tops differ by less are on one line
_NUMBER = re.compile(r"^[（(]?\d{1,4}[）).．、]?$")


@dataclass
class Line:
    top: float
    bottom: float
    words: list[dict]  # pdfplumber words, left to right

    @property
    def text(self) -> str:
        return " ".join(w["text"] for w in self.words)


@dataclass
class Columns:
    bounds: list[float]  # x where each column after the first begins
    number: int | None  # index of the 序号 column

    def of(self, word: dict) -> int:
        return bisect.bisect_right(self.bounds, word["x0"])


@dataclass
class TextTable:
    first: int  # index of the first line the table covers (its header, when it has one)
    end: int  # index after the last line it covers
    rows: list[list[str]]
    columns: Columns
    open_ended: bool  # ran to the bottom of the page


def group_lines(words: list[dict]) -> list[Line]:
    """Words into text lines, top to bottom, each line's words left to right."""
    lines: list[Line] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1].top - word["top"]) < _LINE_TOLERANCE:
            lines[-1].words.append(word)
            lines[-1].bottom = max(lines[-1].bottom, word["bottom"])
        else:
            lines.append(Line(word["top"], word["bottom"], [word]))
    for line in lines:
        line.words.sort(key=lambda w: w["x0"])
    return lines


def find_text_table(lines: list[Line], carried: Columns | None = None) -> TextTable | None:
    """The borderless task table among the lines, or None; `carried` continues one from the page before."""
    header_at, columns, header = _find_header(lines)
    if columns is None and carried is not None:
        header_at, columns, header = -1, carried, None
    if columns is None:
        return None
    body_start = header_at + 1
    end = _table_end(lines, body_start, columns)
    groups = _row_groups(lines[body_start:end], columns)
    if not groups:
        return None
    rows = ([header] if header else []) + [_cells(group, columns) for group in groups]
    return TextTable(max(header_at, 0), end, rows, columns, end == len(lines))


def _find_header(lines: list[Line]):
    for index, line in enumerate(lines):
        cells = [w["text"] for w in line.words]
        if len(cells) < 3:
            continue
        roles = header_roles(cells)
        if roles:
            bounds = [(a["x1"] + b["x0"]) / 2 for a, b in zip(line.words, line.words[1:])]
            return index, Columns(bounds, roles.get("number")), cells
    return None, None, None


def _table_end(lines: list[Line], start: int, columns: Columns) -> int:
    gaps = [b.top - a.bottom for a, b in zip(lines[start:], lines[start + 1:])]
    limit = 3 * max(statistics.median(gaps), max(line.bottom - line.top for line in lines)) if gaps else None
    for index in range(start, len(lines)):
        line = lines[index]
        if index > start and limit is not None and line.top - lines[index - 1].bottom > limit:
            return index
        if not _fits(line, columns):
            return index
    return len(lines)


def _fits(line: Line, columns: Columns) -> bool:
    """A table row line: no word runs across a whole column, and the 序号 column holds only numbers."""
    for word in line.words:
        column = columns.of(word)
        if column + 1 < len(columns.bounds) and word["x1"] > columns.bounds[column + 1]:
            return False
        if column == columns.number and not _NUMBER.match(word["text"]):
            return False
    return True


def _has_number(line: Line, columns: Columns) -> bool:
    return columns.number is not None and any(columns.of(w) == columns.number for w in line.words)


def _row_groups(lines: list[Line], columns: Columns) -> list[list[Line]]:
    """Lines grouped into table rows.

    Lines that overlap vertically (cells centred on a row) form a band. When the gaps between bands
    fall in two sizes, the larger ones separate rows (cell padding); otherwise each band holding a
    序号 starts a row and bands without one join the row above (cells aligned to the top).
    """
    bands = _bands(lines)
    if not bands:
        return []
    gaps = [band[0].top - max(line.bottom for line in previous) for previous, band in zip(bands, bands[1:])]
    threshold = _split_point(gaps)
    groups: list[list[list[Line]]] = [[bands[0]]]
    for gap, band in zip(gaps, bands[1:]):
        if threshold is not None and gap > threshold:
            groups.append([band])
        else:
            groups[-1].append(band)
    rows: list[list[Line]] = []
    for group in groups:
        if columns.number is None and threshold is None:  # nothing tells rows apart but the bands
            rows.extend(group)
        else:
            rows.extend(_split_at_numbers(group, columns))
    return rows


def _bands(lines: list[Line]) -> list[list[Line]]:
    bands: list[list[Line]] = []
    bottom = None
    for line in lines:
        if bands and line.top < bottom - 0.5:
            bands[-1].append(line)
            bottom = max(bottom, line.bottom)
        else:
            bands.append([line])
            bottom = line.bottom
    return bands


def _split_point(gaps: list[float]) -> float | None:
    """A gap size between the small gaps (leading inside a cell) and the large ones (between rows)."""
    values = sorted(g for g in gaps if g > 0)
    if len(values) < 2:
        return None
    ratio, index = max(((b + 1) / (a + 1), i) for i, (a, b) in enumerate(zip(values, values[1:])))
    return (values[index] + values[index + 1]) / 2 if ratio > 1.4 else None


def _split_at_numbers(group: list[list[Line]], columns: Columns) -> list[list[Line]]:
    """A run of bands holding several 序号: a new row at each further band that holds one."""
    numbered = [i for i, band in enumerate(group) if any(_has_number(line, columns) for line in band)]
    cuts = [0] + numbered[1:] + [len(group)]
    return [[line for band in group[a:b] for line in band] for a, b in zip(cuts, cuts[1:]) if b > a]


def _cells(group: list[Line], columns: Columns) -> list[str]:
    texts: list[list[str]] = [[] for _ in range(len(columns.bounds) + 1)]
    for line in group:
        parts: dict[int, list[str]] = {}
        for word in line.words:
            parts.setdefault(columns.of(word), []).append(word["text"])
        for column, words in parts.items():
            texts[column].append(" ".join(words) if all(w.isascii() for w in words) else "".join(words))
    return [join_wrapped("\n".join(lines)) for lines in texts]
