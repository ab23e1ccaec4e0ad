"""The pipeline: bytes → document (by sniffed format) → layout → tasks, chains, header, warnings."""

import re

from zhaoshang.notices import errors
from zhaoshang.notices.builder import build_task, check_numbering
from zhaoshang.notices.chains import extract_chains
from zhaoshang.notices.deadlines import parse_deadline
from zhaoshang.notices.document import Document, Table
from zhaoshang.notices.errors import NoticeError
from zhaoshang.notices.goals import extract_goals
from zhaoshang.notices.header import extract_header
from zhaoshang.notices.layout_cell_stream import parse_cell_stream
from zhaoshang.notices.layout_prose import parse_prose
from zhaoshang.notices.layout_rows import parse_tables
from zhaoshang.notices.layout_table import parse_flat_table
from zhaoshang.notices.model import ParsedNotice, TaskDraft
from zhaoshang.notices.script import simplify_blocks
from zhaoshang.notices.sniff import sniff
from zhaoshang.notices.unit_groups import split_trailing_group
from zhaoshang.notices.units import parse_unit_text


_SENTENCE_END = tuple("。；;！!？?）)")


def read_document(data: bytes) -> Document:
    """The document inside the bytes, whatever its format."""
    kind = sniff(data)
    if kind == "pdf":
        from zhaoshang.notices.pdf_reader import read_pdf

        return read_pdf(data)
    if kind == "docx":
        from zhaoshang.notices.docx_reader import read_docx

        return read_docx(data)
    if kind == "xlsx":
        from zhaoshang.notices.xlsx_reader import read_xlsx

        return read_xlsx(data)
    if kind in ("html", "mhtml"):
        from zhaoshang.notices.html_reader import read_html, read_mhtml

        return read_mhtml(data) if kind == "mhtml" else read_html(data)
    from zhaoshang.notices.text_reader import read_text

    return read_text(data)


def parse_document(document: Document) -> ParsedNotice:
    """Find the task list in a document (real tables first, then flattened table, then prose)."""
    _clear_caches()
    converted = simplify_blocks(document.blocks)
    drafts, layout, before, after, preface = _find_tasks(document)
    header = extract_header(before, after)
    notice = ParsedNotice(
        title=header.title, notice_title=header.notice_title, issuer=header.issuer, publisher=header.publisher,
        doc_number=header.doc_number, date=header.date, source_format=document.source_format, layout=layout,
    )
    year = notice_year(notice)
    expect_focus = any(d.focus.strip() for d in drafts)  # else the list has no 工作重点 at all
    notice.tasks = [build_task(d, year, expect_focus) for d in drafts]
    notice.goals = extract_goals(preface, year)
    notice.chains = extract_chains(notice.tasks)
    notice.warnings = _header_warnings(notice) + check_numbering(notice.tasks) + _cut_off(notice.tasks)
    if converted:
        notice.warnings.append("原文为繁体字，已转换为简体字，请核对转换结果")
    return notice


def _find_tasks(document: Document) -> tuple[list[TaskDraft], str, list[str], list[str], list[str]]:
    """Drafts, layout, lines before and after the list (for the header), lines before the first task."""
    tables = document.tables
    found = parse_tables(tables) if tables else None
    if found:
        first = tables[found.first_table]
        at = next(i for i, b in enumerate(document.blocks) if b is first)
        before = _lines(document.blocks[:at]) + [c for row in found.header_rows for c in row if c]
        after = _lines(b for b in document.blocks[at + 1:] if not isinstance(b, Table))
        return found.drafts, "rows", before, after, before
    lines = document.lines()
    for parse, layout in ((parse_flat_table, "table"), (parse_cell_stream, "cells"), (parse_prose, "prose")):
        result = parse(lines)
        if result and layout == "table":
            # Both read one cell per line; the cell-stream reading wins where it places more of the table.
            other = parse_cell_stream(lines)
            if other and _placed(other.drafts) > _placed(result.drafts):
                result, layout = other, "cells"
        if result:
            first = result.drafts[0].line if result.drafts[0].line is not None else result.start
            return result.drafts, layout, lines[:result.start], lines[result.end:], lines[:first]
    raise NoticeError(errors.NO_TASKS)


def _placed(drafts: list[TaskDraft]) -> int:
    """How much of a table a reading placed: tasks, measures with units, and deadlines."""
    count = len(drafts) + sum(1 for d in drafts if d.deadline_raw)
    for draft in drafts:
        for measure in draft.measures:
            spec = split_trailing_group(measure.text)[1]
            count += bool(measure.unit_text or draft.unit_text or (spec and spec.units))
    return count


def notice_year(notice: ParsedNotice) -> int | None:
    """The year the notice plans for: its title's ("2025年招商引资…"), else its date's, else its 文号's."""
    for text in (notice.title, notice.notice_title):
        found = re.search(r"(20\d{2})\s*年", text or "")
        if found:
            return int(found.group(1))
    if notice.date:
        return notice.date.year
    found = re.search(r"〔(20\d{2})〕", notice.doc_number or "")
    return int(found.group(1)) if found else None


def _clear_caches() -> None:
    """The text caches serve repeats within one notice; each parse starts empty, so timings stay honest."""
    for cached in (parse_deadline, parse_unit_text, split_trailing_group):
        cached.cache_clear()


def _lines(blocks) -> list[str]:
    out: list[str] = []
    for block in blocks:
        out.extend(block.lines() if isinstance(block, Table) else [block])
    return out


def _cut_off(tasks) -> list[str]:
    """A list that stops mid-way (a page cut off): what was found is kept, and the office is told where it stops."""
    last = tasks[-1] if tasks else None
    if not last or not last.measures:
        return []
    measure = last.measures[-1]
    if measure.units or measure.text.rstrip()[-1:] in _SENTENCE_END:
        return []
    last.warnings.append("该项任务在原文中不完整（文字中断），请对照原文补全")
    return [f"文件可能不完整：任务清单在第{last.number}项“…{measure.text[-12:]}”处中断，已保留此前识别到的内容，请对照原文核对"]


def _header_warnings(notice: ParsedNotice) -> list[str]:
    warnings = []
    if not notice.title:
        warnings.append("未识别到任务清单名称，请导入后手工填写")
    if not notice.issuer:
        warnings.append("未识别到发文机关")
    if not notice.doc_number:
        warnings.append("未识别到发文字号（文号）")
    if not notice.date:
        warnings.append("未识别到发文日期")
    return warnings
