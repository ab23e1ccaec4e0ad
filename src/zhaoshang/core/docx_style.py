"""Official-document styling for python-docx: Chinese fonts that render in Word, WPS and LibreOffice."""

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
FALLBACK_FONT = "SimSun"


def set_font(run, name: str = BODY_FONT, size: float = 16, bold: bool = False) -> None:
    """Latin and East Asian font on a run; Word and WPS use w:eastAsia for Chinese glyphs."""
    run.font.name = FALLBACK_FONT if name == BODY_FONT else name
    run.font.size = Pt(size)
    run.font.bold = bold
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), name)


def add_title(document, text: str, size: float = 22) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    set_font(paragraph.add_run(text), TITLE_FONT, size)


def add_text(document, text: str, size: float = 16, bold: bool = False, center: bool = False):
    paragraph = document.add_paragraph()
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    set_font(paragraph.add_run(text), BODY_FONT, size, bold)
    return paragraph


def fill_cell(cell, text: str, size: float = 12, bold: bool = False) -> None:
    cell.text = ""
    set_font(cell.paragraphs[0].add_run(text), BODY_FONT, size, bold)
