"""Layouts found in other cities' files: a task table split over two Word tables, a header over two rows,
a workbook whose list is on its second sheet, PDF tables without ruling lines, a wrapped prose PDF, and
the task list as an attachment after the notice's body. Expected values written by hand."""

import datetime
import io
import pathlib

import pytest

from zhaoshang.notices import parse_bytes, parse_file, parse_text

FIXTURES = pathlib.Path(__file__).parent / "fixtures"
UNITS = ["市商务局、市发改委", "市投资促进中心"]


def _units(task):
    return [m.units for m in task.measures]


def _docx(build) -> bytes:
    import docx

    document = docx.Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _fill(table, rows, start=0):
    for r, row in enumerate(rows, start=start):
        for c, text in enumerate(row):
            table.cell(r, c).text = text


# (q) 河口: the table breaks into two Word tables; the second repeats the header, the third has none.
def _hekou(document):
    document.add_paragraph("河口市人民政府办公室关于印发河口市2025年招商引资工作任务清单的通知")
    document.add_paragraph("河政办发〔2025〕6号")
    header = ["序号", "工作重点", "工作任务", "责任单位", "完成时限"]
    parts = [
        [header, ["1", "产业招商", "全年引进亿元以上项目20个。", "市商务局、市发改委", "2025年12月底前"],
         ["2", "", "举办招商推介活动不少于5场。", "市投资促进中心", "2025年10月"]],
        [header, ["3", "", "新增规上工业企业15家。", "市经信局", "2025年12月"]],
        [["4", "营商环境", "企业开办时间压缩至1个工作日。", "市市场监管局", "长期"]],
    ]
    for rows in parts:
        document.add_paragraph("续表" if rows[0] is header and document.tables else "")
        _fill(document.add_table(rows=len(rows), cols=5), rows)
    document.add_paragraph("河口市人民政府办公室")
    document.add_paragraph("2025年4月1日")


def test_table_split_over_word_tables():
    parsed = parse_bytes(_docx(_hekou))
    assert (parsed.layout, parsed.doc_number, parsed.date) == ("rows", "河政办发〔2025〕6号", datetime.date(2025, 4, 1))
    assert [t.number for t in parsed.tasks] == ["1", "2", "3", "4"]
    assert [t.focus for t in parsed.tasks] == ["产业招商", "产业招商", "产业招商", "营商环境"]  # merged-looking blanks
    assert [t.deadline for t in parsed.tasks] == ["2025-12", "2025-10", "2025-12", "long-term"]
    assert _units(parsed.tasks[2]) == [["市经信局"]]
    assert parsed.warnings == []


# (r) 山阳: "责任单位" over "牵头单位 | 配合单位", merged in Word, merged in Excel, blank in Excel, rowspan in HTML.
SHANYANG_ROWS = [["1", "全年签约亿元以上项目30个。", "县商务局", "县发改局、县财政局", "2025年12月"],
                 ["2", "建设标准化厂房10万平方米。", "县住建局", "", "2025年9月底前"]]
SHANYANG_UNITS = [[["县商务局", "县发改局", "县财政局"]], [["县住建局"]]]


def _shanyang_docx(document):
    document.add_paragraph("山阳县2025年招商引资工作任务清单")
    table = document.add_table(rows=4, cols=5)
    _fill(table, [["序号", "工作任务", "责任单位", "", "完成时限"], ["", "", "牵头单位", "配合单位", ""]])
    table.cell(0, 2).merge(table.cell(0, 3))
    for col in (0, 1, 4):
        table.cell(0, col).merge(table.cell(1, col))
    _fill(table, SHANYANG_ROWS, start=2)


def _shanyang_xlsx(merged: bool) -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["序号", "工作任务", "责任单位", None, "完成时限"])
    sheet.append([None, None, "牵头单位", "配合单位", None])
    for row in SHANYANG_ROWS:
        sheet.append([int(row[0])] + row[1:])
    if merged:
        for cells in ("C1:D1", "A1:A2", "B1:B2", "E1:E2"):
            sheet.merge_cells(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


SHANYANG_HTML = """<html><body><p>山阳县2025年招商引资工作任务清单</p><table>
<tr><td rowspan=2>序号</td><td rowspan=2>工作任务</td><td colspan=2>责任单位</td><td rowspan=2>完成时限</td></tr>
<tr><td>牵头单位</td><td>配合单位</td></tr>""" + "".join(
    "<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in SHANYANG_ROWS) + "</table></body></html>"


@pytest.mark.parametrize("data", [
    pytest.param(lambda: _docx(_shanyang_docx), id="docx-merged"),
    pytest.param(lambda: _shanyang_xlsx(merged=True), id="xlsx-merged"),
    pytest.param(lambda: _shanyang_xlsx(merged=False), id="xlsx-blank"),
    pytest.param(lambda: SHANYANG_HTML.encode("utf-8"), id="html-rowspan"),
])
def test_header_over_two_rows(data):
    parsed = parse_bytes(data())
    assert [t.number for t in parsed.tasks] == ["1", "2"]
    assert [_units(t) for t in parsed.tasks] == SHANYANG_UNITS
    assert all(m.lead_labelled for t in parsed.tasks for m in t.measures)
    assert [t.deadline for t in parsed.tasks] == ["2025-12", "2025-09"]


# (s) 青阳: a workbook whose first sheet is a 填报说明 and whose second holds the list.
def _qingyang_xlsx() -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    cover = workbook.active
    cover.title = "说明"
    for row in (["填报说明"], ["1.本表由各责任单位按月填报。"], ["2.完成时限以本表为准。"], ["联系人：张三", "联系电话：12345678"]):
        cover.append(row)
    sheet = workbook.create_sheet("任务清单")
    sheet.append(["青阳市2025年招商引资工作任务清单"])
    sheet.append(["序号", "工作重点", "工作目标", "工作举措", "牵头单位", "配合单位", "完成时限"])
    sheet.append([1, "产业招商", "引进亿元以上项目10个", "1.绘制产业图谱。\n2.开展以商招商。", "市商务局", "市发改委", "2025年12月"])
    sheet.append([2, "产业招商", "新增外资企业3家", "组织赴港澳招商。", "市商务局", "市外办", "2025年9月"])
    sheet.append([3, "要素保障", "保障用地1000亩", "优先保障重大项目用地。", "市自然资源局", None, "长期"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_task_list_on_the_second_sheet():
    parsed = parse_bytes(_qingyang_xlsx())
    assert parsed.title == "青阳市2025年招商引资工作任务清单"
    assert [(t.number, t.focus, t.target, t.deadline) for t in parsed.tasks] == [
        ("1", "产业招商", "引进亿元以上项目10个", "2025-12"),
        ("2", "产业招商", "新增外资企业3家", "2025-09"),
        ("3", "要素保障", "保障用地1000亩", "long-term"),
    ]
    assert [[m.text for m in t.measures] for t in parsed.tasks][0] == ["绘制产业图谱。", "开展以商招商。"]
    assert [_units(t) for t in parsed.tasks] == [
        [["市商务局", "市发改委"]] * 2, [["市商务局", "市外办"]], [["市自然资源局"]]]


# (t) 宁川: PDF tables without ruling lines, the 序号 at the bottom, middle or top of its row.
def _ningchuan_pdf(valign: str, count: int, repeat_header: bool, wrapped_header: bool = False) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("zh", fontName="STSong-Light", fontSize=9, leading=13, wordWrap="CJK")
    centred = ParagraphStyle("centred", parent=style, alignment=1)
    rows = [["任务<br/>序号", "工作<br/>重点", "工作举措", "责任<br/>单位", "完成<br/>时限"] if wrapped_header
            else ["序号", "工作重点", "工作举措", "责任单位", "完成时限"]]
    for k in range(1, count + 1):
        rows.append([str(k), "产业链招商" if k <= count // 2 else "要素保障",
                     f"聚焦第{k}号重点产业链，绘制产业链图谱，建立目标企业库，全年引进亿元以上项目{k}个。",
                     UNITS[k % 2], f"2025年{k % 12 + 1}月底前"])
    header_style = centred if wrapped_header else style
    table = Table([[Paragraph(c, header_style if i == 0 else style) for c in row] for i, row in enumerate(rows)],
                  colWidths=[30, 60, 240, 80, 70],
                  repeatRows=1 if repeat_header else 0)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), valign)]))

    def page_number(canvas, doc):
        canvas.setFont("STSong-Light", 9)
        canvas.drawCentredString(297, 30, f"- {doc.page} -")

    buffer = io.BytesIO()
    story = [Paragraph("宁川市人民政府办公室关于印发《宁川市2025年招商引资任务清单》的通知", style),
             Paragraph("宁政办发〔2025〕5号", style), table,
             Paragraph("宁川市人民政府办公室", style), Paragraph("2025年6月1日", style)]
    SimpleDocTemplate(buffer, pagesize=A4).build(story, onFirstPage=page_number, onLaterPages=page_number)
    return buffer.getvalue()


@pytest.mark.parametrize("valign, count, repeat_header, wrapped_header", [
    ("BOTTOM", 4, False, False),
    ("MIDDLE", 40, True, False),  # two pages, the header repeated on the second
    ("TOP", 40, False, False),  # two pages, the second without a header
    ("MIDDLE", 6, False, True),  # header cells centred and wrapped: "任务"/"序号", "工作举措" between
])
def test_pdf_table_without_ruling_lines(valign, count, repeat_header, wrapped_header):
    parsed = parse_bytes(_ningchuan_pdf(valign, count, repeat_header, wrapped_header))
    assert (parsed.source_format, parsed.layout) == ("pdf", "rows")
    assert (parsed.title, parsed.issuer, parsed.doc_number) == ("宁川市2025年招商引资任务清单", "宁川市人民政府办公室", "宁政办发〔2025〕5号")
    assert parsed.date == datetime.date(2025, 6, 1)  # the signature below the table is text again
    assert [t.number for t in parsed.tasks] == [str(k) for k in range(1, count + 1)]
    for k, task in enumerate(parsed.tasks, start=1):
        assert [m.text for m in task.measures] == [f"聚焦第{k}号重点产业链，绘制产业链图谱，建立目标企业库，全年引进亿元以上项目{k}个。"]
        assert _units(task) == [UNITS[k % 2].split("、")]
        assert task.deadline == f"2025-{k % 12 + 1:02d}"
        assert task.focus == ("产业链招商" if k <= count // 2 else "要素保障")


def test_pdf_rows_without_header_fall_back_to_prose():
    """No header names the columns, but each row opens with an ordinal and closes with its unit group."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("zh", fontName="STSong-Light", fontSize=9, leading=13, wordWrap="CJK")
    rows = [["1.聚焦新材料产业，全年引进亿元以上项目12个，建立目标企业库。（市发改委、市工信局）", "2025年12月底前"],
            ["2.举办招商推介活动不少于5场。（市商务局）", "2025年10月"]]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build([
        Paragraph("宁川市2025年招商引资任务清单", style),
        Table([[Paragraph(c, style) for c in row] for row in rows], colWidths=[330, 90])])
    parsed = parse_bytes(buffer.getvalue())
    assert parsed.layout == "prose"
    assert [[m.text for m in t.measures] for t in parsed.tasks] == [
        ["聚焦新材料产业，全年引进亿元以上项目12个，建立目标企业库。"], ["举办招商推介活动不少于5场。"]]
    assert [_units(t) for t in parsed.tasks] == [[["市发改委", "市工信局"]], [["市商务局"]]]
    assert [t.deadline for t in parsed.tasks] == ["2025-12", "2025-10"]


def _prose_pdf(lines: list[str]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("zh", fontName="STSong-Light", fontSize=12, leading=20, wordWrap="CJK")
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build([Paragraph(line, style) for line in lines if line.strip()])
    return buffer.getvalue()


@pytest.mark.parametrize("name", ["xiling_prose_mixed_numbering.txt", "linjiang_prose_responsible.txt"])
def test_prose_pdf_with_wrapped_lines_reads_like_the_text(name):
    """Long items wrap over lines in the PDF; the wrapped lines are joined back into their paragraphs."""
    lines = (FIXTURES / name).read_text("utf-8").splitlines()
    parsed = parse_bytes(_prose_pdf(lines)).to_dict()
    expected = parse_file(FIXTURES / name).to_dict()
    for key in ("title", "issuer", "doc_number", "date", "tasks", "goals", "warnings"):
        assert parsed.get(key) == expected.get(key), key


# (u) 石门: the notice's body, its signature, then "附件" with the task list.
SHIMEN_BODY = """石门市人民政府办公室关于印发石门市2025年招商引资工作任务清单的通知
石政办发〔2025〕14号
各区人民政府，市政府各部门：
《石门市2025年招商引资工作任务清单》已经市人民政府同意，现印发给你们，请认真组织实施。
附件：石门市2025年招商引资工作任务清单
石门市人民政府办公室
2025年3月12日
（此件公开发布）
附件
石门市2025年招商引资工作任务清单
"""
SHIMEN_PROSE = """一、产业链招商
1.聚焦装备制造产业链，全年引进亿元以上项目15个。（市工信局牵头，市商务局配合；2025年12月底前）
2.举办产业链专题招商活动不少于6场。（市商务局；2025年11月底前）
二、营商环境
3.推行重点项目“拿地即开工”，审批时限压缩至30个工作日以内。（市行政审批局、市自然资源局；长期）
"""
SHIMEN_TABLE = """序号\t工作重点\t工作目标\t工作举措\t责任单位\t完成时限
1\t产业链招商\t全年引进亿元以上项目15个\t聚焦装备制造产业链开展精准招商。\t市工信局、市商务局\t2025年12月底前
2\t产业链招商\t举办专题招商活动不少于6场\t组织赴长三角开展专题招商。\t市商务局\t2025年11月
3\t营商环境\t审批时限压缩至30个工作日以内\t推行重点项目“拿地即开工”。\t市行政审批局、市自然资源局\t长期
"""


@pytest.mark.parametrize("attachment, layout", [(SHIMEN_PROSE, "prose"), (SHIMEN_TABLE, "rows")])
def test_task_list_attached_after_the_body(attachment, layout):
    parsed = parse_text(SHIMEN_BODY + attachment)
    assert parsed.layout == layout
    assert parsed.title == "石门市2025年招商引资工作任务清单"
    assert parsed.notice_title == "石门市人民政府办公室关于印发石门市2025年招商引资工作任务清单的通知"
    assert (parsed.issuer, parsed.doc_number) == ("石门市人民政府办公室", "石政办发〔2025〕14号")
    assert parsed.date == datetime.date(2025, 3, 12)
    assert [(t.number, t.focus, t.deadline) for t in parsed.tasks] == [
        ("1", "产业链招商", "2025-12"), ("2", "产业链招商", "2025-11"), ("3", "营商环境", "long-term")]
    assert [_units(t) for t in parsed.tasks] == [
        [["市工信局", "市商务局"]], [["市商务局"]], [["市行政审批局", "市自然资源局"]]]
    assert parsed.warnings == []
