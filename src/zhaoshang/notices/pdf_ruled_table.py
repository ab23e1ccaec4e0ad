"""Ruled PDF tables printed by a browser or WeasyPrint: merged cells and rows that run over pages.

Read from the ruling lines themselves rather than a table finder: the vertical lines give the
columns, and each column is cut only where a horizontal line crosses *that* column, so a cell
merged down several rows (工作重点, 市目标) is one cell whose text goes to its first row, the rows
below it covered (None, filled from above by `fill_merged`). A printer draws no line where a page
breaks a row: a cell whose page segment has no line above it continues the cell left open at the
bottom of the previous page, and when every column continues, the first band of the page is the
rest of the previous page's last row rather than a row of its own.

One pass over the page's edges and words: linear in the size of the page.
"""

from dataclasses import dataclass, field

_SNAP = 1.5  # points: lines this close are the same line
_MIN_RULE = 4.0


@dataclass
class RuledGrid:
    """The table across pages: rows of cells (None where a merge covers) and the open cells per column."""

    rows: list[list[str | None]] = field(default_factory=list)
    width: int = 0
    columns: list[float] = field(default_factory=list)
    open_cells: dict[int, int] = field(default_factory=dict)  # column → row index of a cell cut by the page end

    def continues(self, columns: list[float]) -> bool:
        return bool(self.rows) and len(columns) == len(self.columns) and all(
            abs(a - b) <= 2 * _SNAP for a, b in zip(columns, self.columns))


@dataclass
class Region:
    x0: float
    top: float
    x1: float
    bottom: float
    columns: list[float]


def _snap(values: list[float]) -> list[float]:
    out: list[float] = []
    for value in sorted(values):
        if not out or value - out[-1] > _SNAP:
            out.append(value)
    return out


def table_regions(page) -> list[Region]:
    """Boxes of the ruled tables on a page: vertical lines that overlap top to bottom form one table."""
    verticals = sorted((e for e in page.edges if e["orientation"] == "v" and e["bottom"] - e["top"] >= _MIN_RULE),
                       key=lambda e: e["top"])
    groups: list[list[dict]] = []
    for edge in verticals:
        if groups and edge["top"] <= max(e["bottom"] for e in groups[-1]) + _SNAP:
            groups[-1].append(edge)
        else:
            groups.append([edge])
    regions = []
    for group in groups:
        columns = _snap([e["x0"] for e in group])
        if len(columns) >= 3:
            regions.append(Region(columns[0], min(e["top"] for e in group), columns[-1],
                                  max(e["bottom"] for e in group), columns))
    return regions


def read_region(page, region: Region, grid: RuledGrid | None) -> RuledGrid:
    """Add the region's rows to `grid` when it continues that table, else start a new grid."""
    columns = region.columns
    if grid is None or not grid.continues(columns):
        grid = RuledGrid(width=len(columns) - 1, columns=columns)
        grid.open_cells = {}
    width = grid.width
    horizontals = [e for e in page.edges if e["orientation"] == "h" and region.top - _SNAP <= e["top"] <= region.bottom + _SNAP]
    cuts: list[list[float]] = []  # per column: y of the lines crossing it
    for c in range(width):
        middle = (columns[c] + columns[c + 1]) / 2
        cuts.append(_snap([e["top"] for e in horizontals if e["x0"] - _SNAP <= middle <= e["x1"] + _SNAP]))
    bands = _snap([region.top, region.bottom] + [y for ys in cuts for y in ys])
    bands = [y for y in bands if region.top - _SNAP <= y <= region.bottom + _SNAP]
    texts = _cell_words(page, region, columns, bands)
    continued_row = all(c in grid.open_cells and not _has(cuts[c], region.top) for c in range(width))
    first_new = len(grid.rows)
    new_rows = [[None] * width for _ in range(len(bands) - 1)]
    for c in range(width):
        edges = _snap([region.top, region.bottom] + [y for y in cuts[c] if region.top - _SNAP <= y <= region.bottom + _SNAP])
        for s in range(len(edges) - 1):
            start, end = _band_index(bands, edges[s]), _band_index(bands, edges[s + 1])
            text = "\n".join(t for b in range(start, end) for t in texts.get((b, c), []))
            if s == 0 and not _has(cuts[c], region.top) and c in grid.open_cells:
                row = grid.open_cells[c]
                grid.rows[row][c] = _joined(grid.rows[row][c], text)
                continue
            new_rows[start][c] = text
            for b in range(start + 1, end):
                new_rows[b][c] = None
            if s == len(edges) - 2 and not _has(cuts[c], region.bottom):
                grid.open_cells[c] = first_new + start - (1 if continued_row else 0)
            elif s == len(edges) - 2:
                grid.open_cells.pop(c, None)
    if continued_row:
        new_rows = new_rows[1:]
    for row in new_rows:
        if any(cell for cell in row):
            grid.rows.append(row)
        else:
            _shift_open(grid, len(grid.rows))
    return grid


def _shift_open(grid: RuledGrid, dropped_at: int) -> None:
    """An empty band was dropped: open cells pointing past it move up one row."""
    for c, row in list(grid.open_cells.items()):
        if row > dropped_at:
            grid.open_cells[c] = row - 1
        elif row == dropped_at:
            grid.open_cells[c] = max(0, row - 1)


def _has(ys: list[float], y: float) -> bool:
    return any(abs(v - y) <= _SNAP * 2 for v in ys)


def _band_index(bands: list[float], y: float) -> int:
    return min(range(len(bands)), key=lambda i: abs(bands[i] - y))


def _joined(before: str | None, after: str) -> str:
    if not before:
        return after
    if not after:
        return before
    return before + "\n" + after


def _cell_words(page, region: Region, columns: list[float], bands: list[float]) -> dict:
    """(band, column) → the lines of text inside, in reading order."""
    import bisect

    out: dict = {}
    words = page.crop((region.x0, max(0, region.top - _SNAP), region.x1, min(page.height, region.bottom + _SNAP)),
                      strict=False).extract_words(keep_blank_chars=True, use_text_flow=False)
    lines: dict = {}
    for word in words:
        cx, cy = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
        c = bisect.bisect(columns, cx) - 1
        b = bisect.bisect(bands, cy) - 1
        if 0 <= c < len(columns) - 1 and 0 <= b < len(bands) - 1:
            lines.setdefault((b, c), []).append(word)
    for key, items in lines.items():
        rows: list[list[dict]] = []
        for word in sorted(items, key=lambda w: (round(w["top"]), w["x0"])):
            if rows and abs(rows[-1][0]["top"] - word["top"]) <= 2:
                rows[-1].append(word)
            else:
                rows.append([word])
        out[key] = ["".join(w["text"] for w in sorted(row, key=lambda w: w["x0"])) for row in rows]
    return out
