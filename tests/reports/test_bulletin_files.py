"""The bulletin's Word file (official layout, Chinese fonts on every run) and its Excel workbook."""

import io

import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook

from zhaoshang.reports.bulletin_data import bulletin_collect
from zhaoshang.reports.bulletin_docx import SECTIONS, TITLE, bulletin_docx
from zhaoshang.reports.bulletin_xlsx import COLUMNS, bulletin_xlsx


@pytest.fixture
def data(july, office):
    return bulletin_collect(user=office, period="2025-07")


def _text(document) -> str:
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_the_word_bulletin_has_title_period_sections_and_the_red_units(data):
    document = Document(io.BytesIO(bulletin_docx(data)))
    text = _text(document)
    texts = [p.text for p in document.paragraphs]
    title = texts.index(TITLE)  # under the red header (issuing authority, 期号, red rule)
    assert TITLE == "招商引资工作任务清单落实情况通报" and texts[title + 1] == "（2025年7月）"
    for heading in SECTIONS:
        assert any(p.text == heading for p in document.paragraphs), heading
    assert "市发改委（牵头）" in text and "连续2期未报送" in text
    assert "项目用地指标不足" in text
    assert len(document.tables) >= 5  # targets (and per chain/channel), focuses, red, yellow, ranking


def test_every_run_carries_an_east_asian_font_and_tables_have_borders(data):
    document = Document(io.BytesIO(bulletin_docx(data)))
    runs = [r for p in document.paragraphs for r in p.runs]
    runs += [r for t in document.tables for row in t.rows for c in row.cells for p in c.paragraphs for r in p.runs]
    assert runs and all(r._element.rPr.rFonts.get(qn("w:eastAsia")) for r in runs)
    assert runs[0]._element.rPr.rFonts.get(qn("w:eastAsia")) == "方正小标宋简体"  # the red header's mark
    assert all(t.style.name == "Table Grid" for t in document.tables)
    table = next(p for p in document.part.package.iter_parts() if str(p.partname) == "/word/fontTable.xml")
    assert "仿宋_GB2312".encode() in table.blob and "宋体".encode() in table.blob


def test_the_workbook_has_one_row_per_assignment_and_the_ranking(data):
    book = load_workbook(io.BytesIO(bulletin_xlsx(data)))
    sheet = book["责任分工明细"]
    assert [c.value for c in sheet[2]] == [name for name, _ in COLUMNS]
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    assert len(rows) == len(data.rows) == 58
    commerce = [r for r in rows if r[3] == "市商务局"]
    assert commerce and all(r[5] == "绿灯" and r[7] == "2025年7月" and r[8] == "按时报送" and r[9] == 30 for r in commerce)
    assert len(list(book["责任单位排名"].iter_rows(min_row=3))) == 27
