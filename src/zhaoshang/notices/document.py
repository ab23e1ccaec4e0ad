"""What every reader produces: a document as paragraphs and tables, in reading order."""

from dataclasses import dataclass, field

from zhaoshang.notices.normalize import clean_lines


@dataclass
class Table:
    """A real table; merged cells already carry their value in every row/column they span."""

    rows: list[list[str]]

    def lines(self) -> list[str]:
        """The table flattened one cell per line, as a web page saved as text would show it."""
        out: list[str] = []
        for row in self.rows:
            previous = None
            for cell in row:
                if cell and cell != previous:  # a horizontally merged cell once
                    out.extend(clean_lines(cell))
                previous = cell
        return out


@dataclass
class Document:
    """Paragraph lines (str) and tables (Table) in order, plus the format they came from."""

    blocks: list = field(default_factory=list)
    source_format: str = "text"

    def add_text(self, text: str) -> None:
        self.blocks.extend(clean_lines(text))

    def add_table(self, rows: list[list[str]]) -> None:
        rows = [row for row in rows if any(cell.strip() for cell in row)]
        if rows:
            self.blocks.append(Table(rows))

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    def lines(self) -> list[str]:
        """Every block as lines, tables flattened one cell per line."""
        out: list[str] = []
        for block in self.blocks:
            out.extend(block.lines() if isinstance(block, Table) else [block])
        return out


def fill_merged(grid: list[list[str | None]]) -> list[list[str]]:
    """Cells a merge covers (None) take the value of the merged cell: from above, else from the left."""
    rows = [list(row) for row in grid]
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if cell is None:
                above = rows[r - 1][c] if r and c < len(rows[r - 1]) else None
                left = row[c - 1] if c else None
                row[c] = above if above is not None else (left or "")
    return [[cell or "" for cell in row] for row in rows]
