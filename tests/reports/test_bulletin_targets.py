"""The bulletin reports the targets as the indicator pages compute them, and reads as an official document (GB/T 9704):
red header with 文号/期号 the office sets, 主送/抄送, page numbers "— 1 —", properties naming the office; the workbook
prints landscape with repeated title rows; the preview page and the office's settings page."""

import datetime
import io

import pytest
from docx import Document
from openpyxl import load_workbook

from zhaoshang.core.models import AuditLog
from zhaoshang.kpis import display
from zhaoshang.kpis.selectors import plan_figures
from zhaoshang.reports.bulletin_data import bulletin_collect
from zhaoshang.reports.bulletin_docx import SECTIONS, bulletin_docx
from zhaoshang.reports.bulletin_xlsx import bulletin_xlsx
from zhaoshang.reports.models import OfficialDocSettings
from zhaoshang.reports.services import doc_settings_save

JULY_END = datetime.date(2025, 7, 31)


@pytest.fixture
def data(july, office):
    return bulletin_collect(user=office, period="2025-07")


def _document(data) -> Document:
    return Document(io.BytesIO(bulletin_docx(data)))


def _text(document) -> str:
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_the_targets_are_the_indicator_pages_figures_as_of_the_months_end(data, july):
    kpis, figures = plan_figures(july.pk, JULY_END)
    top = [kpi for kpi in kpis if not kpi.parent_id]
    rows = {row.kpi_id: row for row in data.targets.rows}
    assert data.targets.total == len(top) and set(rows) == {kpi.pk for kpi in kpis}
    for kpi in kpis:
        figure, split = figures[kpi.pk], any(k.parent_id == kpi.pk for k in kpis)
        assert rows[kpi.pk].actual == display.actual_text(figure, split)
        assert rows[kpi.pk].light == figure.light.value
    assert data.targets.met == sum(1 for kpi in top if figures[kpi.pk].met)
    assert sum(data.targets.lights.values()) == len(top)


def test_each_chain_and_channel_is_reported_and_the_chains_without_a_yi_project_named(data, july):
    chains = data.targets.chains
    assert len(chains) == 17 and all(row.is_part for row in chains)
    assert "石油化工" in {row.text for row in chains}
    assert data.targets.chains_lacking_yi == tuple(row.text for row in chains if row.light != "green")
    assert any("楚商" in row.text for row in data.targets.channels)


def test_the_word_bulletin_has_the_targets_section_with_figures(data):
    document = _document(data)
    text = _text(document)
    assert SECTIONS[1] == "二、目标指标完成情况" and any(p.text == SECTIONS[1] for p in document.paragraphs)
    assert "尚未引进计划总投资1亿元以上项目的产业链：石油化工、" in text
    assert "0/5 达标" in text and "序时进度" in text
    targets = document.tables[0]
    assert [c.text for c in targets.rows[0].cells] == ["任务", "指标", "目标", "完成", "序时进度", "完成率", "灯色"]
    assert not any("." in row.cells[4].text and "个" in row.cells[4].text for row in targets.rows)  # whole counts


def test_document_properties_name_the_office_and_now(data):
    props = _document(data).core_properties
    assert props.author == props.last_modified_by == "市招商服务中心"
    assert props.created.year >= 2026 and "python-docx" not in (props.comments or "")
    assert props.title == "招商引资工作任务清单落实情况通报（2025年7月）"


def test_page_numbers_are_dashed_on_odd_and_even_pages(data):
    document = _document(data)
    assert document.settings.odd_and_even_pages_header_footer
    section = document.sections[0]
    for footer in (section.footer, section.even_page_footer):
        xml = footer._element.xml
        assert "PAGE" in xml and footer.paragraphs[0].text.startswith("— ") and footer.paragraphs[0].text.endswith(" —")


def test_red_header_with_issue_number_main_and_copy_to(data, office):
    doc_settings_save(actor=office, data={"number_pattern": "招商办〔{year}〕{seq}号", "header_text": "招商引资工作通报",
                                          "copy_to": "市委办公室，市政府办公室", "main_to": "各责任单位"})
    document = _document(data)
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "招商引资工作通报"
    assert document.paragraphs[0].runs[0].font.color.rgb == (0xE6, 0x00, 0x12)
    assert "招商办〔2025〕1号　2025年第1期" in texts
    assert "各责任单位：" in texts and "抄送：市委办公室，市政府办公室。" in texts
    assert any(t.startswith("市招商服务中心\t2025年7月31日印发") for t in texts)
    assert AuditLog.objects.filter(object_type="reports.officialdocsettings", action="create").exists()


def test_without_red_header_only_the_number_line_in_black(data, office):
    doc_settings_save(actor=office, data={"red_header": False})
    document = _document(data)
    assert document.paragraphs[0].text == "2025年第1期"
    assert all(run.font.color.rgb is None for p in document.paragraphs for run in p.runs)


def test_measure_texts_are_never_cut_mid_sentence(data):
    text = _text(_document(data))
    assert "…" not in text


def test_the_workbook_has_a_targets_sheet_and_prints_landscape_with_title_rows(data):
    book = load_workbook(io.BytesIO(bulletin_xlsx(data)))
    sheet = book["目标指标完成情况"]
    assert [c.value for c in sheet[2]][:4] == ["任务", "指标", "目标", "完成"]
    assert sheet.max_row >= 2 + data.targets.total
    for sheet in book.worksheets:
        assert sheet.page_setup.orientation == "landscape" and sheet.print_title_rows == "$1:$2"
        assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage


def test_the_patterns_accept_only_year_and_seq(demo, office_client):
    response = office_client.post("/reports/settings/", {"issue_pattern": "第{n}期", "number_pattern": "招办〔{year}〕号",
                                                         "red_header": "on"})
    page = response.content.decode()
    assert response.status_code == 400 and "只能使用 {year}" in page and "须包含 {seq}" in page
    assert not OfficialDocSettings.objects.exists()
    response = office_client.post("/reports/settings/", {"issue_pattern": "第{seq}期", "issuer": "市招商办",
                                                         "main_to": "各责任单位", "red_header": "on"})
    assert response.status_code == 302 and OfficialDocSettings.objects.get().issuer == "市招商办"


def test_only_the_office_sets_document_formats(demo, leader_client, unit_client):
    assert leader_client.get("/reports/settings/").status_code == 403
    assert unit_client.get("/reports/settings/").status_code == 403


def test_the_preview_shows_the_targets_with_figures(july, office, office_client, django_capture_on_commit_callbacks):
    from zhaoshang.reports.services import bulletin_request

    with django_capture_on_commit_callbacks(execute=True):
        job = bulletin_request(actor=office, period="2025-07")
    page = office_client.get(f"/reports/bulletins/{job.pk}/preview/").content.decode()
    assert "二、目标指标完成情况" in page and "0/5 达标" in page and "石油化工" in page
    assert "2025年第1期" in page
    assert f"/reports/bulletins/{job.pk}/preview/" in office_client.get("/reports/bulletins/").content.decode()
