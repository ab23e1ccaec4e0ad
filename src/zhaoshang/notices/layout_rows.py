"""Real table rows (Word, Excel, HTML, ruled PDF tables): a header row names the columns.

A row starts a task when its 序号 changes; rows repeating the number (a merged 序号 cell) or
leaving it empty add measures to the current task. Empty focus/target cells share the previous
task's (merged cells). Units may sit in the measure text or in their own column(s). A second header
row ("责任单位" over "牵头单位 | 配合单位") refines the first, whether its cells are merged or left blank.
A table continued in the next table (a page break, or an editor's split) goes on with or without
the header repeated.
"""

import re
from dataclasses import dataclass

from zhaoshang.notices.columns import cell_role, header_roles
from zhaoshang.notices.document import Table
from zhaoshang.notices.layout_table import inherit_focus_target, targets_from_measures
from zhaoshang.notices.measures import measure_ordinal, split_inline, split_measure_lines
from zhaoshang.notices.model import MeasureDraft, TaskDraft
from zhaoshang.notices.normalize import join_lines
from zhaoshang.notices.ordinals import match_ordinal, to_int

_NOTE = re.compile(r"^(?:备\s*注|注\s*[:：]|说明\s*[:：]|填表说明)")


@dataclass
class RowsResult:
    drafts: list[TaskDraft]
    first_table: int  # index in the document's tables
    header_rows: list[list[str]]  # rows above the header (a title row in a sheet)


def parse_tables(tables: list[Table]) -> RowsResult | None:
    """Tasks from the first table with a task header, plus following tables that continue it."""
    for index, table in enumerate(tables):
        found = _find_header(table.rows)
        if found is None:
            continue
        header_at, body_at, roles = found
        reader = _RowReader(roles)
        reader.read(table.rows[body_at:])
        width = len(table.rows[header_at])
        for follower in tables[index + 1:]:  # a table continued over pages, or split by the editor
            again = _find_header(follower.rows)
            if again:
                reader.read(follower.rows[again[1]:])
            elif len(follower.rows[0]) == width:
                reader.read(follower.rows)
            else:
                break
        drafts = reader.finish()
        if drafts:
            return RowsResult(drafts, index, table.rows[:header_at])
    return None


def _find_header(rows: list[list[str]]):
    """(header row, first body row, roles) within the first rows; a second header row refines the first."""
    for index, row in enumerate(rows[:8]):
        roles = header_roles(row)
        if roles is None:
            continue
        body = index + 1
        sub = _sub_header(rows[body]) if body < len(rows) else None
        if sub:  # "责任单位" over "牵头单位 | 配合单位"
            roles = {**{k: v for k, v in roles.items() if v not in sub.values()}, **sub}
            body += 1
        return index, body, roles
    return None


def _sub_header(row: list[str]) -> dict[str, int] | None:
    """A second header row: every filled cell names a column, at least two of them (merged cells repeat
    the row above; unmerged ones are blank under a single-row cell)."""
    named = [(index, cell_role(cell)) for index, cell in enumerate(row) if cell.strip()]
    if len(named) < 2 or any(role is None for _, role in named):
        return None
    roles: dict[str, int] = {}
    for index, role in named:
        roles.setdefault(role, index)
    return roles


def _per_measure(cell: str, count: int) -> list[str | None]:
    """A side cell's value for each of `count` measures: one line each when it has as many lines."""
    lines = [line for line in cell.split("\n") if line.strip()]
    if count > 1 and len(lines) == count:
        return [_strip_ordinal(line) for line in lines]
    return [cell.replace("\n", "") or None] * count


def _strip_ordinal(text: str) -> str:
    found = measure_ordinal(text)
    return found.rest if found else text


class _RowReader:
    """Reads body rows into task drafts, one row at a time."""

    def __init__(self, roles: dict[str, int]):
        self.roles = roles
        self.drafts: list[TaskDraft] = []
        self.section = ""  # a full-width heading row ("一、产业链招商") when there is no focus column
        self.done = False

    def cell(self, row: list[str], role: str) -> str:
        index = self.roles.get(role)
        return row[index].strip() if index is not None and index < len(row) else ""

    def read(self, rows: list[list[str]]) -> None:
        for row in rows:
            if self.done:
                return
            self._row(row)

    def _row(self, row: list[str]) -> None:
        filled = [c.strip() for c in row if c.strip()]
        if not filled:
            return
        if _NOTE.match(filled[0]):
            self.done = True
            return
        if len(set(filled)) == 1 and len(row) > 2 and not measure_ordinal(filled[0]):
            heading = match_ordinal(filled[0])
            self.section = heading.rest if heading else filled[0]
            return
        if self._is_section_row(row, filled):
            self.section = next(c for c in filled if c != self.cell(row, "number"))
            return
        number = self._number(row)
        measures = self.cell(row, "measures")
        current = self.drafts[-1] if self.drafts else None
        if current is None or (number is not None and str(number) != current.number) or "number" not in self.roles:
            current = self._start(row, number)
        self._add_measures(current, row, measures)

    def _is_section_row(self, row: list[str], filled: list[str]) -> bool:
        """"一 | 产业招商 | | ": a Chinese-numbered row naming a section, with no units and no deadline."""
        number = self.cell(row, "number").strip("．.、（）() ")
        if not number or number.isdigit() or to_int(number) is None or len(filled) != 2:
            return False
        return not any(self.cell(row, role) for role in ("units", "lead", "co", "deadline"))

    def _number(self, row: list[str]) -> int | None:
        raw = self.cell(row, "number").strip("．.、（）() ")
        return to_int(raw) if raw else None

    def _start(self, row: list[str], number: int | None) -> TaskDraft:
        fallback = int(self.drafts[-1].number) + 1 if self.drafts and self.drafts[-1].number.isdigit() else len(self.drafts) + 1
        draft = TaskDraft(str(number if number is not None else fallback))
        draft.focus = self.cell(row, "focus").replace("\n", "") or self.section
        draft.target = join_lines(self.cell(row, "target"))
        deadline = self.cell(row, "deadline")
        draft.deadline_raw = deadline if deadline and "\n" not in deadline else None  # else one per measure
        self.drafts.append(draft)
        return draft

    def _add_measures(self, draft: TaskDraft, row: list[str], text: str) -> None:
        if not text:
            return
        lines = [piece for line in text.split("\n") for piece in split_inline(line)]  # see _attach_units
        if draft.measures and not measure_ordinal(lines[0]) and self.cell(row, "number") == "":
            draft.measures[-1].text += lines.pop(0)  # a row cut by a page break
            if not lines:
                return
        new = split_measure_lines(lines)
        self._attach_units(new, row)
        deadlines = _per_measure(self.cell(row, "deadline"), len(new))
        for measure, deadline in zip(new, deadlines):
            if deadline and deadline != draft.deadline_raw:
                measure.deadline_raw = deadline
        draft.measures.extend(new)

    def _attach_units(self, measures: list[MeasureDraft], row: list[str]) -> None:
        lead, co, units = self.cell(row, "lead"), self.cell(row, "co"), self.cell(row, "units")
        if lead or co:
            parts = [f"牵头单位：{lead}"] if lead else []
            parts += [f"配合单位：{co}"] if co else []
            parts += [f"责任单位：{units}"] if units else []
            text = "；".join(parts)
            for measure in measures:
                measure.unit_text = measure.unit_text or text
            return
        if not units:
            return
        lines = [u for u in units.split("\n") if u.strip()]
        aligned = len(lines) == len(measures) > 1 and all(measure_ordinal(u) for u in lines)  # "1.市发改委"
        for index, measure in enumerate(measures):
            own = _strip_ordinal(lines[index]) if aligned else units.replace("\n", "、")
            measure.unit_text = measure.unit_text or own

    def finish(self) -> list[TaskDraft]:
        drafts = [d for d in self.drafts if d.measures or d.target]
        if "target" not in self.roles:  # a 重点任务 column only: the target is what the task text commits to
            targets_from_measures(drafts)
        inherit_focus_target(drafts)
        return drafts
