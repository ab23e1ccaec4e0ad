"""What an attachment really is, judged by its content, never by its name. Pure; no database."""

import io
import zipfile

import filetype

from zhaoshang.archive_guard import ArchiveRefused, check_archive

# detected MIME type → (extensions a user may give it, label)
ALLOWED = {
    "application/pdf": ({"pdf"}, "PDF"),
    "image/jpeg": ({"jpg", "jpeg"}, "图片"),
    "image/png": ({"png"}, "图片"),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ({"docx"}, "Word"),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ({"xlsx"}, "Excel"),
}
OOXML = {"word/document.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         "xl/workbook.xml": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


class EvidenceError(ValueError):
    """The file is not an allowed kind, or its name lies about what it is."""


def _ooxml_type(data: bytes) -> str | None:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except zipfile.BadZipFile:
        return None
    return next((mime for member, mime in OOXML.items() if member in names), None)


def evidence_type(filename: str, data: bytes, max_bytes: int) -> str:
    """The file's MIME type if it is allowed evidence whose extension matches its content; else EvidenceError."""
    if not data:
        raise EvidenceError("文件是空的。")
    if len(data) > max_bytes:
        raise EvidenceError(f"文件过大，单个附件不超过{max_bytes // 1024 // 1024}MB。")
    try:
        check_archive(data)  # before anything (filetype, zipfile, a later preview) unpacks it
    except ArchiveRefused as refused:
        raise EvidenceError(refused.message) from None
    kind = filetype.guess(data)
    mime = kind.mime if kind else None
    if mime in ("application/zip", None) or mime in OOXML.values():
        mime = _ooxml_type(data) or mime
    if mime not in ALLOWED:
        raise EvidenceError("只能上传PDF、图片（JPG/PNG）、Word(.docx)或Excel(.xlsx)文件。")
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if extension not in ALLOWED[mime][0]:
        raise EvidenceError(f"文件名后缀与实际内容不符（实际为{ALLOWED[mime][1]}文件），请检查后重新上传。")
    return mime
