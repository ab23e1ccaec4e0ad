"""A PDF table drawn without ruling lines: rebuilt from where its words sit on the page.

The header is a text line (or up to three, for cells wrapped as "任务"/"序号") whose words name
task-table columns (序号, 工作任务, 责任单位, 完成时限 …). Columns meet in the widest gutter that no
body word crosses between two header cells (a centred header sits mid-column, so halfway between
headers may cut into left-aligned text); each word goes to the column its left edge falls in. Rows
are told apart by the vertical gaps between text lines (cell padding makes the gap between rows
larger than the leading inside a cell); lines overlapping vertically (cells centred on a row) stay
together; a run holding two 序号 starts a new row at each (cells aligned to the top). The table ends
at a line that cannot be a row (text in the 序号 column that is no number: a paragraph or the
signature at the margin; a word running across a whole column) or at a gap far larger than any
between rows. Columns carry over to the next page when the table runs to the bottom of one.
"""

import bisect
import re
import statistics
from dataclasses import dataclass

from zhaoshang.notices.columns import header_roles
from zhaoshang.notices.normalize import join_wrapped

_LINE_TOLERANCE = 2.0  # words whose tops differ by less are on one line
_MAX_HEADER_LINES = 3
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
    spans: list[tuple[float, float]] | None = None  # the header cells' (x0, x1), while bounds are a guess

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
    first, body_start, columns, header = _find_header(lines)
    if columns is None and carried is not None:
        first, body_start, columns, header = 0, 0, carried, None
    if columns is None:
        return None
    if columns.spans:  # first the bounds, from the row-like lines up to a gap no table row leaves
        near = [line for line in lines[body_start:_table_end(lines, body_start, None)] if _row_like(line, columns)]
        columns = _refined(columns, [w for line in near for w in line.words])
    end = _table_end(lines, body_start, columns)
    groups = _row_groups(lines[body_start:end], columns)
    if not groups:
        return None
    rows = ([header] if header else []) + [_cells(group, columns) for group in groups]
    return TextTable(first, end, rows, columns, end == len(lines))


def _find_header(lines: list[Line]):
    """(first header line, first body line, columns, header cells); a header may wrap over up to 3 lines."""
    for index in range(len(lines)):
        for depth in range(1, _MAX_HEADER_LINES + 1):
            stack = lines[index:index + depth]
            if len(stack) < depth or (depth > 1 and stack[-1].top - stack[-2].bottom > stack[-1].bottom - stack[-1].top):
                break
            cells = _stacked_cells([w for line in stack for w in line.words])
            if len(cells) < 3:
                continue
            roles = header_roles([text for text, _, _ in cells])
            if roles:
                bounds = [(a[2] + b[1]) / 2 for a, b in zip(cells, cells[1:])]
                spans = [(x0, x1) for _, x0, x1 in cells]
                return index, index + depth, Columns(bounds, roles.get("number"), spans), [text for text, _, _ in cells]
    return None, None, None, None


def _stacked_cells(words: list[dict]) -> list[tuple[str, float, float]]:
    """Header words as cells (text, x0, x1): words one above the other ("任务" over "序号") are one cell."""
    cells: list[list] = []
    for word in sorted(words, key=lambda w: w["x0"]):
        if cells and word["x0"] < cells[-1][2]:
            cells[-1][0].append(word)
            cells[-1][2] = max(cells[-1][2], word["x1"])
        else:
            cells.append([[word], word["x0"], word["x1"]])
    return [("".join(w["text"] for w in sorted(group, key=lambda w: w["top"])), x0, x1) for group, x0, x1 in cells]


def _row_like(line: Line, columns: Columns) -> bool:
    """Not a paragraph: it does not open, under a first 序号 column, with text that is no number."""
    if columns.number != 0:
        return True
    first = line.words[0]
    return first["x0"] >= columns.spans[columns.number][1] or bool(_NUMBER.match(first["text"]))


def _refined(columns: Columns, words: list[dict]) -> Columns:
    """Bounds moved into the widest gutter no body word crosses between two header cells.

    A centred header sits mid-column, so halfway between two header cells may fall inside the
    left-aligned text of the next column; the body's own gutters show where the columns meet.
    """
    bounds = []
    for (_, left), (right, _), guess in zip(columns.spans, columns.spans[1:], columns.bounds):
        covered = sorted((max(left, w["x0"]), min(right, w["x1"])) for w in words
                         if w["x0"] < right and w["x1"] > left and not (w["x0"] <= left and w["x1"] >= right))
        gutters, edge = [], left
        for start, stop in covered:
            if start > edge:
                gutters.append((start - edge, edge, start))
            edge = max(edge, stop)
        if right > edge:
            gutters.append((right - edge, edge, right))
        bounds.append((max(gutters)[1] + max(gutters)[2]) / 2 if gutters else guess)
    return Columns(bounds, columns.number)


def _table_end(lines: list[Line], start: int, columns: Columns | None) -> int:
    """Index after the table: at a gap far larger than any between rows, or (with columns) a line
    that cannot be a row."""
    gaps = [b.top - a.bottom for a, b in zip(lines[start:], lines[start + 1:])]
    limit = 3 * max(statistics.median(gaps), max(line.bottom - line.top for line in lines)) if gaps else None
    for index in range(start, len(lines)):
        line = lines[index]
        if index > start and limit is not None and line.top - lines[index - 1].bottom > limit:
            return index
        if columns is not None and not _fits(line, columns):
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
