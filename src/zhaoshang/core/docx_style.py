"""Official-document (公文) styling for python-docx: fonts that render Chinese in Word, WPS and LibreOffice.

python-docx's `font.name` sets only the Latin font; Chinese text then falls back to whatever the application
likes. So every run gets its East Asian font explicitly (w:eastAsia), digits and Latin letters get Times New
Roman, and the document's font table lists each official font with 宋体 (SimSun) as its alternate name and the
GB2312 character set, so Word and WPS substitute 宋体 where 方正小标宋简体 or 仿宋_GB2312 is not installed.
LibreOffice substitutes by character set through fontconfig (any CJK font, e.g. Noto CJK).
"""

from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from lxml import etree

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"
SUBHEADING_FONT = "楷体_GB2312"
FALLBACK_FONT = "宋体"
LATIN_FONT = "Times New Roman"

# 公文 sizes: 二号 22pt for the title, 三号 16pt for the text, 五号 10.5pt in tables.
TITLE_SIZE, BODY_SIZE, TABLE_SIZE = Pt(22), Pt(16), Pt(10.5)
LINE = Pt(28)

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


def setup(document) -> None:
    """A4 with the 公文 margins, default fonts, the font table."""
    section = document.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    _default_style(document)
    _declare_fonts(document)


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
