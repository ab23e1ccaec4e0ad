"""Table cells as other cities fill them: Excel date cells (serial numbers, dates, date-times), a 责任单位
cell with "牵头：…" / "配合：…" lines or space-separated names, Chinese-numbered section rows."""

import datetime
import io

import pytest

from zhaoshang.notices import parse_bytes


def _units(task):
    return [m.units for m in task.measures]


# (l) 南湖: Excel with 序号 | 工作任务 | 责任单位 | 完成时限; the deadline column holds whatever Excel stores.
def _nanhu_xlsx() -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["南湖市2025年招商引资工作任务清单"])
    sheet.append(["序号", "工作任务", "责任单位", "完成时限"])
    sheet.append([1, "建立项目库，全年签约亿元以上项目30个。", "市商务局", 45901])  # a number cell: 2025-09-01
    sheet.append([2, "举办专题推介会。", "市发改委 市商务局", 45900.0])  # 2025-08-31
    sheet.append([3, "开展驻点招商。", "市投资促进局", datetime.datetime(2025, 10, 15, 9, 30)])
    sheet.append([4, "优化项目服务。", "市政务服务中心", datetime.date(2025, 11, 3)])
    sheet.append([5, "保障项目用地。", "市自然资源局", "2025.12"])
    sheet.append([6, "出台招商政策。", "市财政局", 45930])
    sheet.cell(row=8, column=4).number_format = "yyyy-mm-dd"  # a date cell typed as a number
    sheet.append([7, "引进招商人才。", "市人社局", "２０２５年１２月"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def nanhu():
    return parse_bytes(_nanhu_xlsx(), "南湖.xlsx")


def test_nanhu_excel_date_cells_become_months(nanhu):
    assert [t.number for t in nanhu.tasks] == [str(n) for n in range(1, 8)]
    assert [t.deadline for t in nanhu.tasks] == [
        "2025-09", "2025-08", "2025-10", "2025-11", "2025-12", "2025-09", "2025-12"]
    assert [t.due_date for t in nanhu.tasks][:4] == [
        datetime.date(2025, 9, 1), datetime.date(2025, 8, 31), datetime.date(2025, 10, 15), datetime.date(2025, 11, 3)]
    assert not any("工作时限" in w for t in nanhu.tasks for w in t.warnings)


def test_nanhu_units_and_year_from_the_deadline(nanhu):
    assert _units(nanhu.tasks[1]) == [["市发改委", "市商务局"]]  # separated by a space
    assert [(i.value, i.unit, i.year) for i in nanhu.tasks[0].indicators] == [(30, "个", 2025)]  # 全年, due 2025-09


# (m) 北川: Word, goals in paragraphs above a 序号 | 工作任务 | 责任单位 | 完成时限 table whose units cells
# read "牵头：X\n配合：A、B" or "X（牵头）\nY".
def _beichuan_docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("北川市人民政府办公室关于印发北川市2025年招商引资重点工作任务清单的通知")
    document.add_paragraph("北政办发〔2025〕5号")
    document.add_paragraph("一、工作目标")
    document.add_paragraph("全年引进亿元以上项目50个，实际利用外资增长10%以上。")
    document.add_paragraph("二、任务清单")
    rows = [
        ["序号", "工作任务", "责任单位", "完成时限"],
        ["1", "开展产业链精准招商，全年引进亿元以上项目50个。", "牵头：市发改委\n配合：市商务局、市财政局", "9月底前"],
        ["2", "举办专题招商推介会不少于4场。", "市贸促会、市商务局（牵头）", "２０２５年１２月"],
        ["3", "建立重点项目包联机制。", "市发改委  市商务局", "每月"],
        ["4", "推进签约项目落地。", "牵头单位：市投资促进局；配合单位：各县（市、区）人民政府", "2025年内"],
    ]
    table = document.add_table(rows=len(rows), cols=4)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.add_paragraph("北川市人民政府办公室")
    document.add_paragraph("2025年3月1日")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def beichuan():
    return parse_bytes(_beichuan_docx(), "北川.docx")


def test_beichuan_header_and_goals(beichuan):
    assert (beichuan.source_format, beichuan.layout) == ("docx", "rows")
    assert beichuan.title == "北川市2025年招商引资重点工作任务清单"
    assert beichuan.issuer == "北川市人民政府办公室"
    assert beichuan.date == datetime.date(2025, 3, 1)
    assert [(g.value, g.unit, g.comparator, g.year) for g in beichuan.goals] == [
        (50, "个", ">=", 2025), (10, "%", "growth", 2025)]


def test_beichuan_units_cells(beichuan):
    assert [_units(t) for t in beichuan.tasks] == [
        [["市发改委", "市商务局", "市财政局"]],
        [["市商务局", "市贸促会"]],
        [["市发改委", "市商务局"]],
        [["市投资促进局", "各县（市、区）人民政府"]],
    ]
    assert [t.measures[0].lead_labelled for t in beichuan.tasks] == [True, True, False, True]


def test_beichuan_deadlines(beichuan):
    assert [t.deadline for t in beichuan.tasks] == ["2025-09", "2025-12", "每月", "2025-12"]
    assert [t.deadline_raw for t in beichuan.tasks] == ["9月底前", "2025年12月", "每月", "2025年内"]
    assert not any("工作时限" in w for t in beichuan.tasks for w in t.warnings)


def test_beichuan_targets_and_indicators(beichuan):
    assert beichuan.tasks[0].target == "开展产业链精准招商，全年引进亿元以上项目50个"
    assert [(i.value, i.unit, i.year) for i in beichuan.tasks[0].indicators] == [(50, "个", 2025)]
    assert [(i.value, i.unit, i.year) for i in beichuan.tasks[1].indicators] == [(4, "场", None)]


# (n) 南川: section rows "一 | 产业招商 | | " inside the table name the focus of the rows below.
def test_chinese_numbered_section_rows_are_focus_headings():
    import docx

    document = docx.Document()
    document.add_paragraph("南川市2025年招商引资任务清单")
    rows = [
        ["序号", "重点任务", "责任单位", "完成时限"],
        ["一", "产业招商", "", ""],
        ["1", "引进新能源项目3个。", "市发改委", "2025年12月"],
        ["2", "举办推介会2场。", "市商务局", "2025年6月"],
        ["二", "服务保障", "", ""],
        ["3", "优化审批流程。", "市政务服务局", "长期"],
    ]
    table = document.add_table(rows=len(rows), cols=4)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    buffer = io.BytesIO()
    document.save(buffer)
    parsed = parse_bytes(buffer.getvalue())
    assert [(t.number, t.focus, t.target, t.deadline) for t in parsed.tasks] == [
        ("1", "产业招商", "引进新能源项目3个", "2025-12"),
        ("2", "产业招商", "举办推介会2场", "2025-06"),
        ("3", "服务保障", "优化审批流程", "long-term"),
    ]
    assert [_units(t) for t in parsed.tasks] == [[["市发改委"]], [["市商务局"]], [["市政务服务局"]]]
    assert all(t.warnings == [] for t in parsed.tasks)
