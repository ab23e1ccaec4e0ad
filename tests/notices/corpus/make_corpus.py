"""Writes the project's own notice corpus: invented notices in published shapes, in five formats.

Run after changing a document (needs `pip install -e .[fixtures]` for WeasyPrint):
    .venv/bin/python tests/notices/corpus/make_corpus.py
Each document is declared once (header lines, table or prose items, the truth) and rendered as
text, HTML, Word, Excel and PDF (WeasyPrint prints the HTML: merged cells, tables over pages).
The wording is invented; the shapes (merged 工作重点 cells, ` |` cell terminators, portal metadata
printed twice, traditional characters, progress tables without numbers) are those of real notices.
The seed's own table (demo data) is printed the same way, so the PDF path is measured on 173 fields.
"""

import io
import json
import pathlib

import opencc

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[2]
SEED_EXPECTED = ROOT / "tests" / "notices" / "fixtures" / "qianjiang_2025_expected.json"
CSS = """@page { size: A4 landscape; margin: 18mm }
body { font-family: 'Noto Serif CJK SC', 'Noto Sans CJK SC', serif; font-size: 11pt }
table { border-collapse: collapse; width: 100% } td, th { border: 1px solid #000; padding: 3pt; vertical-align: top }"""


def _merged(rows):
    """Rows with a cell equal to the one above in a merge column replaced by None (a vertical merge)."""
    out = []
    for row in rows:
        cells, merge = row
        if out:
            cells = [None if (i in merge and c == _value(out, i)) else c for i, c in enumerate(cells)]
        out.append((cells, merge))
    return [cells for cells, _ in out]


def _value(out, column):
    for cells, _ in reversed(out):
        if cells[column] is not None:
            return cells[column]
    return None


# --- renderers -------------------------------------------------------------------------------------

def render_html(doc, portal=False) -> str:
    parts = [f"<html><head><meta charset='utf-8'><title>{doc['header'][0]}</title><style>{CSS}</style></head><body>"]
    if portal:
        parts += doc.get("portal", [])
    parts += [f"<p>{line}</p>" for line in doc["header"]]
    if doc.get("columns"):
        parts.append("<table><tr>" + "".join(f"<th>{c}</th>" for c in doc["columns"]) + "</tr>")
        grid = doc["grid"]
        for r, row in enumerate(grid):
            parts.append("<tr>")
            for c, cell in enumerate(row):
                if cell is None:
                    continue
                span = 1
                while r + span < len(grid) and grid[r + span][c] is None:
                    span += 1
                text = cell.replace("\n", "<br>")
                parts.append(f"<td rowspan='{span}'>{text}</td>" if span > 1 else f"<td>{text}</td>")
            parts.append("</tr>")
        parts.append("</table>")
    parts += [f"<p>{line}</p>" for line in doc.get("body", [])]
    parts += [f"<p>{line}</p>" for line in doc.get("footer", [])]
    return "\n".join(parts + ["</body></html>"])


def render_text(doc) -> str:
    lines = list(doc.get("portal_text", [])) + list(doc["header"])
    if doc.get("columns"):
        lines += [f"{c} |" for c in doc["columns"]]
        for row in doc["grid"]:
            lines.append("")
            lines += [f"{cell.replace(chr(10), ' ')} |" for cell in row if cell is not None]
    lines += doc.get("body", []) + doc.get("footer", [])
    return "\n".join(lines) + "\n"


def render_docx(doc) -> bytes:
    import docx

    document = docx.Document()
    for line in doc["header"]:
        document.add_paragraph(line)
    if doc.get("columns"):
        grid = doc["grid"]
        table = document.add_table(rows=len(grid) + 1, cols=len(doc["columns"]))
        for c, name in enumerate(doc["columns"]):
            table.cell(0, c).text = name
        for r, row in enumerate(grid, start=1):
            for c, cell in enumerate(row):
                if cell is not None:
                    table.cell(r, c).text = cell
        for r, row in enumerate(grid, start=1):
            for c, cell in enumerate(row):
                if cell is not None:
                    end = r
                    while end < len(grid) and grid[end][c] is None:
                        end += 1
                    if end > r:
                        text = table.cell(r, c).text
                        merged = table.cell(r, c).merge(table.cell(end, c))
                        merged.text = text
    for line in doc.get("body", []) + doc.get("footer", []):
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def render_xlsx(doc) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    row_at = 1
    for line in doc["header"]:
        sheet.cell(row_at, 1, line)
        row_at += 1
    if doc.get("columns"):
        for c, name in enumerate(doc["columns"], start=1):
            sheet.cell(row_at, c, name)
        grid = doc["grid"]
        first = row_at + 1
        for r, row in enumerate(grid):
            for c, cell in enumerate(row):
                if cell is not None:
                    sheet.cell(first + r, c + 1, cell)
                    end = r
                    while end + 1 < len(grid) and grid[end + 1][c] is None:
                        end += 1
                    if end > r:
                        sheet.merge_cells(start_row=first + r, start_column=c + 1, end_row=first + end, end_column=c + 1)
        row_at = first + len(grid)
    for line in doc.get("body", []) + doc.get("footer", []):
        sheet.cell(row_at, 1, line)
        row_at += 1
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def render_pdf(doc) -> bytes:
    import weasyprint

    return weasyprint.HTML(string=render_html(doc)).write_pdf()


# --- documents -------------------------------------------------------------------------------------

def seed_table() -> dict:
    """The seed's own task list as a merged-cell table (工作重点 merged down its tasks), over pages."""
    expected = json.loads(SEED_EXPECTED.read_text("utf-8"))
    rows = []
    for task in expected["tasks"]:
        measures = "\n".join(f"{i}.{m['text']}({'、'.join(m['units'])})" for i, m in enumerate(task["measures"], 1))
        rows.append(([task["focus"], task["target"], task["number"], measures, _deadline_cell(task["deadline"])], {0}))
    doc = {
        "name": "01_seed-merged-table",
        "header": [expected["notice_title"], expected["doc_number"], "各管理区、镇人民政府、街道办事处，市直各单位：",
                   f"《{expected['title']}》已经市人民政府同意，现印发给你们，请认真贯彻落实。",
                   expected["issuer"], "2025年6月19日", expected["title"]],
        "columns": ["工作重点", "市目标", "序号", "市工作举措", "工作时限"],
        "grid": _merged(rows),
        "formats": ("html", "docx", "xlsx", "pdf"),
    }
    doc["truth"] = {
        "title": expected["title"], "doc_number": expected["doc_number"], "date": expected["date"],
        "tasks": [{"number": t["number"], "focus": t["focus"], "target": t["target"], "deadline": t["deadline"],
                   "measures": [{"text_start": m["text"][:15], "lead_unit": m["units"][0] if m["units"] else None,
                                 "co_units": m["units"][1:]} for m in t["measures"]]}
                  for t in expected["tasks"]],
    }
    return doc


def _deadline_cell(value: str | None) -> str:
    if value == "long-term":
        return "长期"
    year, month = (value or "2025-12").split("-")
    return f"{year}年{int(month)}月"


def _task(number, focus, target, deadline, measures):
    return {"number": number, "focus": focus, "target": target, "deadline": deadline,
            "measures": [{"text_start": text[:15], "lead_unit": units[0] if units else None, "co_units": units[1:]}
                         for text, units in measures]}


def supervision_table() -> dict:
    """序号 | 重点工作 | 工作任务 | 责任领导 | 牵头单位 | 责任单位 | 完成时限 | 监督方式: leaders are people."""
    data = [
        ("1", "优化营商环境", "深化政务服务集成改革，推动高频事项全程网办，群众办事平均跑动次数压减到0.3次以内。",
         "王副区长", "区政务服务局", "区发改局、区市场监管局", "全年", "季度督查", "2026-12"),
        ("2", "优化营商环境", "开展涉企收费专项清理，建立收费目录清单动态更新机制，全面公开收费依据和标准。",
         "王副区长", "区发改局", "区财政局等部门", "2026年10月底前", "专项督查", "2026-10"),
        ("3", "优化营商环境", "落实重点企业联系服务制度，每月走访规上工业企业，及时协调解决企业用工用地需求。",
         "李副区长", "区经信局", "各街道办事处", "长期坚持", "日常督查", "long-term"),
        ("4", "扩大有效投资", "滚动谋划储备重大项目，建立项目前期工作台账，每季度组织一次集中开工活动。",
         "李副区长", "区发改局", "区自然资源局、区住建局、区水务局等部门", "每季度末", "季度通报", "每季度末"),
        ("5", "扩大有效投资", "加快城市更新片区改造，完成老旧小区改造项目年度计划，同步完善排水管网和停车设施。",
         "赵副区长", "区住建局", "区水务局、各街道办事处", "2026年11月底前", "专项督查", "2026-11"),
        ("6", "扩大有效投资", "推动水利基础设施提档升级，实施中小河流综合治理和农村供水保障工程。",
         "赵副区长", "区水务局", "区农业农村局、市级各有关部门", "2026年12月底前", "季度督查", "2026-12"),
    ]
    rows = [([n, f, m, who, lead, co, dl, how], {1}) for n, f, m, who, lead, co, dl, how, _ in data]
    tasks = []
    for n, f, m, _, lead, co, _, _, dl in data:
        units = [lead] + [u.removesuffix("等部门") for u in co.split("、")]
        tasks.append(_task(n, f, None, dl, [(m, units)]))
    return {
        "name": "02_supervision-extra-columns",
        "header": ["区人民政府办公室关于印发2026年区政府重点工作任务分解方案的通知", "区政办发〔2026〕7号",
                   "各街道办事处，区政府各部门：", "现将《2026年区政府重点工作任务分解方案》印发给你们，请认真组织实施。",
                   "区人民政府办公室", "2026年2月16日", "2026年区政府重点工作任务分解方案"],
        "columns": ["序号", "重点工作", "工作任务", "责任领导", "牵头单位", "责任单位", "完成时限", "监督方式"],
        "grid": _merged(rows),
        "formats": ("txt", "html", "docx", "xlsx", "pdf"),
        "truth": {"title": "2026年区政府重点工作任务分解方案", "doc_number": "区政办发〔2026〕7号", "date": "2026-02-16",
                  "tasks": tasks},
    }


def progress_table() -> dict:
    """A quarterly progress report: 目标任务 | 执行措施 | 工作进展、取得成效 | 后续举措 | 责任分工, no numbers."""
    data = [
        ("全年新签约亿元以上项目30个", "组建产业链招商专班，赴长三角、珠三角开展专题推介活动。",
         "一季度新签约项目8个，协议投资额46亿元。", "加快在谈项目转化，力争二季度签约10个以上。",
         "牵头单位:市商务局  责任单位:市发改委、市经信局", ["市商务局", "市发改委", "市经信局"]),
        ("实际使用外资增长10%", "梳理外资企业增资扩股意向，建立重点外资项目跟踪服务机制。",
         "完成外资企业走访42家，储备增资项目6个。", "推动两个增资项目在二季度完成注资。",
         "市商务局、市财政局牵头,各县市区政府及市直相关单位按职责分工负责",
         ["市商务局", "市财政局", "各县市区政府", "市直相关单位"]),
        ("新增省级以上开发区平台2个", "编制开发区扩区调区方案，完善园区道路、管网等配套设施。",
         "扩区方案已报省级部门审核。", "跟进审核进度，同步启动标准厂房建设。",
         "牵头单位:市发改委  责任单位:市自然资源和规划局、市住建局", ["市发改委", "市自然资源和规划局", "市住建局"]),
    ]
    rows = [([target, measure, progress, nxt, duty], set()) for target, measure, progress, nxt, duty, _ in data]
    tasks = [_task(str(i), None, target, None, [(measure, units)])
             for i, (target, measure, _, _, _, units) in enumerate(data, 1)]
    return {
        "name": "03_progress-report-unnumbered",
        "header": ["市招商服务中心关于2026年第一季度招商引资重点工作进展情况的报告", "市招服〔2026〕3号",
                   "市人民政府：", "现将一季度重点工作进展情况报告如下。", "市招商服务中心", "2026年4月8日",
                   "2026年第一季度招商引资重点工作进展情况表"],
        "columns": ["目标任务", "执行措施", "工作进展、取得成效", "后续举措", "责任分工"],
        "grid": _merged(rows),
        "formats": ("txt", "html", "docx", "xlsx", "pdf"),
        "truth": {"title": "2026年第一季度招商引资重点工作进展情况表", "doc_number": "市招服〔2026〕3号",
                  "date": "2026-04-08", "tasks": tasks},
    }


def portal_traditional() -> dict:
    """A portal page copied from a traditional-character mirror: metadata twice, navigation, widgets, prose items."""
    simple = [
        ("提升政务服务效能", "推行“高效办成一件事”，年内上线企业开办、项目开工等重点事项套餐服务。",
         "(牵头单位:市政务服务局  责任单位:市发改委、市司法局)", ["市政务服务局", "市发改委", "市司法局"], None),
        ("提升政务服务效能", "优化企业开办流程，2026年10月底前实现营业执照、印章、税务登记一日办结。",
         "(市场监管局、市税务局牵头,各县市区政府及市直相关单位按职责分工负责)",
         ["市场监管局", "市税务局", "各县市区政府", "市直相关单位"], "2026-10"),
        ("强化要素保障", "建立重点项目用地保障清单，优先保障先进制造业项目用地需求。",
         "(牵头单位:市自然资源和规划局;责任单位:市发改委、市水务局等部门,长期坚持)",
         ["市自然资源和规划局", "市发改委", "市水务局"], "long-term"),
    ]
    items, tasks, previous = [], [], None
    heads = {"提升政务服务效能": "一、", "强化要素保障": "二、"}
    for i, (focus, text, units_text, units, deadline) in enumerate(simple, 1):
        if focus != previous:
            items.append(f"{heads[focus]}{focus}")
            previous = focus
        items.append(f"{i}.{text}{units_text}")
        tasks.append(_task(str(i), focus, None, deadline, [(text, units)]))
    title = "2026年优化营商环境重点任务清单"
    meta = ["索引号:11420000/2026-00312", "分类:综合政务", "发文机关:市人民政府办公室", "成文日期:2026年03月02日",
            f"标题:市人民政府办公室关于印发《{title}》的通知", "发文字号:市政办发〔2026〕12号", "发布日期:2026年03月05日"]
    nav = ["您现在的位置: 首页 > 政策前沿 > 政府文件", "【字体:大 中 小】 分享到: 微信 微博", "打印本页 关闭窗口"]
    body = [f"市人民政府办公室关于印发《{title}》的通知", "各县市区人民政府，市直各单位：",
            f"《{title}》已经市人民政府同意，现印发给你们，请结合《国务院关于进一步优化政务服务提升行政效能的意见》"
            "(国发〔2022〕27号)要求认真贯彻执行。", "市人民政府办公室", "2026年3月2日", title] + items
    t2hk = opencc.OpenCC("s2hk")
    convert = t2hk.convert
    doc = {
        "name": "04_portal-traditional-prose",
        "portal_text": [convert(x) for x in nav + meta + meta],
        "portal": [f"<div>{convert(x)}</div>" for x in nav + meta + meta],
        "header": [convert(x) for x in body],
        "formats": ("txt", "html", "docx", "xlsx", "pdf"),
        "truth": {"title": title, "doc_number": "市政办发〔2026〕12号", "date": "2026-03-02", "tasks": tasks},
    }
    doc["header"] = [line.replace("優化", "最佳化") for line in doc["portal_text"] + doc["header"]]  # docx/xlsx/pdf carry the portal furniture as text too
    doc["portal_text"] = []
    return doc


DOCUMENTS = (seed_table, supervision_table, progress_table, portal_traditional)


def main() -> None:
    writers = {"txt": lambda d: render_text(d).encode("utf-8"), "html": lambda d: render_html(d).encode("utf-8"),
               "docx": render_docx, "xlsx": render_xlsx, "pdf": render_pdf}
    for make in DOCUMENTS:
        doc = make()
        for ext in doc["formats"]:
            (HERE / "docs" / f"{doc['name']}.{ext}").write_bytes(writers[ext](doc))
        (HERE / "truth" / f"{doc['name']}.json").write_text(
            json.dumps(doc["truth"], ensure_ascii=False, indent=1) + "\n", "utf-8")
        print(doc["name"], ", ".join(doc["formats"]))


if __name__ == "__main__":
    main()
