"""The flattened table: a web table saved as text, one cell per line (the seed's layout).

Cells may be split across lines ("要素储备"/"招商"), a deadline may be two lines ("2025"/"12"),
an item number may be cut from its text ("2."/"盐化工。…"), and merged cells appear only once:
a task with no focus/target lines before its number shares the previous task's. The table ends at a
note (备注, 附件 …) or at the signature (落款) after a task's deadline.
"""

import re
from dataclasses import dataclass, field

from zhaoshang.notices.columns import cell_role, is_strong
from zhaoshang.notices.deadlines import is_month_cell, is_year_cell, looks_like_deadline
from zhaoshang.notices.header import is_signature
from zhaoshang.notices.indicators import target_from_text
from zhaoshang.notices.measures import measure_ordinal, split_measure_lines
from zhaoshang.notices.model import TaskDraft
from zhaoshang.notices.unit_groups import split_trailing_group
from zhaoshang.notices.units import is_label_line, parse_unit_text

_END = re.compile(r"^(?:备\s*注|注\s*[:：]|附件\s*[:：\d]|相关链接|抄送|扫一扫|【打印|打印本页|关闭窗口|责任编辑)")
_FOCUS_LINE_MAX = 10
_NOT_FOCUS = re.compile(r"[\d，,；;。：:%]")


@dataclass
class TableResult:
    drafts: list[TaskDraft]
    start: int  # index of the first header line
    end: int  # index after the last line read


@dataclass
class _Open:
    """The task being read: lines before and after its number, measure lines, unit lines, deadline."""

    draft: TaskDraft
    pre: list[str] = field(default_factory=list)  # focus/target cells before the number
    post: list[str] = field(default_factory=list)  # cells after the number, before any measure
    measure_lines: list[str] = field(default_factory=list)
    unit_lines: list[str] = field(default_factory=list)
    tentative: list[str] = field(default_factory=list)  # after a closed measure: next task's, or a continuation


@dataclass(frozen=True)
class _Columns:
    number_first: bool  # 序号 column before 工作重点/目标
    has_units: bool  # a 责任单位/牵头单位 column
    units_after_deadline: bool


def parse_flat_table(lines: list[str]) -> TableResult | None:
    """Tasks from a flattened table, or None when the lines hold no such table."""
    header = _find_header(lines)
    if header is None:
        return None
    start, body, roles = header
    columns = _columns(roles)
    drafts, end = _read_body(lines, body, columns)
    inherit_deadlines(drafts, {i for i, d in enumerate(drafts) if not d.focus and not d.target})
    if "target" not in roles:
        targets_from_measures(drafts)
    inherit_focus_target(drafts)
    return TableResult(drafts, start, end) if drafts else None


def _columns(roles: list[str]) -> _Columns:
    def at(*names):
        return min((roles.index(r) for r in names if r in roles), default=None)

    number, lead_cells, units, deadline = at("number"), at("focus", "target"), at("units", "lead", "co"), at("deadline")
    return _Columns(
        number_first=lead_cells is None or number < lead_cells,
        has_units=units is not None,
        units_after_deadline=units is not None and deadline is not None and units > deadline,
    )


def _find_header(lines: list[str]):
    """(first header line, first body line, roles in column order) of the first task-table header."""
    index = 0
    while index < len(lines):
        roles, end = _header_run(lines, index)
        if len(roles) >= 3 and "number" in roles and ("measures" in roles or "focus" in roles):
            return index, end, roles
        index += 1
    return None


def _header_run(lines: list[str], index: int) -> tuple[list[str], int]:
    roles: list[str] = []
    while index < len(lines):
        cell, used = lines[index], 1
        if not is_strong(cell) and len(cell) <= 2 and index + 1 < len(lines) and len(lines[index + 1]) <= 4:
            cell, used = cell + lines[index + 1], 2  # "任务"/"序号" → "任务序号"
        role = cell_role(cell)
        if role is None:
            break
        roles.append(role)
        index += used
    return roles, index


def _read_body(lines: list[str], index: int, columns: _Columns) -> tuple[list[TaskDraft], int]:
    drafts: list[TaskDraft] = []
    pending: list[str] = []  # lines after a task's deadline, before the next number
    current: _Open | None = None
    while index < len(lines):
        line = lines[index]
        if _END.match(line) or (current and current.draft.deadline_raw and is_signature(lines, index)):
            break  # a note, or the signature (落款) after the last task's deadline
        if is_year_cell(line) and index + 1 < len(lines) and is_month_cell(lines[index + 1]):
            _set_deadline(current, f"{line} {lines[index + 1]}", pending)
            index += 2
            continue
        if cell_role(line) and len(_header_run(lines, index)[0]) >= 3:
            index = _header_run(lines, index)[1]  # the header again, on a new page
            continue
        number = _task_number(line, current, drafts)
        if number is not None:
            if current:
                pending, current.tentative = current.tentative + pending, []
                _close(current, columns)
            current = _Open(TaskDraft(str(number)), pre=pending)
            pending = []
            drafts.append(current.draft)
        elif current is None:
            pending.append(line)
        elif current.draft.deadline_raw is not None:
            if columns.units_after_deadline and (is_label_line(line) or _is_unit_cell(line)):
                current.unit_lines.append(line)
            else:
                pending.append(line)
        elif looks_like_deadline(line):
            following = lines[index + 1] if index + 1 < len(lines) else ""
            if following and len(following) <= 4 and not following.isdigit() and looks_like_deadline(line + following):
                line, index = line + following, index + 1  # "长期"/"坚持", "2025年12月"/"底前"
            current.draft.deadline_raw = line
        else:
            _take(current, line, columns)
        index += 1
    if current:
        _close(current, columns)
    return drafts, index


def _task_number(line: str, current: _Open | None, drafts: list[TaskDraft]) -> int | None:
    if not (len(line) <= 4 and line.isdigit()):
        return None
    value = int(line)
    if not drafts:
        return value if len(line) <= 3 else None
    if current and current.draft.deadline_raw is None and not current.measure_lines:
        return None  # still before this task's measures: a stray number, not the next task
    last = int(drafts[-1].number)
    if value == last + 1:
        return value
    finished = current is not None and current.draft.deadline_raw is not None
    return value if finished and last < value <= last + 3 else None  # a gap in the source's numbering


def _set_deadline(current: _Open | None, raw: str, pending: list[str]) -> None:
    if current is not None and current.draft.deadline_raw is None:
        current.draft.deadline_raw = raw
    else:
        pending.append(raw)


def _take(current: _Open, line: str, columns: _Columns) -> None:
    """A line between a task's number and its deadline."""
    if is_label_line(line) or (columns.has_units and current.measure_lines and _is_unit_cell(line)):
        current.unit_lines.append(line)  # "1.市发改委" lines: one per measure, read in _close
    elif measure_ordinal(line) or (not current.measure_lines and _ends_with_units(line)):
        current.measure_lines += current.tentative + [line]
        current.tentative = []
    elif current.measure_lines and (current.tentative or _ends_with_units(current.measure_lines[-1])):
        current.tentative.append(line)  # after a closed measure: the next task's cells if no deadline follows
    elif current.measure_lines:
        current.measure_lines.append(line)
    else:
        current.post.append(line)


def _is_unit_cell(line: str) -> bool:
    """A 责任单位 cell line; with an ordinal ("2.市海洋发展局") only if it cannot be a short measure."""
    found = measure_ordinal(line)
    if found and ("。" in found.rest or split_trailing_group(found.rest)[1] is not None):
        return False
    spec = parse_unit_text(found.rest if found else line)
    return bool(spec and spec.units)


def _ends_with_units(line: str) -> bool:
    return split_trailing_group(line)[1] is not None


def _close(current: _Open, columns: _Columns) -> None:
    """Share out the task's cells: focus/target before (or after) the number, then the measures."""
    draft = current.draft
    measure_lines = current.measure_lines + current.tentative
    if columns.has_units and not current.unit_lines:
        _pop_unit_cell(current, measure_lines)
    if columns.number_first:
        lead = _join_open_lines(current.pre + current.post)
        if not measure_lines and lead:
            measure_lines, lead = [lead[-1]], lead[:-1]  # an unnumbered measure without a unit group
    else:
        lead = current.pre
        measure_lines = current.post + measure_lines
    draft.focus, draft.target = split_focus_target(lead)
    draft.measures = split_measure_lines(measure_lines)
    units = current.unit_lines
    if len(units) == len(draft.measures) > 1 and all(measure_ordinal(u) for u in units):
        for measure, line in zip(draft.measures, units):
            measure.unit_text = measure.unit_text or measure_ordinal(line).rest
    elif units:
        draft.unit_text = "；".join(u.rest if (u := measure_ordinal(line)) else line for line in units)


def _pop_unit_cell(current: _Open, measure_lines: list[str]) -> None:
    """The 责任单位 cell is the last cell before the deadline: take it off the measure or lead cells."""
    source = measure_lines if measure_lines else current.post
    if source and _is_unit_cell(source[-1]):
        current.unit_lines.append(source.pop())


def _join_open_lines(lines: list[str]) -> list[str]:
    """A line ending in "，" or "；" runs on into the next one: one cell split over two lines."""
    out: list[str] = []
    for line in lines:
        if out and out[-1][-1] in "，,、；;：:":
            out[-1] += line
        else:
            out.append(line)
    return out


def inherit_deadlines(drafts: list[TaskDraft], shared: set[int]) -> None:
    """A task sharing its row group (no focus/target cells of its own) and lacking a deadline shares the
    previous task's deadline: the merged 时限 cell was printed once, with the first task."""
    for index in sorted(shared):
        if index and drafts[index].deadline_raw is None and drafts[index - 1].deadline_raw:
            drafts[index].deadline_raw = drafts[index - 1].deadline_raw
            drafts[index].warnings.append("工作时限沿用上一项任务（原表格合并单元格）")


def targets_from_measures(drafts: list[TaskDraft]) -> None:
    """Without a 目标 column the target is what the task's first measure commits to."""
    for draft in drafts:
        if draft.measures and not draft.target:
            first = measure_ordinal(draft.measures[0].text)
            text = first.rest if first else draft.measures[0].text
            draft.target = target_from_text(split_trailing_group(text)[0])
            draft.target_derived = bool(draft.target)


def inherit_focus_target(drafts: list[TaskDraft]) -> None:
    """Merged cells: a task without a focus (or target) cell shares the previous task's."""
    focus = target = ""
    for draft in drafts:
        if draft.focus:
            focus = draft.focus
        elif focus:
            draft.focus = focus
        if draft.target:
            target = draft.target
        elif target:
            draft.target = target


def split_focus_target(lines: list[str]) -> tuple[str, str]:
    """Leading short lines are the focus ("要素储备"+"招商"); the rest is the target.

    A single line is the target (the focus cell was merged with the previous task's).
    """
    if not lines:
        return "", ""
    if len(lines) == 1:
        return "", lines[0]
    count = 0
    while count < len(lines) - 1 and _is_focus_piece(lines[count]):
        count += 1
    return "".join(lines[:count]), "".join(lines[count:])


def _is_focus_piece(line: str) -> bool:
    return len(line) <= _FOCUS_LINE_MAX and not _NOT_FOCUS.search(line)
