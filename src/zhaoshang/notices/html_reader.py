"""HTML (a saved government web page, or .mhtml): text with block breaks kept, real tables as rows.

Layout tables (a table holding other tables, as old portals use for the whole page) are
transparent: their text flows as paragraphs and only the innermost tables become Table blocks.
"""

import email
import email.policy
import re
from html.parser import HTMLParser

from zhaoshang.notices.document import Document, fill_merged
from zhaoshang.notices.normalize import cell_text
from zhaoshang.notices.sniff import decode_text

_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header",
    "footer", "blockquote", "pre", "dd", "dt", "dl", "hr", "tr", "table", "caption", "form", "nav", "aside", "main",
}
_SKIP_TAGS = {"script", "style", "head", "noscript", "template", "svg", "object", "iframe", "select", "button"}
_CJK_WRAP = re.compile(r"(?<=[\u4e00-\u9fff，。、；：）”])[ \t]*\r?\n\s*(?=[\u4e00-\u9fff（“])")
_WHITESPACE = re.compile(r"[ \t\r\n\f]+")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.IGNORECASE)


class _TableState:
    def __init__(self):
        self.rows: list[list[tuple[str, int, int]]] = []
        self.cell: list[str] | None = None
        self.span = (1, 1)
        self.is_layout = False


class _NoticeHTMLParser(HTMLParser):
    def __init__(self, document: Document):
        super().__init__(convert_charrefs=True)
        self.document = document
        self.buffer: list[str] = []
        self.tables: list[_TableState] = []
        self.skip_depth = 0

    # -- text outside cells -------------------------------------------------------------------------
    def _flush(self) -> None:
        if self.buffer:
            self.document.add_text("".join(self.buffer))
            self.buffer = []

    def _sink(self) -> list[str]:
        table = self.tables[-1] if self.tables else None
        if table is not None and table.cell is not None and not table.is_layout:
            return table.cell
        return self.buffer

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP_TAGS:
            self.skip_depth += 1
            return
        if tag == "table":
            self._open_table()
        elif tag == "tr" and self.tables:
            self._close_cell()
            self.tables[-1].rows.append([])
        elif tag in ("td", "th") and self.tables:
            self._open_cell(dict(attrs))
        elif tag in _BLOCK_TAGS:
            self._sink().append("\n")

    def handle_endtag(self, tag):
        if tag in _SKIP_TAGS:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if tag == "table" and self.tables:
            self._close_table()
        elif tag in ("td", "th") and self.tables:
            self._close_cell()
        elif tag in _BLOCK_TAGS:
            self._sink().append("\n")

    def handle_data(self, data):
        if not self.skip_depth:
            # Source line breaks are spaces in HTML; between Chinese characters they are nothing.
            data = _CJK_WRAP.sub("", data)
            self._sink().append(_WHITESPACE.sub(" ", data))

    # -- tables -----------------------------------------------------------------------------------
    def _open_table(self) -> None:
        if self.tables:
            parent = self.tables[-1]
            if not parent.is_layout:
                parent.is_layout = True
                self._spill(parent)
        self._flush()
        self.tables.append(_TableState())

    def _spill(self, table: _TableState) -> None:
        """A table found to hold tables: what it collected so far becomes plain paragraphs."""
        for row in table.rows:
            for text, _, _ in row:
                self.buffer.append("\n" + text + "\n")
        if table.cell is not None:
            self.buffer.append("\n" + "".join(table.cell))
        table.rows, table.cell = [], None
        self._flush()

    def _open_cell(self, attrs: dict) -> None:
        table = self.tables[-1]
        self._close_cell()
        if table.is_layout:
            self.buffer.append("\n")
            return
        if not table.rows:
            table.rows.append([])
        table.cell = []
        table.span = (_int(attrs.get("rowspan")), _int(attrs.get("colspan")))

    def _close_cell(self) -> None:
        table = self.tables[-1]
        if table.is_layout:
            self.buffer.append("\n")
            return
        if table.cell is not None:
            table.rows[-1].append((cell_text("".join(table.cell)), *table.span))
            table.cell = None

    def _close_table(self) -> None:
        self._close_cell()
        table = self.tables.pop()
        if table.is_layout:
            self._flush()
            return
        self._flush()
        self.document.add_table(_grid(table.rows))

    def close(self):
        super().close()
        while self.tables:
            self._close_table()
        self._flush()


def _int(value) -> int:
    try:
        return max(1, min(int(str(value).strip()), 500))
    except (TypeError, ValueError):
        return 1


def _grid(rows: list[list[tuple[str, int, int]]]) -> list[list[str]]:
    """Expand rowspan/colspan so every grid position holds its cell's text."""
    grid: dict[tuple[int, int], str | None] = {}
    width = 0
    for r, row in enumerate(rows):
        c = 0
        for text, rowspan, colspan in row:
            while (r, c) in grid:
                c += 1
            for dr in range(rowspan):
                for dc in range(colspan):
                    grid[(r + dr, c + dc)] = text if (dr, dc) == (0, 0) else None
            c += colspan
            width = max(width, c)
    height = len(rows)
    table = [[grid.get((r, c), "") for c in range(width)] for r in range(height)]
    return fill_merged(table)


def read_html(data: bytes) -> Document:
    return html_document(_decode_html(data))


def html_document(html: str) -> Document:
    document = Document(source_format="html")
    parser = _NoticeHTMLParser(document)
    parser.feed(html)
    parser.close()
    return document


def _decode_html(data: bytes) -> str:
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii", "ignore").lower()
        if name in ("gb2312", "gbk", "gb18030"):
            try:
                return data.decode("gb18030")
            except UnicodeDecodeError:
                pass
    return decode_text(data)


def read_mhtml(data: bytes) -> Document:
    """A web page saved as .mht/.mhtml: the first text/html part."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True) or b""
            charset = part.get_content_charset()
            if charset:
                try:
                    return html_document(payload.decode("gb18030" if charset.lower() in ("gb2312", "gbk") else charset))
                except (LookupError, UnicodeDecodeError):
                    pass
            return read_html(payload)
    return read_html(data)
