"""Finding 1 of issue 13: every zip-based upload passes one archive guard (zhaoshang.archive_guard) before anything
unpacks it. Each entry point — the notice parser (docx, xlsx), the API's parse, the Excel import engine and report
evidence — refuses a ~1 MB file that unpacks to 1 GiB with its own Chinese error, quickly and in bounded memory."""

import io
import tracemalloc
import zipfile

import pytest

from tests.zip_bombs import bomb
from zhaoshang.archive_guard import ArchiveRefused, Limits, check_archive
from zhaoshang.core.excel_import import ExcelImportError, validate_file
from zhaoshang.notices import NoticeError, parse_bytes
from zhaoshang.supervision.evidence import EvidenceError, evidence_type

PEAK_LIMIT = 64 * 1024 * 1024  # a memory bound, not a timing: unpacking the bomb would take 1 GiB


@pytest.fixture(scope="module")
def bombs():
    return {kind: bomb(kind) for kind in ("docx", "xlsx")}


def _peak(call) -> int:
    tracemalloc.start()
    try:
        call()
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak


def _docx(extra: dict[str, bytes] | None = None) -> bytes:
    from docx import Document

    output = io.BytesIO()
    document = Document()
    document.add_paragraph("测试")
    document.save(output)
    if not extra:
        return output.getvalue()
    with zipfile.ZipFile(output, "a") as archive:
        for name, data in extra.items():
            archive.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
    return output.getvalue()


def test_the_bombs_are_small_and_honest_about_their_size(bombs):
    for data in bombs.values():
        assert len(data) < 1_200_000
        assert sum(i.file_size for i in zipfile.ZipFile(io.BytesIO(data)).infolist()) >= 1024 ** 3


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_the_notice_parser_refuses_a_bomb_in_bounded_memory(bombs, kind):
    def parse():
        with pytest.raises(NoticeError, match="解压后超过 200 MB"):
            parse_bytes(bombs[kind], f"通知.{kind}")

    assert _peak(parse) < PEAK_LIMIT


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_a_bomb_that_lies_about_its_size_is_caught_while_inflating_in_steps(kind):
    liar = bomb(kind, mib=300, lie=True)
    with pytest.raises(NoticeError, match="与声明不符"):
        parse_bytes(liar, f"通知.{kind}")
    assert _peak(lambda: pytest.raises(ArchiveRefused, check_archive, liar)) < PEAK_LIMIT


@pytest.mark.django_db
def test_the_excel_import_engine_refuses_a_bomb(bombs):
    from tests.core.test_excel_import import spec

    def validate():
        with pytest.raises(ExcelImportError, match="解压后超过"):
            validate_file(spec(), bombs["xlsx"], filename="台账.xlsx")

    assert _peak(validate) < PEAK_LIMIT


def test_report_evidence_refuses_a_bomb(bombs):
    for kind, data in bombs.items():
        with pytest.raises(EvidenceError, match="解压后超过"):
            evidence_type(f"佐证.{kind}", data, 20 * 1024 * 1024)


def test_the_api_parses_for_the_office_only_and_refuses_a_bomb(bombs, office_client, unit_client, leader_client, client):
    def post(who):
        upload = io.BytesIO(bombs["docx"])
        upload.name = "通知.docx"
        return who.post("/api/v1/parse", {"file": upload})

    for who in (unit_client, leader_client):
        response = post(who)
        assert response.status_code == 403
        assert "招商办" in response.json()["detail"]
    assert post(client).status_code == 401
    response = post(office_client)
    assert response.status_code == 400
    assert "解压后超过" in response.json()["detail"]


def test_ratio_members_and_nesting_are_limited_and_the_limit_is_a_setting(settings):
    ordinary = _docx()
    check_archive(ordinary)
    embedded_chart = _docx({"word/embeddings/Microsoft_Excel_Worksheet.xlsx": ordinary})
    check_archive(embedded_chart)  # one archive inside the package is ordinary (a chart's data)
    with pytest.raises(ArchiveRefused, match="嵌套"):
        check_archive(_docx({"word/embeddings/x.docx": embedded_chart}))
    with pytest.raises(ArchiveRefused, match="压缩比异常"):
        check_archive(_docx({"word/media/zeros.bin": bytes(2 * 1024 * 1024)}))
    with pytest.raises(ArchiveRefused, match="部件过多"):
        check_archive(_docx({f"word/media/{n}.txt": b"x" for n in range(30)}), Limits(max_members=20))
    settings.ARCHIVE_MAX_UNPACKED_MB = 1
    with pytest.raises(NoticeError, match="解压后超过 1 MB"):
        parse_bytes(bomb("docx", mib=2), "通知.docx")


def test_members_packed_with_another_method_are_refused():
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_LZMA) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(NoticeError, match="压缩方式"):
        parse_bytes(output.getvalue(), "通知.docx")
