"""The downloadable template: the declared columns ready to fill (pre-filled with the importer's rows, if any),
drop-down lists for fixed choices, and a "填写说明" sheet with what each column takes and an example row."""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from zhaoshang.core.excel_import.columns import ImportSpec
from zhaoshang.core.excel_import.parsers import cell_text
from zhaoshang.core.xlsx import append_row, text_cell

INSTRUCTIONS_SHEET, OPTIONS_SHEET = "填写说明", "可选值"  # never read as data (workbook.read_sheet skips them)
TEMPLATE_ROWS = 2000  # drop-down lists apply to this many rows
REQUIRED_FILL = PatternFill("solid", fgColor="FCE4D6")
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
WRAP = Alignment(wrap_text=True, vertical="top")


def template_workbook(spec: ImportSpec) -> bytes:
    book = Workbook()
    data = book.active
    data.title = spec.sheet_title
    append_row(data, [column.header for column in spec.columns])
    for row in spec.template_rows() if spec.template_rows else ():
        append_row(data, [row.get(column.key) for column in spec.columns])
    for index, column in enumerate(spec.columns, 1):
        cell = data.cell(1, index)
        cell.font = Font(bold=True, color="C00000" if column.required else "000000")
        cell.fill = REQUIRED_FILL if column.required else HEADER_FILL
        data.column_dimensions[get_column_letter(index)].width = column.width
    data.freeze_panes = "A2"
    _instructions(book, spec)
    _choices(book, data, spec)
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def _choices(book, data, spec: ImportSpec) -> None:
    with_choices = [(index, column) for index, column in enumerate(spec.columns, 1) if column.choices]
    if not with_choices:
        return
    options = book.create_sheet(OPTIONS_SHEET)
    for slot, (index, column) in enumerate(with_choices, 1):
        text_cell(options, options.cell(1, slot, column.header)).font = Font(bold=True)
        for row, value in enumerate(column.choices, 2):
            text_cell(options, options.cell(row, slot, value))
        letter = get_column_letter(slot)
        rule = DataValidation(type="list", formula1=f"'{OPTIONS_SHEET}'!${letter}$2:${letter}${len(column.choices) + 1}", allow_blank=True,
                              showErrorMessage=False)
        rule.add(f"{get_column_letter(index)}2:{get_column_letter(index)}{TEMPLATE_ROWS + 1}")
        data.add_data_validation(rule)
    options.sheet_state = "hidden"


def _instructions(book, spec: ImportSpec) -> None:
    sheet = book.create_sheet(INSTRUCTIONS_SHEET)
    append_row(sheet, [f"{spec.title}导入模板 填写说明"])
    sheet["A1"].font = Font(bold=True, size=14)
    for line in spec.instructions:
        append_row(sheet, [line])
    append_row(sheet, [])
    append_row(sheet, ["列名", "是否必填", "填写要求", "可选值"])
    header_row = sheet.max_row
    for column in spec.columns:
        append_row(sheet, [column.header, "必填" if column.required else "选填", column.help, "、".join(column.choices)])
    for cell in sheet[header_row]:
        cell.font, cell.fill = Font(bold=True), HEADER_FILL
    append_row(sheet, [])
    append_row(sheet, ["示例（请在第一张工作表中填写，不要把示例行复制过去）："])
    append_row(sheet, [column.header for column in spec.columns])
    append_row(sheet, [cell_text(column.example) if column.example != "" else "" for column in spec.columns])
    for row in sheet.iter_rows(min_row=header_row):
        for cell in row:
            cell.alignment = WRAP
    for index, width in enumerate((18, 10, 60, 40), 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
