"""Bad input raises NoticeError with a Chinese message, never another exception type."""

import io
import os
import re
import zipfile

import pytest

from zhaoshang.notices import MAX_BYTES, NoticeError, parse_bytes, parse_file, parse_text

_CHINESE = re.compile(r"[\u4e00-\u9fff]")


def _error(call, *args) -> str:
    with pytest.raises(NoticeError) as caught:
        call(*args)
    message = str(caught.value)
    assert _CHINESE.search(message), message
    assert caught.value.message == message
    return message


def _text_pdf() -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(100, 700, "1. test")
    page.showPage()
    page.save()
    return buffer.getvalue()


def test_empty_file(tmp_path):
    path = tmp_path / "空.txt"
    path.write_bytes(b"")
    assert "文件为空" in _error(parse_file, path)
    assert "文件为空" in _error(parse_bytes, b"   \r\n\t ")
    assert "文件为空" in _error(parse_text, "")


def test_binary_junk():
    assert "无法识别文件内容" in _error(parse_bytes, os.urandom(4096), "notice.txt")
    assert "无法识别文件内容" in _error(parse_bytes, b"\x00\x01\x02garbage\x00" * 100)


def test_old_office_renamed_docx():
    fake = bytes.fromhex("D0CF11E0A1B11AE1") + os.urandom(2048)
    message = _error(parse_bytes, fake, "任务清单.docx")
    assert "旧版 Word/Excel" in message and ".docx/.xlsx" in message


def test_too_large_bytes_checked_before_parsing():
    assert "20 MB" in _error(parse_bytes, b"a" * (MAX_BYTES + 1))


def test_too_large_file_checked_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    with open(path, "wb") as handle:  # sparse: the parser must refuse it by its size alone
        handle.truncate(MAX_BYTES + 1)
    assert "20 MB" in _error(parse_file, path)


def test_missing_file(tmp_path):
    assert "找不到文件" in _error(parse_file, tmp_path / "none.docx")


def test_text_without_a_task_list():
    notice = "关于做好2025年春节期间安全生产工作的通知\n各单位：\n请认真做好节日期间值班值守工作。\n市人民政府办公室\n2025年1月20日\n"
    assert "未在文件中识别到任务清单" in _error(parse_text, notice)
    assert "未在文件中识别到任务清单" in _error(parse_bytes, notice.encode("gb18030"))


def test_html_without_a_task_list():
    page = "<html><body><p>通知公告</p><table><tr><td>索引号</td><td>001</td></tr></table></body></html>"
    assert "未在文件中识别到任务清单" in _error(parse_bytes, page.encode("utf-8"))


def test_truncated_pdf():
    data = _text_pdf()
    for size in (40, len(data) // 2, len(data) - 60):
        assert "PDF 文件已损坏" in _error(parse_bytes, data[:size])


def test_encrypted_pdf():
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, encrypt="secret")
    page.drawString(100, 700, "1. test")
    page.showPage()
    page.save()
    assert "已加密" in _error(parse_bytes, buffer.getvalue())


def test_scanned_pdf_without_text_layer():
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.rect(100, 100, 300, 300, fill=1)  # a picture of a page, no text
    page.showPage()
    page.save()
    assert "没有文字层" in _error(parse_bytes, buffer.getvalue(), "扫描件.pdf")


def test_zip_that_is_not_word_or_excel():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    assert ".docx" in _error(parse_bytes, buffer.getvalue(), "清单.docx")


def test_damaged_docx_and_xlsx():
    for part in ("word/document.xml", "xl/workbook.xml"):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr(part, "<broken")
        assert "已损坏" in _error(parse_bytes, buffer.getvalue())


def test_docx_without_a_task_list():
    import docx

    document = docx.Document()
    document.add_paragraph("关于召开2025年招商工作会议的通知")
    buffer = io.BytesIO()
    document.save(buffer)
    assert "未在文件中识别到任务清单" in _error(parse_bytes, buffer.getvalue())


def test_pdf_text_without_a_task_list():
    assert "未在文件中识别到任务清单" in _error(parse_bytes, _text_pdf())


def test_rtf_is_refused_with_advice():
    assert ".docx" in _error(parse_bytes, b"{\\rtf1\\ansi hello}")
