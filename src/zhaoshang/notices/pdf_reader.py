"""PDF with a text layer, read with pdfplumber: page text in reading order, tables as rows.

Ruled tables come from pdfplumber's line finder; a page without ruling lines may still hold a table
laid out by position alone, rebuilt by pdf_text_table. Page numbers ("- 3 -", "第3页") are dropped.
A text line running to the right margin (taken as wide as the left one) continues on the next line
when that one starts at the left margin and opens no new item: the two are one paragraph.
"""

import io
import re

from zhaoshang.notices import errors
from zhaoshang.notices.document import Document
from zhaoshang.notices.errors import NoticeError
from zhaoshang.notices.header import is_org_line
from zhaoshang.notices.normalize import join_wrapped
from zhaoshang.notices.ordinals import match_ordinal
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
    carried: Columns | None = None
    try:
        with pdf:
            for page in pdf.pages[:MAX_PAGES]:
                chars += len(page.chars)
                carried = _read_page(page, document, carried)
    except NoticeError:
        raise
    except Exception as exc:
        raise _open_error(exc) from exc
    if not chars:
        raise NoticeError(errors.PDF_NO_TEXT)
    return document


def _open_error(exc: BaseException) -> NoticeError:
    """Encrypted or broken; pdfplumber wraps pdfminer's errors, so look through the wrapping."""
    seen = [exc, exc.__cause__, exc.__context__, *getattr(exc, "args", ())]
    for item in seen:
        name = type(item).__name__
        if "Password" in name or "Encrypt" in name or "encrypt" in str(item).lower():
            return NoticeError(errors.PDF_ENCRYPTED)
    return NoticeError(errors.PDF_BROKEN)


def _read_page(page, document: Document, carried: Columns | None) -> Columns | None:
    """Add a page's text and tables to the document; the columns of a text table running on, if any."""
    tables = page.find_tables() if page.rects or page.lines else []
    if not tables:
        return _read_unruled_page(page, document, carried)
    boxes = [t.bbox for t in tables]

    def outside(obj) -> bool:
        cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

    text_lines = page.filter(outside).extract_text_lines(return_chars=False)
    items = [(line["top"], line) for line in text_lines if not _is_page_number(line, page.width)]
    items += [(table.bbox[1], table) for table in tables]
    run: list[dict] = []
    for _, item in sorted(items, key=lambda pair: pair[0]):
        if isinstance(item, dict):
            run.append(item)
            continue
        _add_paragraphs(document, run, page.width)
        run = []
        document.add_table(_table_rows(item))
    _add_paragraphs(document, run, page.width)
    return None


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


def _table_rows(table) -> list[list[str]]:
    """Rows of a ruled table; a position a merged cell covers takes that cell's text."""
    extracted = table.extract()
    texts = {}
    for row, values in zip(table.rows, extracted):
        for bbox, value in zip(row.cells, values):
            if bbox is not None:
                texts[bbox] = value or ""
    columns = [_span(col.cells, 0) for col in table.columns]
    rows = []
    for row, values in zip(table.rows, extracted):
        top, bottom = row.bbox[1], row.bbox[3]
        out = []
        for index, (bbox, value) in enumerate(zip(row.cells, values)):
            if bbox is None:
                value = _covering(texts, columns[index], (top + bottom) / 2)
            out.append(join_wrapped(value or ""))
        rows.append(out)
    return rows


def _span(cells, axis: int) -> tuple[float, float]:
    boxes = [c for c in cells if c is not None]
    return (min(b[axis] for b in boxes), max(b[axis + 2] for b in boxes)) if boxes else (0.0, 0.0)


def _covering(texts: dict, column: tuple[float, float], y: float) -> str:
    x = (column[0] + column[1]) / 2
    for (x0, top, x1, bottom), text in texts.items():
        if x0 <= x <= x1 and top <= y <= bottom:
            return text
    return ""
