"""Plain text: a web page flattened to text, a copied notice, or a table copied as tab/comma-separated rows.

Each line is a paragraph. Runs of lines holding two or more tabs are a table (cells copied from
a web page or Excel); a text whose header line is comma-separated (a .csv export) is one table.
"""

import csv
import io

from zhaoshang.notices.columns import header_roles
from zhaoshang.notices.document import Document
from zhaoshang.notices.normalize import cell_text
from zhaoshang.notices.sniff import decode_text

_MIN_TAB_ROWS = 3


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
    for line in lines:
        if line.count("\t") >= 2 or (rows and "\t" in line):
            rows.append([cell_text(cell) for cell in line.split("\t")])
            continue
        if rows:
            document.add_table(_rectangular(rows))
            rows = []
        document.add_text(line)
    if rows:
        document.add_table(_rectangular(rows))


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
