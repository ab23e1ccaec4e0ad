"""Plain text: a web page flattened to text, a copied notice, or a table copied as tab/comma-separated rows.

Each line is a paragraph. Runs of lines holding two or more tabs are a table (cells copied from
a web page or Excel); a text whose header line is comma-separated (a .csv export) is one table.
Excel copies a cell holding line breaks in double quotes: such a cell runs on over the next lines.
"""

import csv
import io

from zhaoshang.notices.columns import header_roles
from zhaoshang.notices.document import Document
from zhaoshang.notices.normalize import cell_text
from zhaoshang.notices.sniff import decode_text

_MIN_TAB_ROWS = 3
_MAX_CELL_LINES = 30  # a quoted cell longer than this is a stray quote, not a cell


def read_text(data: bytes) -> Document:
    return text_document(decode_text(data))


def text_document(text: str) -> Document:
    document = Document(source_format="text")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if sum(1 for line in lines if line.count("\t") >= 2) >= _MIN_TAB_ROWS:
        _add_tabbed(document, lines)
    elif not _add_csv(document, text, lines):
        document.add_text(text)
    return document


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
