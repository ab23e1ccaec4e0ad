"""The investor page (可供资源) as an Excel workbook: exactly the rows and columns the page shows under the same
filter, one sheet for plots and one for buildings, each row headed by its park."""


from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from zhaoshang.core.xlsx import HEADER_FILL, append_row, workbook_bytes
from zhaoshang.resources.selectors import BUILDING_COLUMNS, PLOT_COLUMNS, AvailableResources

PARK_WIDTH = 22


def _sheet(book: Workbook, title: str, heading: str, columns, lines) -> None:
    sheet = book.create_sheet(title)
    append_row(sheet, [heading])
    append_row(sheet, ["园区", *[c.label for c in columns]])
    for line in lines:
        append_row(sheet, line)
    sheet["A1"].font = Font(size=14, bold=True)
    for index, width in enumerate([PARK_WIDTH, *[c.width for c in columns]], start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
        header = sheet.cell(row=2, column=index)
        header.font, header.fill = Font(bold=True), HEADER_FILL
        header.alignment = Alignment(horizontal="center", wrap_text=True)
    sheet.freeze_panes = "B3"


def available_workbook(resources: AvailableResources) -> bytes:
    stamp = f"{timezone.localtime():%Y-%m-%d %H:%M}"
    book = Workbook()
    book.remove(book.active)
    _sheet(book, "可供地块", f"可供地块（共{resources.plot_count}宗，{resources.plot_area_mu}亩；导出时间：{stamp}）",
           PLOT_COLUMNS, ([g.name, *r.cells] for g in resources.groups for r in g.plots))
    _sheet(book, "可租售厂房楼宇", f"可租售厂房/楼宇（共{resources.building_count}处；导出时间：{stamp}）",
           BUILDING_COLUMNS, ([g.name, *r.cells] for g in resources.groups for r in g.buildings))
    return workbook_bytes(book)


def available_filename() -> str:
    return f"可供资源-{timezone.localdate():%Y%m%d}.xlsx"
