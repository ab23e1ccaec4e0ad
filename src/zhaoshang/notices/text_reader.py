"""Plain text: a web page flattened to text, a copied notice, or a table copied as tab/comma-separated rows.

Each line is a paragraph. Runs of lines holding two or more tabs are a table (cells copied from
a web page or Excel); a text whose header line is comma-separated (a .csv export) is one table.
Excel copies a cell holding line breaks in double quotes: such a cell runs on over the next lines.
"""

import csv
import io
import re

from zhaoshang.notices.columns import header_roles
from zhaoshang.notices.document import Document, fill_merged
from zhaoshang.notices.normalize import cell_text
from zhaoshang.notices.sniff import decode_text

_MIN_TAB_ROWS = 3
_MIN_TERMINATED = 5
_PIPES = re.compile(r"\s*\|\s*")  # "1 | 地区生产总值 | …": a table row flattened with pipes
_TERMINATOR = re.compile(r"\s*\|+\s*$")
_MAX_CELL_LINES = 30  # a quoted cell longer than this is a stray quote, not a cell


def read_text(data: bytes) -> Document:
    return text_document(decode_text(data))


def text_document(text: str) -> Document:
    document = Document(source_format="text")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if sum(1 for line in lines if line.count("|") >= 3) >= _MIN_TAB_ROWS:
        _add_tabbed(document, [_PIPES.sub("\t", line) if line.count("|") >= 3 else _cut_terminator(line)
                               for line in lines])
    elif sum(1 for line in lines if line.rstrip().endswith("|")) >= _MIN_TERMINATED:
        _add_terminated(document, lines)
    elif sum(1 for line in lines if line.count("\t") >= 2) >= _MIN_TAB_ROWS:
        _add_tabbed(document, lines)
    elif not _add_csv(document, text, lines):
        document.add_text(text)
    return document


def _add_terminated(document: Document, lines: list[str]) -> None:
    """A web table saved one cell per line, each ending in " |", rows apart by blank lines.

    The header is the first run of terminated lines that names task-table columns; a row with
    fewer cells than the header left out merged cells, which are the 工作重点/目标 columns it shares
    with the row above. Without blank lines (or without a header) the cells stay lines for the flat layout.
    """
    start = next((i for i, line in enumerate(lines) if _TERMINATOR.search(line)), None)
    header = []
    index = start or 0
    while start is not None and index < len(lines) and _TERMINATOR.search(lines[index]):
        header.append(_cut_terminator(lines[index]))
        index += 1
    roles = header_roles(header) if header else None
    if roles is None or not any(not line.strip() for line in lines[index:]):
        document.add_text("\n".join(_cut_terminator(line) for line in lines))
        return
    document.add_text("\n".join(lines[:start]))
    shared = [c for c in (roles.get("focus"), roles.get("target"), roles.get("number")) if c is not None]
    rows: list[list[str | None]] = []
    row: list[str] = []
    tail = len(lines)
    for at in range(index, len(lines) + 1):
        line = lines[at] if at < len(lines) else ""
        if _TERMINATOR.search(line):
            row.append(cell_text(_cut_terminator(line)))
            continue
        if row:
            rows.append(_aligned(row, len(header), shared))
            row = []
        if line.strip():
            tail = at
            break
    document.add_table([header] + fill_merged(rows))
    document.add_text("\n".join(lines[tail:]))


def _aligned(cells: list[str], width: int, shared: list[int]) -> list[str | None]:
    """A row's cells in their columns: the shared (merged) columns it left out are None."""
    missing = sorted(shared[:max(0, width - len(cells))])
    out: list[str | None] = []
    given = iter(cells)
    for column in range(width):
        out.append(None if column in missing else next(given, ""))
    return out


def _cut_terminator(line: str) -> str:
    return _TERMINATOR.sub("", line)


def _add_tabbed(document: Document, lines: list[str]) -> None:
    rows: list[list[str]] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if line.count("\t") >= 2 or (rows and "\t" in line):
            joined, index = _quoted_cells(line, lines, index)
            cells = next(csv.reader([joined], delimiter="\t")) if joined is not line else line.split("\t")
            rows.append([cell_text(cell) for cell in cells])
            continue
        if rows:
            document.add_table(_rectangular(rows))
            rows = []
        document.add_text(line)
    if rows:
        document.add_table(_rectangular(rows))


def _quoted_cells(line: str, lines: list[str], index: int) -> tuple[str, int]:
    """A row whose quoted cell holds line breaks, joined up to its closing quote (or left as it is)."""
    if not _opens_quote(line):
        return line, index
    for end in range(index, min(index + _MAX_CELL_LINES, len(lines))):
        joined = "\n".join([line, *lines[index:end + 1]])
        if not _opens_quote(joined):
            return joined, end + 1
    return line, index


def _opens_quote(text: str) -> bool:
    """Whether a tab-separated text ends inside a quoted cell ("…\t"1.甲" with no closing quote)."""
    inside = False
    for cell in text.split("\t"):
        if not inside:
            inside = cell.startswith('"') and (cell.count('"') % 2 == 1)
        else:
            inside = cell.count('"') % 2 == 0
    return inside


def _add_csv(document: Document, text: str, lines: list[str]) -> bool:
    """A .csv export: only when one of its first lines is a comma-separated task-table header."""
    for index, line in enumerate(lines[:5]):
        if line.count(",") >= 2 and header_roles(next(csv.reader([line]))):
            document.add_text("\n".join(lines[:index]))
            rows = list(csv.reader(io.StringIO("\n".join(lines[index:]))))
            document.add_table(_rectangular([[cell_text(cell) for cell in row] for row in rows]))
            return True
    return False


def _rectangular(rows: list[list[str]]) -> list[list[str]]:
    width = max(len(row) for row in rows)
    return [row + [""] * (width - len(row)) for row in rows]
