"""Format detection by content (never by file name), the size limit, and text decoding."""

import io
import re
import zipfile

from zhaoshang.archive_guard import ArchiveRefused, check_archive
from zhaoshang.notices import errors
from zhaoshang.notices.errors import NoticeError

MAX_BYTES = 20 * 1024 * 1024
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML = re.compile(r"<\s*(?:!doctype\s+html|html|head|body|table|div|p|meta|title|tr|td|br)\b", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd\ue000-\uf8ff]")


def check_size(size: int) -> None:
    if size > MAX_BYTES:
        raise NoticeError(errors.TOO_LARGE.format(limit=MAX_BYTES // (1024 * 1024), size=size / 1024 / 1024))


def sniff(data: bytes) -> str:
    """"pdf", "docx", "xlsx", "html", "mhtml" or "text"; raises NoticeError for what we cannot read."""
    check_size(len(data))
    if not data.strip():
        raise NoticeError(errors.EMPTY)
    head = data[:1024]
    if head.startswith(OLE2_MAGIC):
        raise NoticeError(errors.OLD_OFFICE)
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    if head.lstrip().startswith(b"{\\rtf"):
        raise NoticeError(errors.RTF)
    text_head = decode_text(data[:4096], strict=False)
    if re.search(r"^MIME-Version:|Content-Type:\s*multipart/related", text_head[:2048], re.IGNORECASE | re.MULTILINE):
        return "mhtml"
    return "html" if _HTML.search(text_head) else "text"


def _zip_kind(data: bytes) -> str:
    try:
        check_archive(data)  # before anything unpacks it: docx and xlsx readers come only after sniff
    except ArchiveRefused as exc:
        raise NoticeError(exc.message) from None
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise NoticeError(errors.UNKNOWN_ZIP) from exc
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    raise NoticeError(errors.UNKNOWN_ZIP)


def decode_text(data: bytes, strict: bool = True) -> str:
    """Bytes as text: BOMs first, then UTF-8, then GB18030; binary junk raises NoticeError."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    elif data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    else:
        text = _decode_plain(data, strict)
    if strict and _looks_binary(text):
        raise NoticeError(errors.BINARY)
    return text


def _decode_plain(data: bytes, strict: bool) -> str:
    if b"\x00" in data[:8192] and strict:
        raise NoticeError(errors.BINARY)
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            if not strict and exc.start >= len(data) - 4:  # a sample cut inside a character
                return data[:exc.start].decode(encoding, errors="replace")
    if strict:
        raise NoticeError(errors.BINARY)
    return data.decode("utf-8", errors="replace")


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    if not sample.strip():
        raise NoticeError(errors.EMPTY)
    return len(_CONTROL.findall(sample)) > max(2, len(sample) // 200)
