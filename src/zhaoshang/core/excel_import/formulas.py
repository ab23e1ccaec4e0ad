"""Cells python-calamine reads as blank although they are not: formulas without a cached value, and error values.

calamine returns a formula's cached result, and "" when the file was written by a program that does not
calculate (openpyxl, some exporters); it also returns "" for an error value (#REF!, #DIV/0! …). Either would pass
as "not filled in". This scan finds them in the sheet's XML so the row can say what is wrong. Only formula and
error cells are examined, so a block of rows without them costs two substring searches.
"""

import io
import posixpath
import re
import zipfile
from xml.etree import ElementTree

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
UNCACHED = ""  # the marker of a formula without a value; an error cell is marked with its code ("#REF!")
FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
ERROR_CELL = re.compile(rb'<(?:\w+:)?c\s[^>]*\bt="e"')
MARKS = {FORMULA: (b"<f", b":f"), ERROR_CELL: (b't="e"',)}  # text each pattern needs: a plain search rules it out fast
CELL_START = re.compile(rb"<(?:\w+:)?c[\s>]")
CELL_END = re.compile(rb"</(?:\w+:)?c>")
CELL_REF = re.compile(rb'\br="([A-Z]{1,3})(\d+)"')
VALUE = re.compile(rb"<(?:\w+:)?v>(.*?)</(?:\w+:)?v>", re.S)
ROW_END = re.compile(rb"</(?:\w+:)?row>")
BLOCK = 1 << 20  # bytes of the sheet's XML read at a time


def _column_index(letters: bytes) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + (ch - 64)
    return index - 1


def _sheet_path(archive: zipfile.ZipFile, sheet_name: str) -> str | None:
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rel_id = next((s.get(f"{REL}id") for s in workbook.iter(f"{MAIN}sheet") if s.get("name") == sheet_name), None)
    if rel_id is None:
        return None
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    target = next((r.get("Target") for r in rels.iter(f"{PACKAGE_REL}Relationship") if r.get("Id") == rel_id), None)
    if target is None:
        return None
    return target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))


def _cell_around(xml: bytes, position: int) -> tuple[bytes, int] | None:
    """The whole <c …>…</c> element that starts before `position` (a child's tag) or at it, and where it ends."""
    starts = list(CELL_START.finditer(xml, max(0, position - 400), position + 4))
    closing = CELL_END.search(xml, position)
    end = closing.end() if closing else len(xml)
    return (xml[starts[-1].start():end], end) if starts else None


def hidden_cells(data: bytes, sheet_name: str) -> dict[tuple[int, int], str]:
    """(row, column), 0-based → UNCACHED or the error code, for every such cell of `sheet_name` in an .xlsx. The
    sheet's XML is read a block of whole rows at a time (a cell never spans rows), not held whole."""
    found: dict[tuple[int, int], str] = {}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            path = _sheet_path(archive, sheet_name)
            if path is None:
                return {}
            with archive.open(path) as xml:
                rest = b""
                while block := xml.read(BLOCK):
                    rest += block
                    end = max((match.end() for match in ROW_END.finditer(rest, max(0, len(rest) - len(block) - 16))), default=0)
                    _scan(rest[:end], found)
                    rest = rest[end:]
                _scan(rest, found)
    except (KeyError, zipfile.BadZipFile, ElementTree.ParseError):
        return {}
    return found


def _scan(xml: bytes, found: dict[tuple[int, int], str]) -> None:
    """Add the formula and error cells of `xml` (whole rows) to `found`."""
    for pattern, marks in MARKS.items():
        if not any(mark in xml for mark in marks):
            continue
        position = 0
        while (match := pattern.search(xml, position)) is not None:
            around = _cell_around(xml, match.start())
            position = around[1] if around else match.end()
            if around is None:
                continue
            cell = around[0]
            ref, value = CELL_REF.search(cell), VALUE.search(cell)
            if ref is None:
                continue
            place = (int(ref.group(2)) - 1, _column_index(ref.group(1)))
            opening = cell[:cell.find(b">") + 1]
            if b't="e"' in opening:
                found[place] = value.group(1).decode(errors="replace") if value else "#N/A"
            elif value is None or (value.group(1) == b"" and b't="str"' not in opening):
                found[place] = UNCACHED
