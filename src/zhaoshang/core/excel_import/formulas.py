"""Formula cells without a cached value in an .xlsx sheet.

python-calamine returns a formula's cached result, and "" when the file was written by a program that does
not calculate (openpyxl, some exporters). Those blanks would pass as "not filled in"; this scan finds them in the
sheet's XML so the row can say so. Only cells holding a formula are examined, so a sheet without formulas costs
one substring search.
"""

import io
import posixpath
import re
import zipfile
from xml.etree import ElementTree

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
CELL_START = re.compile(rb"<(?:\w+:)?c[\s>]")
CELL_END = re.compile(rb"</(?:\w+:)?c>")
CELL_REF = re.compile(rb'\br="([A-Z]{1,3})(\d+)"')
VALUE = re.compile(rb"<(?:\w+:)?v>(.*?)</(?:\w+:)?v>", re.S)


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


def uncached_formula_cells(data: bytes, sheet_name: str) -> set[tuple[int, int]]:
    """(row, column), 0-based, of every formula cell of `sheet_name` that carries no calculated value."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            path = _sheet_path(archive, sheet_name)
            xml = archive.read(path) if path else b""
    except (KeyError, zipfile.BadZipFile, ElementTree.ParseError):
        return set()
    found: set[tuple[int, int]] = set()
    position = 0
    while True:
        match = FORMULA.search(xml, position)
        if match is None:
            return found
        starts = list(CELL_START.finditer(xml, max(0, match.start() - 400), match.start()))
        closing = CELL_END.search(xml, match.end())
        position = closing.end() if closing else len(xml)
        if not starts:
            continue
        cell = xml[starts[-1].start():position]
        ref = CELL_REF.search(cell)
        value = VALUE.search(cell)
        cached = value is not None and (value.group(1) != b"" or b't="str"' in cell[:200])
        if ref and not cached:
            found.add((int(ref.group(2)) - 1, _column_index(ref.group(1))))
