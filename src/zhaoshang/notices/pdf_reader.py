"""PDF with a text layer, read with pdfplumber: page text in reading order, tables as rows.

Ruled tables come from pdfplumber's line finder; a page without ruling lines may still hold a table
laid out by position alone, rebuilt by pdf_text_table. Page numbers ("- 3 -", "第3页") are dropped.
A text line running to the right margin (taken as wide as the left one) continues on the next line
when that one starts at the left margin and opens no new item: the two are one paragraph.
"""

import io
import re

from zhaoshang.notices import errors
from zhaoshang.notices.document import Document, Table, fill_merged
from zhaoshang.notices.errors import NoticeError
from zhaoshang.notices.header import is_org_line
from zhaoshang.notices.normalize import join_wrapped
from zhaoshang.notices.ordinals import match_ordinal
from zhaoshang.notices.pdf_ruled_table import RuledGrid, read_region, table_regions
from zhaoshang.notices.pdf_text_table import Columns, find_text_table, group_lines
from zhaoshang.notices.units import is_label_line

MAX_PAGES = 300
_SENTENCE_END = tuple("。；;！!？?）)：:")  # a line ending so may end its paragraph by chance: keep the break
_PAGE_NUMBER = re.compile(  # "- 3 -", "—3—", "第3页", "第3页 共9页", "3/9"
    r"^(?:[-—–－]+\s*\d{1,3}\s*[-—–－]+|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*/\s*\d{1,3})$")


def read_pdf(data: bytes) -> Document:
    try:
        import pdfplumber

        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:
        raise _open_error(exc) from exc
    document = Document(source_format="pdf")
    chars = 0
    carried = None  # the text table's columns or the ruled grid running on to the next page
    ruled: list[Table] = []
    try:
        with pdf:
            for page in pdf.pages[:MAX_PAGES]:
                chars += len(page.chars)
                carried = _read_page(page, document, carried, ruled)
        _settle_tables(document, ruled)
    except NoticeError:
        raise
    except Exception as exc:
        raise _open_error(exc) from exc
    if not chars:
        raise NoticeError(errors.PDF_NO_TEXT)
    return document


def _settle_tables(document: Document, ruled: list[Table]) -> None:
    """Ruled tables read page by page: covered cells take their merged cell's text, wrapped lines joined."""
    for table in ruled:
        table.rows = [[join_wrapped(cell) for cell in row] for row in fill_merged(table.rows)]
    empty = {id(t) for t in ruled if not any(any(row) for row in t.rows)}
    document.blocks = [b for b in document.blocks if id(b) not in empty]


def _open_error(exc: BaseException) -> NoticeError:
    """Encrypted or broken; pdfplumber wraps pdfminer's errors, so look through the wrapping."""
    seen = [exc, exc.__cause__, exc.__context__, *getattr(exc, "args", ())]
    for item in seen:
        name = type(item).__name__
        if "Password" in name or "Encrypt" in name or "encrypt" in str(item).lower():
            return NoticeError(errors.PDF_ENCRYPTED)
    return NoticeError(errors.PDF_BROKEN)


def _read_page(page, document: Document, carried, ruled: list[Table]):
    """Add a page's text and tables to the document; what runs on to the next page (a table), if any."""
    regions = table_regions(page) if page.edges else []
    if not regions:
        return _read_unruled_page(page, document, carried if isinstance(carried, Columns) else None)
    grid = carried if isinstance(carried, RuledGrid) else None
    boxes = [(r.x0, r.top, r.x1, r.bottom) for r in regions]

    def outside(obj) -> bool:
        cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

    text_lines = page.filter(outside).extract_text_lines(return_chars=False)
    items = [(line["top"], line) for line in text_lines if not _is_page_number(line, page.width)]
    items += [(region.top, region) for region in regions]
    run: list[dict] = []
    for _, item in sorted(items, key=lambda pair: pair[0]):
        if isinstance(item, dict):
            run.append(item)
            continue
        if run:
            grid = None  # text between two tables: the second is a table of its own
        _add_paragraphs(document, run, page.width)
        run = []
        before = grid
        grid = read_region(page, item, grid)
        if grid is not before:
            ruled.append(Table(grid.rows))  # rows filled in as later pages continue them
            document.blocks.append(ruled[-1])
    _add_paragraphs(document, run, page.width)
    return None if run else grid


def _read_unruled_page(page, document: Document, carried: Columns | None) -> Columns | None:
    lines = [line for line in group_lines(page.extract_words()) if not _is_page_number(_as_dict(line), page.width)]
    table = find_text_table(lines, carried)
    if table is None:
        _add_paragraphs(document, [_as_dict(line) for line in lines], page.width)
        return None
    _add_paragraphs(document, [_as_dict(line) for line in lines[:table.first]], page.width)
    document.add_table(table.rows)
    _add_paragraphs(document, [_as_dict(line) for line in lines[table.end:]], page.width)
    return table.columns if table.open_ended else None


def _as_dict(line) -> dict:
    return {"text": line.text, "x0": line.words[0]["x0"], "x1": line.words[-1]["x1"]}


def _add_paragraphs(document: Document, lines: list[dict], width: float) -> None:
    """Text lines as paragraphs: a line filling the measure joins the next one starting at the margin."""
    if not lines:
        return
    left = min(line["x0"] for line in lines)
    right = width - left
    widths = [(line["x1"] - line["x0"]) / len(line["text"]) for line in lines if len(line["text"]) >= 4]
    char = sorted(widths)[len(widths) // 2] if widths else 10.0
    paragraph = ""
    for index, line in enumerate(lines):
        paragraph += line["text"]
        following = lines[index + 1] if index + 1 < len(lines) else None
        if following is None or not _runs_on(line, following, left, right, char):
            document.add_text(paragraph)
            paragraph = ""


def _runs_on(line: dict, following: dict, left: float, right: float, char: float) -> bool:
    """Whether `following` wraps on from `line`: a full line cut mid-sentence, then a line at the margin."""
    full = line["x1"] >= right - 1.5 * char and line["x0"] <= left + 2.5 * char
    if not full or line["text"].rstrip()[-1:] in _SENTENCE_END or following["x0"] > left + 0.5 * char:
        return False
    text = following["text"].strip()
    return not (match_ordinal(text) or is_label_line(text) or is_org_line(text))


def _is_page_number(line: dict, width: float) -> bool:
    text = line["text"].strip()
    if _PAGE_NUMBER.match(text):
        return True
    centre = (line["x0"] + line["x1"]) / 2
    return text.isdigit() and len(text) <= 3 and abs(centre - width / 2) < width * 0.1
