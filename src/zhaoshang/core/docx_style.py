"""Official-document (公文) styling for python-docx: fonts that render Chinese in Word, WPS and LibreOffice.

python-docx's `font.name` sets only the Latin font; Chinese text then falls back to whatever the application
likes. So every run gets its East Asian font explicitly (w:eastAsia), digits and Latin letters get Times New
Roman, and the document's font table lists each official font with 宋体 (SimSun) as its alternate name and the
GB2312 character set, so Word and WPS substitute 宋体 where 方正小标宋简体 or 仿宋_GB2312 is not installed.
LibreOffice substitutes by character set through fontconfig (any CJK font, e.g. Noto CJK).
"""

import datetime

from django.utils import timezone
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from lxml import etree

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"
SUBHEADING_FONT = "楷体_GB2312"
FALLBACK_FONT = "宋体"
LATIN_FONT = "Times New Roman"

# 公文 sizes: 二号 22pt for the title, 三号 16pt for the text, 五号 10.5pt in tables, 四号 14pt for page numbers.
TITLE_SIZE, BODY_SIZE, TABLE_SIZE, PAGE_NUMBER_SIZE = Pt(22), Pt(16), Pt(10.5), Pt(14)
HEADER_SIZE = Pt(32)  # the issuing authority's mark (发文机关标志) in a red header
LINE = Pt(28)
RED = RGBColor(0xE6, 0x00, 0x12)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

_FONT_ENTRY = (
    '<w:font xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:name="{name}">'
    '<w:altName w:val="{alt}"/><w:charset w:val="86"/><w:family w:val="{family}"/><w:pitch w:val="variable"/></w:font>'
)
_OFFICIAL_FONTS = {TITLE_FONT: "roman", BODY_FONT: "modern", SUBHEADING_FONT: "modern", HEADING_FONT: "modern",
                   FALLBACK_FONT: "auto"}


def set_font(run, east_asia: str, size=BODY_SIZE, bold: bool = False) -> None:
    """The run's Chinese font (w:eastAsia), its Latin font and size."""
    run.font.name = LATIN_FONT
    run.font.size = size
    run.font.bold = bold
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:hint"), "eastAsia")


def _declare_fonts(document) -> None:
    """Font table entries: each official font with 宋体 as alternate and the GB2312 character set."""
    part = next(p for p in document.part.package.iter_parts() if str(p.partname) == "/word/fontTable.xml")
    fonts = parse_xml(part.blob)
    for name, family in _OFFICIAL_FONTS.items():
        alt = "SimSun" if name == FALLBACK_FONT else FALLBACK_FONT
        fonts.append(parse_xml(_FONT_ENTRY.format(name=name, alt=alt, family=family)))
    part._blob = etree.tostring(fonts, xml_declaration=True, encoding="UTF-8", standalone=True)


def _default_style(document) -> None:
    """Normal text: 仿宋_GB2312 三号, Chinese language, so new runs typed in Word look right too."""
    normal = document.styles["Normal"]
    normal.font.name = LATIN_FONT
    normal.font.size = BODY_SIZE
    rpr = normal.element.get_or_add_rPr()
    rpr.get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = parse_xml('<w:lang xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>')
        rpr.append(lang)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")


def setup(document, *, title: str = "", author: str | None = None) -> None:
    """A4 with the 公文 margins, default fonts, the font table, page numbers "— 1 —", and document properties
    naming the office (the issuer the office set, else its unit) and the time it was made."""
    section = document.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = Mm(20)
    _default_style(document)
    _declare_fonts(document)
    _page_numbers(document)
    properties(document, title=title, author=author)


def properties(document, *, title: str = "", author: str | None = None) -> None:
    """Core properties: the office as author and last editor (never "python-docx"), made now (never 2013)."""
    if author is None:
        from zhaoshang.reports.letterhead import issuer_name  # the office's settings live in the reports app

        author = issuer_name()
    now = timezone.now().astimezone(datetime.UTC).replace(microsecond=0)
    props = document.core_properties
    props.author = props.last_modified_by = author
    props.created = props.modified = now
    props.revision = 1
    props.language = "zh-CN"
    props.comments = ""
    props.keywords = ""
    if title:
        props.title = title


def _field(run, instruction: str) -> None:
    """A Word field (PAGE) in `run`, with "1" as its cached value."""
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None), ("text", "1"), ("end", None)):
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        elif kind == "text":
            element = OxmlElement("w:t")
            element.text = text
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._element.append(element)


def _page_number(footer, align) -> None:
    para = footer.paragraphs[0]
    para.alignment = align
    fmt = para.paragraph_format
    if align == WD_ALIGN_PARAGRAPH.RIGHT:
        fmt.right_indent = PAGE_NUMBER_SIZE
    else:
        fmt.left_indent = PAGE_NUMBER_SIZE
    for part in ("— ", None, " —"):
        run = para.add_run(part or "")
        set_font(run, FALLBACK_FONT, PAGE_NUMBER_SIZE)
        run.font.name = FALLBACK_FONT
        if part is None:
            _field(run, " PAGE ")


def _page_numbers(document) -> None:
    """GB/T 9704 page numbers: "— 1 —" in 四号 宋体, odd pages on the right, even pages on the left, one character in."""
    document.settings.odd_and_even_pages_header_footer = True
    for section in document.sections:
        _page_number(section.footer, WD_ALIGN_PARAGRAPH.RIGHT)
        _page_number(section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)


def _rule(para, *, color: str = "E60012", size: int = 12, side: str = "bottom") -> None:
    """A horizontal line under (or over) the paragraph: the red rule of a red header, the lines of the colophon."""
    ppr = para._p.get_or_add_pPr()
    borders = ppr.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        ppr.append(borders)
    line = OxmlElement(f"w:{side}")
    for key, value in (("val", "single"), ("sz", str(size)), ("space", "4"), ("color", color)):
        line.set(qn(f"w:{key}"), value)
    borders.append(line)


def letterhead(document, *, mark: str, number: str = "", red: bool = True) -> None:
    """The head of an official document: the issuing authority's mark (red, 方正小标宋, centered), the 文号 or 期号
    line under it, and a red rule; without `red` only the number line, in black, right-aligned."""
    if red:
        head = paragraph(document, mark, font=TITLE_FONT, size=HEADER_SIZE, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
        head.paragraph_format.line_spacing = Pt(48)
        head.runs[0].font.color.rgb = RED
        paragraph(document)
    if number or red:
        line = paragraph(document, number, align=WD_ALIGN_PARAGRAPH.CENTER if red else WD_ALIGN_PARAGRAPH.RIGHT,
                         indent=False)
        if red:
            _rule(line, size=18)
    paragraph(document)


def recipients(document, main_to: str) -> None:
    """主送: the addressees, flush left, ending with a full-width colon."""
    if main_to:
        paragraph(document, f"{main_to.rstrip('：:')}：", indent=False)


def colophon(document, *, copy_to: str, issuer: str, issued_on: datetime.date) -> None:
    """版记: 抄送 and 印发机关 with 印发日期, between rules, in 四号 仿宋."""
    paragraph(document)
    lines = []
    if copy_to:
        lines.append(paragraph(document, f"抄送：{copy_to.rstrip('。')}。", size=PAGE_NUMBER_SIZE, indent=False))
    printed = paragraph(document, f"{issuer}", size=PAGE_NUMBER_SIZE, indent=False)
    tab = printed.add_run(f"\t{issued_on.year}年{issued_on.month}月{issued_on.day}日印发")
    set_font(tab, BODY_FONT, PAGE_NUMBER_SIZE)
    printed.paragraph_format.tab_stops.add_tab_stop(Mm(155), WD_TAB_ALIGNMENT.RIGHT)  # the date at the text's right edge
    lines.append(printed)
    _rule(lines[0], color="000000", size=8, side="top")
    _rule(lines[-1], color="000000", size=8, side="bottom")


def paragraph(document, text: str = "", *, font: str = BODY_FONT, size=BODY_SIZE, bold: bool = False,
              align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent: bool = True):
    """A paragraph at fixed 28pt line spacing, first line indented two characters unless told otherwise."""
    para = document.add_paragraph()
    fmt = para.paragraph_format
    fmt.alignment = align
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = LINE
    fmt.space_before = fmt.space_after = Pt(0)
    if indent:
        fmt.first_line_indent = Pt(size.pt * 2)
    if text:
        set_font(para.add_run(text), font, size, bold)
    return para


def title(document, text: str) -> None:
    para = paragraph(document, text, font=TITLE_FONT, size=TITLE_SIZE, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    para.paragraph_format.line_spacing = Pt(36)


def heading(document, text: str) -> None:
    """一、… in 黑体, kept on the page of what follows."""
    paragraph(document, text, font=HEADING_FONT).paragraph_format.keep_with_next = True


def subheading(document, text: str) -> None:
    """（一）… in 楷体, kept on the page of what follows."""
    paragraph(document, text, font=SUBHEADING_FONT).paragraph_format.keep_with_next = True


def table(document, headers: list[str], rows: list[list], widths_mm: list[float]):
    """A bordered table (Table Grid), header row in 黑体 and repeated on each page, cells in 仿宋 五号."""
    grid = document.add_table(rows=1, cols=len(headers))
    grid.style = document.styles["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    _cells(grid.rows[0], headers, HEADING_FONT, center=True)
    grid.rows[0]._tr.get_or_add_trPr().append(
        parse_xml('<w:tblHeader xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'))
    for values in rows:
        _cells(grid.add_row(), ["" if v is None else str(v) for v in values], BODY_FONT, center=False)
    _widths(grid, widths_mm)
    return grid


def _widths(grid, widths_mm: list[float]) -> None:
    """Fixed column widths, written where Word (cells) and LibreOffice and WPS (the grid) each read them."""
    grid.autofit = False
    for column, width in zip(grid._tbl.tblGrid.findall(qn("w:gridCol")), widths_mm):
        column.set(qn("w:w"), str(Mm(width).twips))
    for row in grid.rows:
        for cell, width in zip(row.cells, widths_mm):
            cell.width = Mm(width)


def _cells(row, values: list[str], font: str, center: bool) -> None:
    for cell, value in zip(row.cells, values):
        para = cell.paragraphs[0]
        short = len(value) <= 8
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER if center or short else WD_ALIGN_PARAGRAPH.LEFT
        para.paragraph_format.space_before = para.paragraph_format.space_after = Pt(0)
        set_font(para.add_run(value), font, TABLE_SIZE)
