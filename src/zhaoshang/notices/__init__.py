"""The notice parser: a city's 招商引资工作任务清单 notice (text, HTML, Word, Excel or PDF) as data.

Pure Python, no Django. Every failure a user can cause raises NoticeError with a Chinese message.

    parsed = parse_file("notice.docx")
    parsed.to_dict()  # {"title", "issuer", "doc_number", "date", "tasks": [...], "chains": [...], ...}
"""

import os

from zhaoshang.notices import errors
from zhaoshang.notices.errors import NoticeError
from zhaoshang.notices.model import Chain, Indicator, Measure, ParsedNotice, Task
from zhaoshang.notices.sniff import MAX_BYTES, check_size

__all__ = [
    "MAX_BYTES", "Chain", "Indicator", "Measure", "NoticeError", "ParsedNotice", "Task",
    "parse_bytes", "parse_file", "parse_text",
]


def parse_file(path: str | os.PathLike) -> ParsedNotice:
    """Parse a notice file; the size limit is checked before the file is read."""
    try:
        size = os.path.getsize(path)
    except FileNotFoundError as exc:
        raise NoticeError(errors.NOT_FOUND.format(path=os.fspath(path))) from exc
    except OSError as exc:
        raise NoticeError(errors.UNREADABLE.format(path=os.fspath(path))) from exc
    check_size(size)
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise NoticeError(errors.UNREADABLE.format(path=os.fspath(path))) from exc
    return parse_bytes(data, os.path.basename(os.fspath(path)))


def parse_bytes(data: bytes, filename: str = "") -> ParsedNotice:
    """Parse a notice's bytes; the format is found from the content, never from `filename`."""
    from zhaoshang.notices.parser import parse_document, read_document

    if isinstance(data, str):
        data = data.encode("utf-8")
    check_size(len(data))
    return _guarded(lambda: parse_document(read_document(bytes(data))))


def parse_text(text: str) -> ParsedNotice:
    """Parse a notice already decoded to text (a flattened web page or a copied notice)."""
    from zhaoshang.notices.parser import parse_document
    from zhaoshang.notices.text_reader import text_document

    if not text or not text.strip():
        raise NoticeError(errors.EMPTY)
    check_size(len(text.encode("utf-8", errors="ignore")))
    return _guarded(lambda: parse_document(text_document(text)))


def _guarded(work) -> ParsedNotice:
    """Run a parse so that only NoticeError can escape."""
    try:
        return work()
    except NoticeError:
        raise
    except Exception as exc:  # a bug or a library failure must still reach the user as a clear message
        raise NoticeError(errors.INTERNAL) from exc
