"""The one guard every zip-based upload passes before anything unpacks it (.docx, .xlsx: notices, Excel imports,
report and indicator evidence). Pure Python, no Django import, so the notice parser can use it too; inside the
site the limits come from settings (`ARCHIVE_MAX_UNPACKED_MB`, `ARCHIVE_MAX_RATIO`, `ARCHIVE_MAX_MEMBERS`).

It refuses, with a Chinese message in `ArchiveRefused`:
- more members than allowed, or a member that is itself an archive inside an archive inside the package;
- a declared unpacked total above the limit, or a large member whose declared size is > ratio × its packed size;
- a member whose deflate stream really unpacks to more than it declares (declared sizes are not trusted:
  every member is inflated in 64 KiB steps and counted, so memory stays bounded whatever the file says).
Callers turn `ArchiveRefused` into their own error (NoticeError, ExcelImportError, EvidenceError)."""

import io
import struct
import sys
import zipfile
import zlib
from dataclasses import dataclass

ZIP_MAGIC = b"PK\x03\x04"
_CHUNK = 64 * 1024
_RATIO_FLOOR = 1024 * 1024  # small members (styles, rels) may compress better than the ratio; they cannot hurt


@dataclass(frozen=True)
class Limits:
    max_unpacked: int = 200 * 1024 * 1024
    max_ratio: int = 100
    max_members: int = 2000
    max_depth: int = 1  # an archive embedded in the package (a chart's workbook in a .docx) is fine, one in that is not


class ArchiveRefused(ValueError):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


TOO_BIG = "文件解压后超过 {limit} MB（声明或实际解压大小），不像普通的办公文档，已拒绝。"
RATIO = "文件中的“{name}”压缩比异常（超过 {ratio}:1），疑似压缩炸弹，已拒绝。"
MEMBERS = "文件内部包含的部件过多（超过 {limit} 个），已拒绝。"
NESTED = "文件中嵌套了多层压缩包，已拒绝。"
BROKEN = "文件已损坏（压缩数据不完整或与声明不符），无法打开。"
METHOD = "文件使用了办公软件不会使用的压缩方式，无法打开；请在 Word/Excel/WPS 中重新保存后再上传。"


def current_limits() -> Limits:
    """The configured limits inside the site (Django settings), the defaults elsewhere (the parser alone)."""
    conf = sys.modules.get("django.conf")
    settings = getattr(conf, "settings", None)
    if settings is None or not settings.configured:
        return Limits()
    default = Limits()
    return Limits(
        max_unpacked=int(getattr(settings, "ARCHIVE_MAX_UNPACKED_MB", default.max_unpacked // (1024 * 1024))) * 1024 * 1024,
        max_ratio=int(getattr(settings, "ARCHIVE_MAX_RATIO", default.max_ratio)),
        max_members=int(getattr(settings, "ARCHIVE_MAX_MEMBERS", default.max_members)))


def check_archive(data: bytes, limits: Limits | None = None) -> None:
    """Raise ArchiveRefused unless the zip in `data` is safe to unpack; a file that is not a zip passes untouched
    (the caller's own format check says what it is)."""
    if not data.startswith(ZIP_MAGIC):
        return
    limits = limits or current_limits()
    _check(data, limits, depth=0, budget=[limits.max_unpacked])  # budget: what may still be unpacked, in all levels


def _check(data: bytes, limits: Limits, depth: int, budget: list[int]) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a readable zip: the caller reports the broken file in its own words
    infos = archive.infolist()
    if len(infos) > limits.max_members:
        raise ArchiveRefused(MEMBERS.format(limit=limits.max_members))
    limit_mb = limits.max_unpacked // (1024 * 1024)
    if sum(info.file_size for info in infos) > budget[0]:
        raise ArchiveRefused(TOO_BIG.format(limit=limit_mb))
    for info in infos:
        if info.file_size > _RATIO_FLOOR and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise ArchiveRefused(RATIO.format(name=info.filename[:60], ratio=limits.max_ratio))
    for info in infos:
        head = _inflate(data, info, limits, budget, limit_mb)
        if head.startswith(ZIP_MAGIC):
            if depth >= limits.max_depth:
                raise ArchiveRefused(NESTED)
            _check(archive.read(info), limits, depth + 1, budget)


def _inflate(data: bytes, info: zipfile.ZipInfo, limits: Limits, budget: list[int], limit_mb: int) -> bytes:
    """Inflate one member in bounded steps, counting what it really unpacks to; returns its first bytes."""
    start = info.header_offset
    fixed = data[start:start + 30]
    if len(fixed) < 30 or fixed[:4] != ZIP_MAGIC:
        raise ArchiveRefused(BROKEN)
    name_len, extra_len = struct.unpack("<HH", fixed[26:30])
    begin = start + 30 + name_len + extra_len
    packed = memoryview(data)[begin:begin + info.compress_size]
    if info.compress_type == zipfile.ZIP_STORED:
        produced, head = len(packed), bytes(packed[:8])
    elif info.compress_type == zipfile.ZIP_DEFLATED:
        produced, head = _count_deflate(packed, info, limits, budget, limit_mb)
    else:  # Office writes only stored or deflated members; other methods (bzip2, LZMA) are not counted, so refused
        raise ArchiveRefused(METHOD)
    if produced > info.file_size:
        raise ArchiveRefused(BROKEN)
    budget[0] -= produced
    if budget[0] < 0:
        raise ArchiveRefused(TOO_BIG.format(limit=limit_mb))
    return head


def _count_deflate(packed: memoryview, info: zipfile.ZipInfo, limits: Limits, budget: list[int], limit_mb: int):
    inflater = zlib.decompressobj(-15)
    produced, head, pending = 0, b"", bytes(packed)
    allowed = min(info.file_size, budget[0])
    try:
        while pending and not inflater.eof:
            out = inflater.decompress(pending, _CHUNK)
            pending = inflater.unconsumed_tail
            if not head:
                head = out[:8]
            produced += len(out)
            if produced > allowed:
                break
            if not out and not pending:
                break
    except zlib.error:
        raise ArchiveRefused(BROKEN) from None
    if produced > budget[0]:
        raise ArchiveRefused(TOO_BIG.format(limit=limit_mb))
    if produced > limits.max_ratio * max(len(packed), 1) and produced > _RATIO_FLOOR:
        raise ArchiveRefused(RATIO.format(name=info.filename[:60], ratio=limits.max_ratio))
    return produced, head
