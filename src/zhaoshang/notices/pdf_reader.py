"""PDF with a text layer, read with pdfplumber: page text in reading order, ruled tables as rows."""

import io

from zhaoshang.notices import errors
from zhaoshang.notices.document import Document
from zhaoshang.notices.errors import NoticeError
from zhaoshang.notices.normalize import join_wrapped

MAX_PAGES = 300


def read_pdf(data: bytes) -> Document:
    try:
        import pdfplumber

        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:
        raise _open_error(exc) from exc
    document = Document(source_format="pdf")
    chars = 0
    try:
        with pdf:
            for page in pdf.pages[:MAX_PAGES]:
                chars += len(page.chars)
                _read_page(page, document)
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


def _read_page(page, document: Document) -> None:
    tables = page.find_tables() if page.rects or page.lines else []
    boxes = [t.bbox for t in tables]

    def outside(obj) -> bool:
        cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

    text_page = page.filter(outside) if boxes else page
    items = [(line["top"], line["text"]) for line in text_page.extract_text_lines(return_chars=False)]
    items += [(table.bbox[1], table) for table in tables]
    for _, item in sorted(items, key=lambda pair: pair[0]):
        if isinstance(item, str):
            document.add_text(item)
        else:
            document.add_table(_table_rows(item))


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
