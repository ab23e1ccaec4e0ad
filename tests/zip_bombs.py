"""Archive bombs built in the test itself: a ~1 MB .docx or .xlsx whose one extra member unpacks to 1 GiB of zeros.

The deflate stream is made in a second: after a full flush the compressor's state is reset, so the bytes for each
further MiB of zeros are the same and can be repeated instead of compressing 1 GiB."""

import struct
import zlib

MIB = 1024 * 1024


def _zeros_deflated(mib: int) -> tuple[bytes, int]:
    zeros = bytes(MIB)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = packer.compress(zeros) + packer.flush(zlib.Z_FULL_FLUSH)
    repeat = packer.compress(zeros) + packer.flush(zlib.Z_FULL_FLUSH)
    last = packer.compress(zeros) + packer.flush()
    crc = 0
    for _ in range(mib):  # a valid CRC, so only the sizes give the bomb away (~0.3 s for 1 GiB)
        crc = zlib.crc32(zeros, crc)
    return first + repeat * (mib - 2) + last, crc


def _zip(members: list[tuple[str, bytes, int, int, int]]) -> bytes:
    """members: (name, packed bytes, method, crc, unpacked size) → a zip file, without zip64."""
    out, central = bytearray(), bytearray()
    for name, packed, method, crc, size in members:
        encoded = name.encode()
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0x21, crc, len(packed), size, len(encoded), 0)
        out += encoded + packed
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0, 0x21, crc, len(packed), size,
                               len(encoded), 0, 0, 0, 0, 0, offset) + encoded
    start = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), start, 0)
    return bytes(out)


def _deflated(name: str, text: str) -> tuple[str, bytes, int, int, int]:
    raw = text.encode()
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return name, packer.compress(raw) + packer.flush(), 8, zlib.crc32(raw), len(raw)


CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                 'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')


def bomb(kind: str, mib: int = 1024, lie: bool = False) -> bytes:
    """A .docx ("docx") or .xlsx ("xlsx") with a member of `mib` MiB of zeros. `lie`: the zip declares that member
    as 1 KiB (a crafted file that does not trust its readers to check what they inflate)."""
    packed, crc = _zeros_deflated(mib)
    main = ("word/document.xml", '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>') \
        if kind == "docx" else ("xl/workbook.xml", '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>')
    zeros_name = "word/media/image1.bin" if kind == "docx" else "xl/worksheets/sheet1.xml"
    declared = 1024 if lie else mib * MIB
    return _zip([_deflated("[Content_Types].xml", CONTENT_TYPES), _deflated(*main),
                 (zeros_name, packed, 8, crc, declared)])
