"""A web table saved as text with the cells apart (blank lines or lone "|" lines): read by what each cell holds.

Portal pages flatten a table one cell per line, and the page's empty and merged cells leave no
trace, so cells cannot be counted into rows. Instead each cell is placed by its content, in the
header's column order: a bare number (序号) opens a row; a heading (an ordinal "（一）"/"（1）…", or
any text at a row's start in a numbered table) sets the focus; a long text where a row may start
opens an unnumbered row (numbered 1, 2 … in order); then unit lists go to the 牵头/责任/配合 columns,
a deadline to the 时限 column, a person's name to the 领导 column. A header cell broken over two
lines ("市政府"/"分管领导") is joined. One pass over the lines.
"""

import re
from dataclasses import dataclass, field

from zhaoshang.notices.columns import cell_role, is_strong
from zhaoshang.notices.deadlines import looks_like_deadline
from zhaoshang.notices.header import is_signature
from zhaoshang.notices.layout_table import inherit_focus_target, targets_from_measures
from zhaoshang.notices.model import MeasureDraft, TaskDraft
from zhaoshang.notices.ordinals import LEVEL_ARABIC, LEVEL_ARABIC_PAREN, LEVEL_CN, LEVEL_CN_PAREN, match_ordinal
from zhaoshang.notices.units import is_unit_name, split_units

_END = re.compile(r"^(?:备\s*注\s*[:：]|注\s*[:：]|附件\s*[:：\d]|相关链接|抄送|扫一扫|【打印|打印本页|关闭窗口|责任编辑)")
_NUMBER = re.compile(r"^\d{1,3}[.．、]?$")
_PERSON = re.compile(r"^[\u4e00-\u9fff](?:\s*[\u4e00-\u9fff]){1,3}$")  # "王 东", "钱宇"
_HEADING_LEVELS = (LEVEL_CN, LEVEL_CN_PAREN, LEVEL_ARABIC_PAREN)
_UNIT_ROLES = ("lead", "units", "co")
_MIN_MEASURE = 6  # a cell shorter than this is no measure text


@dataclass
class StreamResult:
    drafts: list[TaskDraft]
    start: int
    end: int


@dataclass
class _Row:
    draft: TaskDraft
    column: int  # index in the column order of the last cell placed
    units: dict = field(default_factory=dict)  # role → text


def parse_cell_stream(lines: list[str]) -> StreamResult | None:
    """Tasks from a table flattened one cell per line, or None without a header naming measures and units."""
    found = _find_header(lines)
    if found is None:
        return None
    start, body, order = found
    numbered = "number" in order and any(_NUMBER.match(line) for line in lines[body:body + 40])
    drafts: list[TaskDraft] = []
    row: _Row | None = None
    focus = ""
    pending_heading = False  # a bare "（一）" cell: its heading text is the next cell
    index = body
    while index < len(lines):
        cell = lines[index].strip()
        index += 1
        if not cell:
            continue
        if _END.match(cell) or (row and is_signature(lines, index - 1)):
            index -= 1
            break
        if pending_heading:
            focus, pending_heading = _strip_ordinal(cell), False
            continue
        ordinal = match_ordinal(cell)
        if numbered and _NUMBER.match(cell):
            row = _open(drafts, cell.rstrip(".．、"), focus, order)
            continue
        if ordinal and ordinal.level in _HEADING_LEVELS and (numbered or len(cell) <= 40 or row is None):
            rest = _strip_ordinal(cell)
            if rest:
                focus = rest
            else:
                pending_heading = True
            continue
        if row is not None and (numbered or not _row_done(row, order)) and _place(row, cell, order):
            continue
        if numbered and row is not None and ordinal and ordinal.level == LEVEL_ARABIC and row.draft.measures:
            row = _open(drafts, str(ordinal.number), row.draft.focus, order)  # tasks numbered inside the cell
            row.column = order.index("measures") - 1  # the merged cells before it are the previous row's
            _place(row, cell, order)
            continue
        if numbered:
            focus = _strip_ordinal(cell)  # text no column of the row takes: a heading row
            continue
        if len(cell) < _MIN_MEASURE or _is_units(cell):
            continue
        row = _open(drafts, str(len(drafts) + 1), focus, order)
        _place(row, cell, order)
    if not drafts:
        return None
    if "target" not in order:
        targets_from_measures(drafts)
    inherit_focus_target(drafts)
    return StreamResult(drafts, start, index)


def _find_header(lines: list[str]):
    """(first header line, first body line, roles in column order) of a header naming measures and units."""
    for index, line in enumerate(lines):
        if not is_strong(line) or cell_role(line) is None and not _joined_role(lines, index):
            continue
        order, texts, at = [], [], index
        while at < len(lines):
            role, used = _header_cell(lines, at)
            if role is None:
                break
            order.append(role)
            texts.append("".join(lines[at:at + used]))
            at += used
        if "measures" not in order and "target" in order and "任务" in texts[order.index("target")]:
            order[order.index("target")] = "measures"  # "重点工作目标任务" with no 举措 column: the work itself
        if "measures" not in order and "focus" in order:  # a 重点工作 column with no 举措 column lists the work
            order[order.index("focus")] = "measures"
        if len(order) >= 3 and "measures" in order and any(r in order for r in _UNIT_ROLES):
            return index, at, order
    return None


def _header_cell(lines: list[str], at: int) -> tuple[str | None, int]:
    role = cell_role(lines[at])
    if role is not None:
        return role, 1
    joined = _joined_role(lines, at)
    return (joined, 2) if joined else (None, 1)


def _joined_role(lines: list[str], at: int) -> str | None:
    if at + 1 < len(lines) and len(lines[at]) <= 4:
        return cell_role(lines[at] + lines[at + 1])  # "市政府"/"分管领导"
    return None


def _open(drafts: list[TaskDraft], number: str, focus: str, order: list[str]) -> _Row:
    draft = TaskDraft(number, focus=focus)
    drafts.append(draft)
    return _Row(draft, order.index("number") if "number" in order else -1)


def _row_done(row: _Row, order: list[str]) -> bool:
    """A row whose measure is in and whose unit columns have been passed (or filled) takes no more text."""
    if not row.draft.measures:
        return False
    return row.column >= max(i for i, r in enumerate(order) if r in _UNIT_ROLES + ("measures",))


def _place(row: _Row, cell: str, order: list[str]) -> bool:
    """Put the cell in the first column after the last one used that fits its content; False when none does."""
    for column in range(row.column + 1, len(order)):
        role = order[column]
        if role in ("measures", "focus", "target") and not row.draft.measures and role == "measures":
            row.draft.measures.append(MeasureDraft(cell))
        elif role == "target" and not row.draft.measures and not _is_units(cell):
            row.draft.target = cell
        elif role == "focus" and not row.draft.measures and len(cell) <= 20 and not _is_units(cell):
            row.draft.focus = _strip_ordinal(cell)
        elif role == "leader" and _PERSON.match(cell) and not is_unit_name(cell):
            pass
        elif role in _UNIT_ROLES and _is_units(cell):
            row.units[role] = cell
            row.draft.measures[-1].unit_text = _unit_text(row.units) if row.draft.measures else None
        elif role == "deadline" and (looks_like_deadline(cell) or len(cell) <= 20 and not _is_units(cell)):
            row.draft.deadline_raw = cell
        elif role == "note":
            pass
        else:
            continue
        row.column = column
        return True
    if "leader" in order and row.column == order.index("leader") and _PERSON.match(cell):
        return True  # a second leader on its own line
    if row.draft.measures and not row.units and row.column == order.index("measures"):
        row.draft.measures[-1].text += cell  # a measure cell broken over lines
        return True
    return False


def _unit_text(units: dict) -> str:
    parts = []
    if "lead" in units:
        parts.append(f"牵头单位：{units['lead']}")
    if "units" in units:  # 责任单位 beside a 配合单位 column is the lead; beside a 牵头单位 column, the co-units
        label = "配合单位：" if "lead" in units else "牵头单位：" if "co" in units else "责任单位："
        parts.append(label + units["units"])
    if "co" in units:
        parts.append(f"配合单位：{units['co']}")
    return "；".join(parts)


def _is_units(cell: str) -> bool:
    names = split_units(cell)
    return bool(names) and sum(is_unit_name(n) for n in names) >= max(1, len(names) - 1)


def _strip_ordinal(text: str) -> str:
    found = match_ordinal(text)
    return found.rest.strip() if found else text.strip()
