"""Bad files get a clear Chinese message, a non-zero exit on the command line, and nothing is written."""

import io
import os
import zipfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from zhaoshang.core.models import AuditLog
from zhaoshang.plans.models import NoticeUpload, Plan

OLE2 = bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 2048


def _zip_without_word_document() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a word file")
    return buffer.getvalue()


BAD_FILES = {
    "empty.txt": b"",
    "junk.docx": os.urandom(4096),
    "no-tasks.txt": "关于做好春节期间值班工作的通知\n各单位：请做好值班安排。\n".encode(),
    "renamed.docx": OLE2,
    "broken.pdf": b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\nendobj\ntrailer",
    "fake.xlsx": _zip_without_word_document(),
}


def _counts():
    return Plan.all_objects.count(), NoticeUpload.objects.count(), AuditLog.objects.count()


@pytest.mark.parametrize("filename", sorted(BAD_FILES))
def test_upload_page_explains_a_bad_file_and_writes_nothing(office_client, demo, filename):
    before = _counts()
    response = office_client.post("/plans/import/", {"file": _named(filename)})
    assert response.status_code == 400
    errors = response.context["form"].errors["file"]
    assert errors and all(any("\u4e00" <= ch <= "\u9fff" for ch in e) for e in errors)
    assert _counts() == before


def _named(filename):
    upload = io.BytesIO(BAD_FILES[filename])
    upload.name = filename
    return upload


def test_a_50_mb_file_is_refused_before_parsing(office_client, demo, settings):
    before = _counts()
    big = io.BytesIO(b"x" * (50 * 1024 * 1024))
    big.name = "huge.txt"
    response = office_client.post("/plans/import/", {"file": big})
    assert response.status_code == 400
    assert "文件过大" in response.context["form"].errors["file"][0]
    assert _counts() == before


@pytest.mark.parametrize("filename", sorted(BAD_FILES))
def test_import_command_fails_with_a_chinese_message(tmp_path, demo, filename):
    path = tmp_path / filename
    path.write_bytes(BAD_FILES[filename])
    before = _counts()
    with pytest.raises(CommandError) as error:
        call_command("import_notice", str(path))
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(error.value))
    assert _counts() == before


def test_api_parse_answers_400_for_junk(office_client):
    upload = io.BytesIO(os.urandom(1000))
    upload.name = "x.pdf"
    response = office_client.post("/api/v1/parse", {"file": upload})
    assert response.status_code == 400
    assert response.json()["detail"]
