"""Word .docx: paragraphs and tables in document order; merged cells repeat their text."""

import io
import zipfile

from zhaoshang.notices import errors
from zhaoshang.notices.document import Document
from zhaoshang.notices.errors import NoticeError
from zhaoshang.notices.normalize import cell_text

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(data: bytes) -> Document:
    try:
        import docx
        from docx.table import Table as DocxTable
        from docx.text.paragraph import Paragraph

        word = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, SyntaxError) as exc:
        raise NoticeError(errors.DOCX_BROKEN) from exc
    except Exception as exc:  # lxml and python-docx raise a variety of errors on damaged files
        raise NoticeError(errors.DOCX_BROKEN) from exc
    document = Document(source_format="docx")
    body = word.element.body
    for child in body.iterchildren():
        if child.tag == f"{_W}p":
            document.add_text(Paragraph(child, word).text)
        elif child.tag == f"{_W}tbl":
            document.add_table(_rows(DocxTable(child, word)))
        elif child.tag == f"{_W}sdt":  # content controls wrap ordinary paragraphs
            for para in child.iter(f"{_W}p"):
                document.add_text(Paragraph(para, word).text)
    return document


def _rows(table) -> list[list[str]]:
    """Cell texts row by row; python-docx already repeats a merged cell in every position it spans."""
    rows = []
    for row in table.rows:
        cells = []
        for cell in row.cells:
            text = "\n".join(p.text for p in cell.paragraphs)
            nested = [_flatten(t) for t in cell.tables]
            cells.append(cell_text("\n".join([text, *nested])))
        rows.append(cells)
    return rows


def _flatten(table) -> str:
    return "\n".join("\t".join(cell.text for cell in row.cells) for row in table.rows)
