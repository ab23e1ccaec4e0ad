"""Notices as real tables: a saved HTML page (GBK, rowspan), Word (merged cells), Excel (merged cells), PDF."""

import datetime
import io
import pathlib

import pytest

from zhaoshang.notices import parse_bytes, parse_file

FIXTURES = pathlib.Path(__file__).parent / "fixtures"


def _units(task):
    return [m.units for m in task.measures]


def _indicators(task):
    return [(i.value, i.unit, i.comparator, i.year, i.per, i.min_amount) for i in task.indicators]


# (d) 青湾: a government page saved as HTML in GBK, inside layout tables; the task table merges 工作重点 cells.
@pytest.fixture(scope="module")
def qingwan():
    return parse_file(FIXTURES / "qingwan_table.html")


def test_qingwan_header_from_page_metadata(qingwan):
    assert qingwan.source_format == "html"
    assert qingwan.layout == "rows"
    assert qingwan.title == "青湾市2025年下半年招商引资任务清单"
    assert qingwan.issuer == "青湾市人民政府办公室"
    assert qingwan.publisher == "青湾市投资促进局"
    assert qingwan.doc_number == "青政办发〔2025〕27号"
    assert qingwan.date == datetime.date(2025, 7, 2)


def test_qingwan_rowspan_focus_and_deadlines(qingwan):
    assert [t.number for t in qingwan.tasks] == ["1", "2", "3", "4"]
    assert [t.focus for t in qingwan.tasks] == ["产业链招商", "产业链招商", "园区招商", "园区招商"]
    assert [t.deadline for t in qingwan.tasks] == ["2025-12", "2025-10", "2025年第四季度", "long-term"]
    assert qingwan.tasks[2].measures[0].text == "推行“拎包入住”招商模式，对新入驻企业给予租金减免。"  # source line break


def test_qingwan_units_column(qingwan):
    assert [_units(t) for t in qingwan.tasks] == [
        [["市发展改革委", "市工业和信息化局"], ["市海洋发展局"]],  # one line of the units cell per measure
        [["市投资促进局", "市财政局"]],
        [["青湾经济技术开发区管委会"]],
        [["市自然资源和规划局", "市税务局"]],
    ]
    assert qingwan.tasks[1].measures[0].lead_labelled  # 市投资促进局（牵头）


def test_qingwan_indicators(qingwan):
    assert _indicators(qingwan.tasks[0]) == [(2, "个", ">=", 2025, "each", {"value": 1, "unit": "亿元"})]
    assert qingwan.tasks[0].indicators[0].items == ["临港装备", "海洋生物"]
    assert _indicators(qingwan.tasks[1]) == [(80, "亿元", ">=", None, None, None)]
    assert _indicators(qingwan.tasks[2]) == [(85, "%", ">=", None, None, None)]
    assert _indicators(qingwan.tasks[3]) == [(5, "%", "growth", None, None, None)]


def test_qingwan_chains(qingwan):
    assert [(c.name, c.links, c.task, c.lead_unit, c.weak_links) for c in qingwan.chains] == [
        ("临港装备", ["设计研发", "总装制造", "运维服务"], "1", "市发展改革委", ["动力系统", "甲板机械"]),
        ("海洋生物", ["精深加工", "生物提取", "终端产品"], "1", "市海洋发展局", []),
    ]


# (e) 东岭: Word, title/文号 paragraphs above a table with merged cells, 牵头/配合 columns, the signature below.
def _dongling_docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("东政办函【2025】21号")
    document.add_heading("东岭市2025年招商引资工作任务清单", level=1)
    header = ["序号", "重点领域", "目标任务", "具体措施", "牵头单位", "配合单位", "完成时间"]
    rows = [
        ["1", "精准招商", "全年引进亿元以上项目15个以上，总投资不低于60亿元",
         "（1）绘制重点产业招商地图，建立目标企业库。\n（2）组建4个产业链招商专班，开展驻点招商。",
         "市商务局", "市发改委、市工信局", "2025年12月底前"],
        ["2", "", "举办重大招商活动不少于4场", "组织参加中国国际投资贸易洽谈会等重大展会。",
         "市投资促进中心", "各乡镇（街道）", "2025年第三季度"],
        ["3", "", "新增规上工业企业10家", "对新落地项目实行“一项目一专班”跟踪服务。", "市工信局", "", "长期"],
        ["4", "要素保障", "保障重点项目用地不少于1500亩", "1.优先保障重大项目用地指标。", "市自然资源局", "市发改委", "2025年6月底前"],
        ["", "", "", "2.开展批而未供土地专项处置。", "市自然资源局", "各乡镇（街道）", ""],
    ]
    table = document.add_table(rows=1 + len(rows), cols=len(header))
    for col, text in enumerate(header):
        table.cell(0, col).text = text
    for r, row in enumerate(rows, start=1):
        for col, text in enumerate(row):
            if text:
                table.cell(r, col).text = text
    table.cell(1, 1).merge(table.cell(3, 1))  # 精准招商 over tasks 1-3
    for col in (0, 1, 2, 6):  # task 4 spans two rows: 序号, 重点领域, 目标任务, 完成时间 merged
        table.cell(4, col).merge(table.cell(5, col))
    document.add_paragraph("东岭市人民政府办公室")
    document.add_paragraph("2025年5月6日")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def dongling():
    return parse_bytes(_dongling_docx(), "东岭.docx")


def test_dongling_header(dongling):
    assert dongling.source_format == "docx"
    assert dongling.title == "东岭市2025年招商引资工作任务清单"
    assert dongling.doc_number == "东政办函〔2025〕21号"  # written with 【】
    assert dongling.issuer == "东岭市人民政府办公室"
    assert dongling.date == datetime.date(2025, 5, 6)


def test_dongling_merged_cells(dongling):
    assert [t.number for t in dongling.tasks] == ["1", "2", "3", "4"]
    assert [t.focus for t in dongling.tasks] == ["精准招商", "精准招商", "精准招商", "要素保障"]
    assert [t.deadline for t in dongling.tasks] == ["2025-12", "2025年第三季度", "long-term", "2025-06"]
    assert [len(t.measures) for t in dongling.tasks] == [2, 1, 1, 2]  # task 4: one measure per row
    assert dongling.tasks[0].measures[1].text == "组建4个产业链招商专班，开展驻点招商。"
    assert dongling.tasks[3].measures[1].text == "开展批而未供土地专项处置。"


def test_dongling_lead_and_co_columns(dongling):
    assert [_units(t) for t in dongling.tasks] == [
        [["市商务局", "市发改委", "市工信局"], ["市商务局", "市发改委", "市工信局"]],
        [["市投资促进中心", "各乡镇（街道）"]],
        [["市工信局"]],
        [["市自然资源局", "市发改委"], ["市自然资源局", "各乡镇（街道）"]],
    ]
    assert all(m.lead_labelled for t in dongling.tasks for m in t.measures)


def test_dongling_indicators(dongling):
    # "全年…" with the deadline 2025年12月底前: the year comes from the deadline
    assert _indicators(dongling.tasks[0]) == [(15, "个", ">=", 2025, None, {"value": 1, "unit": "亿元"}),
                                              (60, "亿元", ">=", 2025, None, None)]
    assert _indicators(dongling.tasks[1]) == [(4, "场", ">=", None, None, None)]
    assert _indicators(dongling.tasks[2]) == [(10, "家", ">=", None, None, None)]
    assert _indicators(dongling.tasks[3]) == [(1500, "亩", ">=", None, None, None)]


# (f) 西江: Excel with a merged title row, header 工作重点/目标/序号/工作举措/责任单位/完成时限, units in a column.
def _xijiang_xlsx() -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "任务清单"
    sheet.append(["西江市2025年招商引资工作任务清单"])
    sheet.merge_cells("A1:F1")
    sheet.append(["工作重点", "目标", "序号", "工作举措", "责任单位", "完成时限"])
    sheet.append(["产业招商", "2025年招引先进制造业项目6个以上", 1,
                  "1.建立先进制造业招商项目库。\n2.赴长三角开展专题招商不少于3次。",
                  "1.市发改委\n2.市科技局、市财政局", "2025年9月"])
    sheet.append([None, "引进研发机构2家", 2, "与高校共建新型研发机构。", "市科技局", datetime.datetime(2025, 6, 30)])
    sheet.merge_cells("A3:A4")
    sheet.append(["服务保障", "重点项目开工率达到90%以上", 3, "落实项目“全程代办”服务。", "市政务服务中心、市住建局", "长期"])
    sheet.append([None, None, 4, "每月召开1次项目调度会。", "市政府办", "2025年12月底前"])
    sheet.merge_cells("A5:A6")
    sheet.merge_cells("B5:B6")
    sheet.append(["备注：责任单位排名第一的为牵头单位。"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def xijiang():
    return parse_bytes(_xijiang_xlsx(), "西江.xlsx")


def test_xijiang_tasks(xijiang):
    assert xijiang.source_format == "xlsx"
    assert xijiang.title == "西江市2025年招商引资工作任务清单"
    assert [t.number for t in xijiang.tasks] == ["1", "2", "3", "4"]
    assert [t.focus for t in xijiang.tasks] == ["产业招商", "产业招商", "服务保障", "服务保障"]
    assert [t.target for t in xijiang.tasks][2:] == ["重点项目开工率达到90%以上"] * 2  # merged target
    assert [t.deadline for t in xijiang.tasks] == ["2025-09", "2025-06", "long-term", "2025-12"]


def test_xijiang_units_column(xijiang):
    assert [_units(t) for t in xijiang.tasks] == [
        [["市发改委"], ["市科技局", "市财政局"]],
        [["市科技局"]],
        [["市政务服务中心", "市住建局"]],
        [["市政府办"]],
    ]


def test_xijiang_indicators_and_missing_header_fields(xijiang):
    assert _indicators(xijiang.tasks[0]) == [(6, "个", ">=", 2025, None, None)]
    assert _indicators(xijiang.tasks[1]) == [(2, "家", ">=", None, None, None)]
    assert _indicators(xijiang.tasks[2]) == [(90, "%", ">=", None, None, None)]
    assert "未识别到发文字号（文号）" in xijiang.warnings
    assert "未识别到发文日期" in xijiang.warnings


# (g) 江北: a PDF with a text layer (reportlab's built-in CID font) and a ruled table with a merged focus cell.
def _jiangbei_pdf() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("zh", fontName="STSong-Light", fontSize=9, leading=13, wordWrap="CJK")

    def para(text):
        return Paragraph(text, style)

    rows = [
        ["序号", "工作重点", "工作目标", "工作举措", "责任单位", "完成时限"],
        ["1", "招大引强", "2025年引进总投资10亿元以上项目2个",
         "1.聚焦新能源电池产业，开展以商招商。（市发改委、市工信局）<br/>2.建立招商线索台账，实行周调度。（市商务局）",
         "", "2025年11月底前"],
        ["2", "", "外贸进出口总额增长8%以上", "支持企业参加境外展会，拓展“一带一路”市场。（市商务局、江北海关）", "", "2025年12月"],
        ["3", "营商环境", "企业开办时间压缩至1个工作日以内", "推行企业开办“一网通办”。", "市市场监管局", "长期坚持"],
    ]
    table = Table([[para(c) for c in row] for row in rows], colWidths=[28, 52, 100, 200, 70, 60])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("SPAN", (1, 1), (1, 2))]))
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build([
        para("江北市人民政府办公室关于印发《江北市2025年招商引资任务清单》的通知"),
        para("江北政办发[2025]9号"),
        para("江北市人民政府办公室"),
        para("2025年8月15日"),
        table,
    ])
    return buffer.getvalue()


def test_pdf_text_layer_is_readable_by_pdfplumber():
    import pdfplumber

    with pdfplumber.open(io.BytesIO(_jiangbei_pdf())) as pdf:
        assert "招商引资任务清单" in pdf.pages[0].extract_text()


@pytest.fixture(scope="module")
def jiangbei():
    return parse_bytes(_jiangbei_pdf(), "江北.pdf")


def test_jiangbei_header(jiangbei):
    assert jiangbei.source_format == "pdf"
    assert jiangbei.layout == "rows"
    assert jiangbei.title == "江北市2025年招商引资任务清单"
    assert jiangbei.issuer == "江北市人民政府办公室"
    assert jiangbei.doc_number == "江北政办发〔2025〕9号"
    assert jiangbei.date == datetime.date(2025, 8, 15)


def test_jiangbei_tasks(jiangbei):
    assert [t.number for t in jiangbei.tasks] == ["1", "2", "3"]
    assert [t.focus for t in jiangbei.tasks] == ["招大引强", "招大引强", "营商环境"]  # merged cell
    assert [t.deadline for t in jiangbei.tasks] == ["2025-11", "2025-12", "long-term"]
    assert jiangbei.tasks[0].measures[0].text == "聚焦新能源电池产业，开展以商招商。"
    assert [_units(t) for t in jiangbei.tasks] == [
        [["市发改委", "市工信局"], ["市商务局"]],
        [["市商务局", "江北海关"]],
        [["市市场监管局"]],
    ]


def test_jiangbei_indicators(jiangbei):
    assert _indicators(jiangbei.tasks[0]) == [(2, "个", ">=", 2025, None, {"value": 10, "unit": "亿元"})]
    assert _indicators(jiangbei.tasks[1]) == [(8, "%", "growth", None, None, None)]
    assert _indicators(jiangbei.tasks[2]) == [(1, "个工作日", "<=", None, None, None)]


def test_web_page_saved_as_mhtml_reads_like_the_html():
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText

    page = (FIXTURES / "qingwan_table.html").read_bytes().decode("gbk")
    archive = MIMEMultipart("related")
    archive.attach(MIMEText(page, "html", "utf-8"))
    parsed = parse_bytes(archive.as_bytes(), "青湾.mhtml")
    assert parsed.to_dict()["tasks"] == parse_file(FIXTURES / "qingwan_table.html").to_dict()["tasks"]


def test_prose_notice_in_word_paragraphs():
    import docx

    document = docx.Document()
    for line in (FIXTURES / "yunxi_prose_labels.txt").read_text("utf-8").splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    parsed = parse_bytes(buffer.getvalue())
    assert (parsed.source_format, parsed.layout) == ("docx", "prose")
    assert parsed.to_dict()["tasks"] == parse_file(FIXTURES / "yunxi_prose_labels.txt").to_dict()["tasks"]
