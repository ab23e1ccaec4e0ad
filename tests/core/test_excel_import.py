"""The Excel import engine with a small importer of its own (tags): headers, every kind of bad input, blank
rows, formulas, dates, saving all-or-nothing or only the good rows, the error sheet and the template."""

import datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError

from tests.excel_files import edited, sheet_rows, with_cached_values, xlsx
from zhaoshang.core.excel_import import (CellError, Column, ExcelImportError, ImportSpec, error_workbook, save_report,
                                         template_workbook, validate_file)
from zhaoshang.core.excel_import.parsers import date, items, number, text
from zhaoshang.core.excel_import.validate import UNCACHED
from zhaoshang.projects.models import Tag

TODAY = datetime.date(2025, 10, 15)
HEADER = ["名称", "数量(万元)", "日期", "类别"]


def spec(**overrides) -> ImportSpec:
    def save(data):
        if data["name"] == "拒绝":
            raise ValueError("保存时被拒绝")
        Tag.objects.create(name=data["name"], order=int(data["amount"]))

    columns = [
        Column("name", "名称", ("标签名称",), True, text(30), example="数字经济"),
        Column("amount", "数量(万元)", ("数量",), True, number(maximum=Decimal(100000), too_large="超过10万"), example=5),
        Column("day", "日期", (), False, date(not_after_today=lambda: TODAY), example=datetime.date(2025, 3, 1)),
        Column("kinds", "类别", (), False, items(), choices=("甲", "乙")),
    ]
    return ImportSpec(**{"title": "标签表", "columns": columns, "save_row": save, "min_header_matches": 2, **overrides})


def errors_of(data: bytes, **kwargs) -> list[str]:
    return validate_file(spec(), data, **kwargs).error_messages()


# --- header -----------------------------------------------------------------------------------------------------
def test_header_below_a_title_is_found_and_loosely_matched():
    report = validate_file(spec(), xlsx([["2025年标签表"], [], [" 标签名称* ", "数量（万元）", "备用列"], ["甲", 3]]))
    assert report.sheet.header.top == 2 and report.rows[0].number == 4
    assert report.rows[0].data == {"name": "甲", "amount": Decimal("3.00"), "day": None, "kinds": None}
    assert report.ignored_headers == ["备用列"]


def test_a_header_merged_over_two_columns_is_refused_clearly():
    data = xlsx([["名称", "数量(万元)", None, "日期"], ["甲", 1, 2, "2025-03-01"]], merges=["B1:C1"])
    with pytest.raises(ExcelImportError, match=r"表头“数量\(万元\)”是跨2列的合并单元格（B–C列，第1行）.*请取消合并"):
        validate_file(spec(), data)


def test_a_two_row_header_under_a_merged_title_is_read():
    rows = [["名称", "填报内容", None], [None, "数量", "日期"], ["甲", 3, "2025/3/1"]]
    report = validate_file(spec(), xlsx(rows, merges=["A1:A2", "B1:C1"]))
    assert report.sheet.header.columns == {"name": 0, "amount": 1, "day": 2}
    assert [row.number for row in report.rows] == [3] and report.rows[0].data["day"] == datetime.date(2025, 3, 1)


def test_a_header_cell_merged_down_two_rows_starts_the_data_below_it():
    rows = [["名称", "数量"], [None, None], ["甲", 3]]
    report = validate_file(spec(), xlsx(rows, merges=["A1:A2", "B1:B2"]))
    assert [row.number for row in report.rows] == [3] and report.rows[0].ok


def test_a_repeated_header_and_a_missing_required_column_are_refused():
    with pytest.raises(ExcelImportError, match="表头“名称”出现了不止一次（A列、C列"):
        validate_file(spec(), xlsx([["名称", "数量", "名称"], ["甲", 1, "乙"]]))
    with pytest.raises(ExcelImportError, match="缺少必需的列：数量"):
        validate_file(spec(min_header_matches=1), xlsx([["名称", "日期"], ["甲", "2025-03-01"]]))


def test_cells_merged_down_in_the_data_belong_to_every_row():
    report = validate_file(spec(), xlsx([HEADER, ["甲", 1, None, "乙"], ["丙", 2]], merges=["D2:D3"]))
    assert [row.data["kinds"] for row in report.rows] == [["乙"], ["乙"]]


# --- sheets and files -------------------------------------------------------------------------------------------
def test_the_first_sheet_with_a_header_is_read_and_a_wrong_sheet_name_is_explained():
    data = xlsx([HEADER, ["甲", 1]], title="数据", before={"封面": [["2025年标签表"]]})
    assert validate_file(spec(), data).sheet.name == "数据"
    with pytest.raises(ExcelImportError, match="没有名为“汇总”的工作表（现有：封面、数据）"):
        validate_file(spec(), data, sheet_name="汇总")
    with pytest.raises(ExcelImportError, match="工作表“封面”不是标签表.*工作表“数据”中有标签表的表头"):
        validate_file(spec(), data, sheet_name="封面")


def test_no_recognizable_header_is_explained():
    with pytest.raises(ExcelImportError, match="没有找到标签表的表头.*“名称、数量\\(万元\\)”等列名。请使用导入模板"):
        validate_file(spec(), xlsx([["序号", "内容"], [1, "甲"]]))
    with pytest.raises(ExcelImportError, match="表头（第1行）下方没有数据"):
        validate_file(spec(), xlsx([HEADER]))


@pytest.mark.parametrize(("data", "filename", "message"), [
    (b"", "a.xlsx", "文件是空的"),
    ("名称,数量\n甲,1\n".encode("gbk"), "a.csv", "不支持CSV"),
    (b"%PDF-1.7 \x00\x01", "a.pdf", "不是Excel工作簿"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "a.xls", "已损坏"),
])
def test_files_that_are_not_workbooks_are_refused(data, filename, message):
    with pytest.raises(ExcelImportError, match=message):
        validate_file(spec(), data, filename=filename)


def test_a_word_document_and_an_oversized_file_are_refused(settings):
    from docx import Document
    import io

    output = io.BytesIO()
    Document().save(output)
    with pytest.raises(ExcelImportError, match="这是Word文档，不是Excel工作簿"):
        validate_file(spec(), output.getvalue())
    settings.MAX_UPLOAD_BYTES = 1000
    with pytest.raises(ExcelImportError, match="文件过大.*上限为0MB"):
        validate_file(spec(), xlsx([HEADER, ["甲", 1]]))


# --- cells ------------------------------------------------------------------------------------------------------
def test_dates_as_dates_text_and_serial_numbers():
    rows = [HEADER] + [[f"d{i}", 1, value] for i, value in enumerate([
        datetime.date(2025, 3, 1), datetime.datetime(2025, 3, 1, 0, 0), "2025-03-01", "2025年3月1日", "2025/3/1", "2025.3.1",
        45717, 45717.0, "45717", 20250301, "2025-3-1 00:00:00"])]
    report = validate_file(spec(), xlsx(rows))
    assert report.error_messages() == []
    assert {row.data["day"] for row in report.rows} == {datetime.date(2025, 3, 1)}


@pytest.mark.parametrize(("value", "message"), [
    ("2025-02-30", "“2025-02-30”不是有效的日期"), ("2025年3月", "只有年月，请写到具体日期"), ("明天", "不是日期，请写成2025-03-01"),
    (2025, "“2025”不是日期"), ("2026-01-01", "2026-01-01晚于今天，不能填写未来的日期"), (True, "不是日期"),
])
def test_bad_dates_say_why(value, message):
    [error] = errors_of(xlsx([HEADER, ["甲", 1, value]]))
    assert error.startswith("第2行 日期：") and message in error


@pytest.mark.parametrize(("value", "expected"), [("1,234.5", "1234.50"), ("１２３", "123.00"), (" 12 ", "12.00"), (0.1 + 0.2, "0.30")])
def test_numbers_as_text_with_commas(value, expected):
    report = validate_file(spec(), xlsx([HEADER, ["甲", value]]))
    assert report.rows[0].data["amount"] == Decimal(expected)


@pytest.mark.parametrize(("value", "message"), [(-5, "应大于0"), (0, "应大于0"), (500000, "超过10万"), ("约5", "“约5”不是数字")])
def test_bad_numbers_say_why(value, message):
    assert errors_of(xlsx([HEADER, ["甲", value]])) == [f"第2行 数量(万元)：{message}"]


def test_required_cells_too_long_text_and_error_values():
    rows = [HEADER, [None, 1], ["甲" * 31, 1], ["乙", "#REF!"]]
    assert errors_of(xlsx(rows)) == ["第2行 名称：必填，不能为空", "第3行 名称：超过30个字（当前31个字）",
                                     "第4行 数量(万元)：单元格是错误值#REF!，请检查公式"]


def test_formulas_give_their_calculated_value_and_a_formula_without_one_is_an_error():
    data = xlsx([HEADER, ["甲", "=2+3"], ["乙", "=1+1"]])
    assert errors_of(data) == [f"第{n}行 数量(万元)：公式没有计算结果（文件不是用Excel/WPS保存的），请在Excel中打开、保存后重新上传，或直接填写数值"
                               for n in (2, 3)]
    report = validate_file(spec(), with_cached_values(data, {"B2": "5", "B3": "2"}))
    assert [row.data["amount"] for row in report.rows] == [Decimal(5), Decimal(2)]


def test_formulas_are_found_when_the_sheet_is_read_a_few_rows_at_a_time(monkeypatch):
    from zhaoshang.core.excel_import import formulas

    monkeypatch.setattr(formulas, "BLOCK", 64)  # far less than a row: every block boundary falls inside a row
    rows = [HEADER, *[[f"名{n}", n + 1] for n in range(30)], ["甲", "=2+3"], ["乙", "#DIV/0!"]]
    assert errors_of(xlsx(rows)) == [f"第32行 数量(万元)：{UNCACHED}", "第33行 数量(万元)：单元格是错误值#DIV/0!，请检查公式"]


def test_a_sheet_whose_cells_begin_below_and_right_of_a1_keeps_their_places():
    from openpyxl import Workbook
    import io

    book = Workbook()
    sheet = book.active
    for r, values in enumerate([HEADER, ["甲", 1], ["乙", "x"]], start=3):
        for c, value in enumerate(values, start=3):
            sheet.cell(r, c, value)
    sheet.merge_cells("D4:D5")  # below the header: the value belongs to both rows
    output = io.BytesIO()
    book.save(output)
    report = validate_file(spec(), output.getvalue())
    assert report.sheet.header.columns == {"name": 2, "amount": 3, "day": 4, "kinds": 5}
    assert [(row.number, row.data["name"], row.data["amount"]) for row in report.rows] == [(4, "甲", 1), (5, "乙", 1)]
    written = sheet_rows(error_workbook(report, failed=[report.rows[1]]))
    assert written[1][2:4] == ["乙", 1] and written[1][-2:] == [5, ""]


def test_fifty_thousand_blank_rows_are_skipped_without_errors():
    from openpyxl import Workbook
    from openpyxl.styles import Font
    import io

    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append(["甲", 1])
    sheet.append([None, None])
    sheet.append(["乙", 2])
    for row in range(5, 50_005):  # formatted, whitespace-only and empty-string rows: all blank
        sheet.cell(row, 1).font = Font(bold=True)
        sheet.cell(row, 2).value = " " if row % 2 else ""
    output = io.BytesIO()
    book.save(output)
    report = validate_file(spec(), output.getvalue())
    assert [row.number for row in report.rows] == [2, 4] and report.error_messages() == []


def test_a_parser_may_refuse_with_its_own_message():
    def even(value):
        if int(value) % 2:
            raise CellError("应为偶数")
        return int(value)

    odd = spec()
    odd.columns = [*odd.columns[:1], Column("amount", "数量(万元)", (), True, even)]
    assert validate_file(odd, xlsx([HEADER, ["甲", 3]])).error_messages() == ["第2行 数量(万元)：应为偶数"]


# --- saving -----------------------------------------------------------------------------------------------------
ROWS = [HEADER, ["甲", 1], ["乙", -1], ["丙", 3]]


@pytest.mark.django_db
def test_all_or_nothing_refuses_a_file_with_errors():
    report = validate_file(spec(), xlsx(ROWS))
    with pytest.raises(ExcelImportError, match="有1行存在错误，未导入任何数据"):
        save_report(report)
    assert not Tag.objects.filter(name__in=["甲", "丙"]).exists()


@pytest.mark.django_db
def test_good_rows_only_saves_the_good_rows_and_reports_the_rest():
    result = save_report(validate_file(spec(), xlsx(ROWS)), good_rows_only=True)
    assert result.saved == 2 and [row.number for row in result.failed] == [3]
    assert set(Tag.objects.filter(name__in=["甲", "乙", "丙"]).values_list("name", flat=True)) == {"甲", "丙"}


@pytest.mark.django_db
@pytest.mark.parametrize("with_save_many", [False, True])
def test_a_row_refused_while_saving_undoes_everything_in_all_or_nothing(with_save_many):
    def save_many(rows):
        for data in rows:
            spec().save_row(data)

    importer = spec(save_many=save_many if with_save_many else None, chunk_size=2)
    report = validate_file(importer, xlsx([HEADER, ["甲", 1], ["乙", 2], ["拒绝", 3], ["丁", 4]]))
    result = save_report(report)
    assert result.saved == 0 and result.message == "第4行 保存时被拒绝；已全部撤销，未导入任何数据。"
    assert not Tag.objects.filter(name__in=["甲", "乙", "丁"]).exists()
    result = save_report(validate_file(importer, xlsx([HEADER, ["甲", 1], ["乙", 2], ["拒绝", 3], ["丁", 4]])), good_rows_only=True)
    assert result.saved == 3 and [row.messages() for row in result.failed] == [["第4行 保存时被拒绝"]]


@pytest.mark.django_db
def test_the_checked_rows_are_kept_for_the_confirm_step_and_checked_again(tmp_path):
    from zhaoshang.core.excel_import.stored import load_rows, store_rows
    from zhaoshang.core.excel_import.workbook import read_sheet

    kept = Tag.objects.create(name="已有")
    checked = []

    def check_rows(rows):
        checked.append([row.number for row in rows])
        for row in rows:
            row.data["name"] = row.data["name"] + "（已核对）"  # check_rows may normalise: what is kept is the parsed value
            if row.data["amount"] == 3:
                row.add_error("数量(万元)", "与已有数据重复")

    importer = spec(check_rows=check_rows, columns=[*spec().columns, Column("tag", "标签", (), False, lambda name: Tag.objects.get(name=name))])
    data = xlsx([[*HEADER, "标签"], ["甲", "1,234.5", "2025/3/1", "甲、乙", "已有"], ["乙", -1], ["丙", 3], ["丁", 4]])
    path = tmp_path / "checked.jsonl.gz"
    with path.open("wb") as file:
        report = store_rows(importer, read_sheet(data, importer), file)
    assert [row.number for row in report.rows] == [3, 4] and report.summary() == validate_file(importer, data).summary()
    restored = load_rows(importer, lambda: path.open("rb"), lambda: read_sheet(data, importer))
    rows = [row for chunk in restored.chunks() for row in chunk]
    assert checked == [[2, 3, 4, 5], [2, 3, 4, 5], [2, 5]]  # every row when validating; the good ones again when read back
    assert rows[0].data == {"name": "甲（已核对）", "amount": Decimal("1234.50"), "day": datetime.date(2025, 3, 1),
                            "kinds": ["甲", "乙"], "tag": kept}
    assert restored.error_messages() == report.error_messages() and restored.summary() == report.summary()
    assert sheet_rows(error_workbook(restored)) == sheet_rows(error_workbook(report))  # the cells are read again for it
    kept.delete()
    with pytest.raises(ExcelImportError, match="标签已被删除"):
        load_rows(importer, lambda: path.open("rb"), lambda: read_sheet(data, importer))


@pytest.mark.django_db
def test_chunked_checks_see_each_row_once_and_keep_what_they_need_across_chunks(tmp_path):
    from zhaoshang.core.excel_import.stored import load_rows, store_rows
    from zhaoshang.core.excel_import.workbook import read_sheet

    passes = []

    def checks():  # one per pass over the file: the names seen stay across its chunks
        seen, chunks = {}, []
        passes.append(chunks)

        def check(rows):
            chunks.append([row.number for row in rows])
            for row in rows:
                if row.ok and row.data["name"] in seen:
                    row.add_error("名称", f"与第{seen[row.data['name']]}行重复")
                seen.setdefault(row.data["name"], row.number)
        return check

    importer = spec(chunk_checks=checks, chunk_size=2)
    data = xlsx([HEADER, ["甲", 1], ["乙", 2], ["丙", -3], ["甲", 4], ["丁", 5], ["戊", 6]])
    path = tmp_path / "checked.jsonl.gz"
    with path.open("wb") as file:
        report = store_rows(importer, read_sheet(data, importer), file)
    assert passes == [[[2, 3], [4, 5], [6, 7]]] and report.error_messages() == ["第4行 数量(万元)：应大于0", "第5行 名称：与第2行重复"]
    restored = load_rows(importer, lambda: path.open("rb"), lambda: read_sheet(data, importer))
    result = save_report(restored, good_rows_only=True)
    assert passes[1] == [[2, 3], [6, 7]]  # the good rows of each chunk read back, checked again
    assert result.saved == 4 and [row.number for row in result.failed] == [4, 5]
    assert set(Tag.objects.filter(name__in=["甲", "乙", "丙", "丁", "戊"]).values_list("name", flat=True)) == {"甲", "乙", "丁", "戊"}


@pytest.mark.django_db
def test_unexpected_errors_are_not_swallowed():
    importer = spec()
    importer.save_row = lambda data: (_ for _ in ()).throw(IntegrityError("boom"))
    with pytest.raises(IntegrityError):
        save_report(validate_file(importer, xlsx([HEADER, ["甲", 1]])), good_rows_only=True)


# --- error sheet and template -----------------------------------------------------------------------------------
def test_the_error_sheet_is_the_same_sheet_with_an_error_column_and_can_be_uploaded_again():
    data = xlsx([["2025年标签表"], HEADER, ["甲", 1, datetime.date(2025, 3, 1)], [], ["乙", "很多"], ["丙", 3]], title="标签")
    report = validate_file(spec(), data)
    sheet = error_workbook(report)
    rows = sheet_rows(sheet, "标签")
    assert rows[0][0] == "2025年标签表" and rows[1][:5] == [*HEADER, "错误"]
    assert rows[2][:3] == ["甲", 1, datetime.date(2025, 3, 1)] and rows[2][4] == ""
    assert rows[4][:2] == ["乙", "很多"] and rows[4][4] == "数量(万元)：“很多”不是数字"
    assert report.error_messages() == ["第5行 数量(万元)：“很多”不是数字"]  # the same row 5 in the report
    fixed = validate_file(spec(), edited(sheet, {"B5": 2}))
    assert fixed.error_messages() == [] and len(fixed.rows) == 3 and fixed.ignored_headers == []


def test_the_sheet_of_rows_not_saved_keeps_their_original_numbers():
    report = validate_file(spec(), xlsx([HEADER, ["甲", 1], ["乙", -1]]))
    rows = sheet_rows(error_workbook(report, failed=report.bad_rows))
    assert rows[0][-2:] == ["原行号", "错误"] and rows[1][0] == "乙" and rows[1][-2:] == [3, "数量(万元)：应大于0"]


def test_the_template_has_the_columns_instructions_an_example_and_choices():
    data = template_workbook(spec(instructions=["每行一个标签"]))
    assert sheet_rows(data, "标签表")[0] == HEADER
    notes = sheet_rows(data, "填写说明")
    flat = [cell for row in notes for cell in row]
    assert "每行一个标签" in flat and "必填" in flat and ["数字经济", "5", "2025-03-01"] == notes[-1][:3]
    assert sheet_rows(data, "可选值")[1][0] == "甲"
    with pytest.raises(ExcelImportError, match="下方没有数据"):  # the example is not read as data
        validate_file(spec(), data)
    assert validate_file(spec(), edited(data, {"A2": "甲", "B2": 1})).error_messages() == []


def test_the_error_sheet_of_a_two_row_header_keeps_row_numbers_and_reads_back():
    rows = [["名称", "填报内容", None], [None, "数量", "日期"], ["甲", 3, "2025/3/1"], ["乙", "x", None]]
    report = validate_file(spec(), xlsx(rows, merges=["A1:A2", "B1:C1"]))
    assert report.error_messages() == ["第4行 数量(万元)：“x”不是数字"]
    sheet = error_workbook(report)
    written = sheet_rows(sheet)
    assert written[0][:4] == ["名称", "数量(万元)", "日期", "错误"] and written[3][3] == "数量(万元)：“x”不是数字"
    assert validate_file(spec(), edited(sheet, {"B4": 4})).error_messages() == []
