"""Prose lists: numbered items ("一、" "（一）" "1." "第一，" "（1）" "①") that name responsible units.

Forms read: "（一）…（责任单位：A、B；完成时限：2025年12月底）"; "1．…" followed by lines "牵头单位：X" /
"配合单位：…" / "完成时限：…"; "（X牵头，A、B配合；2025年6月底前完成）"; a deadline alone in its own
bracket, with the units in another bracket or on a label line.

Roles come from the item tree (prose_items). An item "names units" when it ends in a unit or deadline
group or has label lines; a heading names none but has sub-items (at any depth) that do.

- A heading is a task when its sub-items restart their numbering under it, it is no "一、" chapter and
  no heading of its level holds further headings: "（一）实施产业链招商行动" over "1.…（A）" "2.…（B）"
  is one task whose headline is its own text and whose measures are its sub-items.
- When sub-items number on across headings ("一、招大引强" "1." "2." "二、优化服务" "3." "4."), and for
  "一、" chapters and levels holding headings, the heading is the 工作重点 (focus) of the tasks below
  it; the nearest heading wins.
- An item naming units and not below a task is a task. Its sub-items, if any, are its measures (its own
  units apply to those naming none); without sub-items it is its own single measure.
- Items below a measure add detail to it (before its unit group).

Sections whose items name no units and no deadline (工作目标, 总体要求, 保障措施) are not tasks. A task
headline stating no number takes its measures' sentences that do as its target.
"""

import re
from dataclasses import dataclass

from zhaoshang.notices.indicators import extract_indicators, number_sentences, target_from_text
from zhaoshang.notices.model import MeasureDraft, TaskDraft
from zhaoshang.notices.ordinals import LEVEL_CN
from zhaoshang.notices.prose_items import Item, read_items
from zhaoshang.notices.unit_groups import split_trailing_group
from zhaoshang.notices.units import format_spec


@dataclass
class ProseResult:
    drafts: list[TaskDraft]
    start: int  # index of the first line of the list
    end: int


def parse_prose(lines: list[str]) -> ProseResult | None:
    """Tasks from the first prose list naming responsible units (a notice's own 一、二、三 requirements,
    ended by its signature, come before the attached list), or None when no list names any."""
    offset = 0
    for _ in range(_MAX_LISTS):  # bounded, so the parse stays linear in the notice's size
        found = _parse_list(lines[offset:])
        if isinstance(found, ProseResult):
            return ProseResult(found.drafts, found.start + offset, found.end + offset)
        if not found:
            return None
        offset += found  # the list named no units: look after it
        if offset >= len(lines):
            break
    return None


_MAX_LISTS = 4


def _parse_list(lines: list[str]) -> "ProseResult | int | None":
    """The first list's tasks; else how many lines to skip to the next list (None when there is none)."""
    roots, start, end = read_items(lines)
    if not roots or end <= 0:
        return None
    items = [item for root in roots for item in (root, *root.descendants())]
    if not any(item.has_units() or _LEAD_GROUP.search(item.text()) for item in items):
        return end
    drafts: list[TaskDraft] = []
    _Roles(items).walk(roots, "", drafts)
    _keep_cut_item(items[-1], drafts)
    for number, draft in enumerate(drafts, start=1):
        draft.number = str(number)
    return ProseResult(drafts, start, end) if drafts else None


_LEAD_GROUP = re.compile(r"[（(][^（()）]{2,80}?牵头[^（()）]{0,40}[）)]|[（(][^（()）]{2,80}$")
_SHORT_HEADING = 30


def _run_on_targets(item: Item) -> list[TaskDraft]:
    """"标题。目标甲。（X牵头）目标乙。（Y牵头）…": targets run together in one paragraph, each closed by its lead."""
    text = item.text()
    groups = list(_LEAD_GROUP.finditer(text))
    if len(groups) < 2 or item.children:
        return []
    end_of_heading = text.find("。") + 1
    focus = _heading(text[:end_of_heading]) if 0 < end_of_heading <= _SHORT_HEADING else ""
    start = end_of_heading if focus else 0
    drafts = []
    for group in groups:
        body = text[start:group.start()].strip()
        closing = group.group(0) if group.group(0)[-1] in "）)" else group.group(0) + "）"  # cut off inside it
        if body:
            drafts.append(TaskDraft("", focus=focus, line=item.line,
                                    measures=[MeasureDraft(body + closing)]))
        elif drafts:  # a group at a line's start: it closes the previous target
            drafts[-1].measures[0].text += closing
        start = group.end()
    return drafts if len(drafts) >= 2 else []


def _keep_cut_item(last: Item, drafts: list[TaskDraft]) -> None:
    """The list's last item cut off before its units (a page or excerpt ends mid-sentence) is still a task."""
    text = last.text().rstrip()
    if (drafts and not last.has_units() and not last.children and text[-1:] not in _SENTENCE_END
            and drafts[-1].line is not None and last.line is not None and last.line > drafts[-1].line):
        drafts.append(_Roles._task(last, drafts[-1].focus, with_measures=False))


_SENTENCE_END = tuple("。；;！!？?）):：")


class _Roles:
    """Which items are headings, task headings and tasks, from where the units are named."""

    def __init__(self, items: list[Item]):
        self.above_units: set[int] = set()  # ids of items with a descendant naming units
        self.run_on = {id(item): found for item in items if (found := _run_on_targets(item))}
        for item in reversed(items):  # document order lists a parent before its sub-items
            names_units = item.has_units() or id(item) in self.run_on
            if item.parent is not None and (names_units or id(item) in self.above_units):
                self.above_units.add(id(item.parent))
        headings = [item for item in items if self.is_heading(item)]
        # Levels whose headings cannot be tasks: sub-items numbered on across them, or one of them
        # holding further headings (its siblings are then sections too, for one granularity per level).
        self.section_levels = {h.level for h in headings if h.children and h.children[0].number > 1}
        self.section_levels |= {h.level for h in headings if any(self.is_heading(c) for c in h.children)}

    def is_heading(self, item: Item) -> bool:
        return not item.has_units() and id(item) in self.above_units and id(item) not in self.run_on

    def is_task_heading(self, item: Item) -> bool:
        if any(id(child) in self.run_on for child in item.children):
            return False  # its sub-items are tasks of their own
        return self.is_heading(item) and item.level != LEVEL_CN and item.level not in self.section_levels

    def walk(self, items: list[Item], focus: str, drafts: list[TaskDraft]) -> None:
        for item in items:
            if id(item) in self.run_on:
                drafts.extend(self.run_on[id(item)])
            elif self.is_task_heading(item):
                drafts.append(self._task(item, focus, with_measures=True))
            elif self.is_heading(item):
                self.walk(item.children, _heading(item.head) or focus, drafts)
            elif item.has_units():
                drafts.append(self._task(item, focus, with_measures=bool(item.children)))

    @staticmethod
    def _task(item: Item, focus: str, with_measures: bool) -> TaskDraft:
        draft = TaskDraft("", focus=focus, line=item.line)
        body, spec = split_trailing_group(item.text())
        if not with_measures:  # the item is its own single measure; target_from_text keeps its numbers
            draft.measures.append(_measure(item))
            draft.target = _with_head(item, target_from_text(body))
            draft.target_derived = "target" not in item.fields
            if "target" in item.fields:
                _add_measure_numbers(draft)
            return draft
        draft.target = _with_head(item, body.rstrip("。；;"))
        draft.unit_text = "；".join(item.labels) or None
        if spec:  # units stated for the whole task apply to measures without their own
            draft.unit_text = "；".join(filter(None, [draft.unit_text, format_spec(spec)]))
        draft.measures = [_measure(child) for child in item.children]
        _add_measure_numbers(draft)
        return draft


def _measure(item: Item) -> MeasureDraft:
    """An item as a measure; its sub-items' text goes in before its unit group."""
    text = item.text().strip()
    details = "".join(d.head for d in item.descendants())
    if details:
        body = split_trailing_group(text)[0]
        text = body + details + text[len(body):]
    return MeasureDraft(text, unit_text="；".join(item.labels) or None)


def _add_measure_numbers(draft: TaskDraft) -> None:
    """A task heading that states no number ("（一）实施产业链招商行动") takes its measures' sentences that do."""
    if extract_indicators(draft.target):
        return
    found = [s for m in draft.measures for s in number_sentences(split_trailing_group(m.text)[0])]
    if found:
        draft.target = "。".join(filter(None, [draft.target.rstrip("。；;"), "；".join(found)]))


def _heading(text: str) -> str:
    text = _HEADING_LABEL.split(text.strip(), maxsplit=1)[0]  # "…工程 工作要求：…": the label opens the body
    return re.sub(r"[。：:]$", "", text.strip())


_HEADING_LABEL = re.compile(r"(?<=.{4})(?=(?:工作要求|任务分工|工作目标|主要任务|责任分工|工作措施)[:：])")


def _with_head(item: Item, fallback: str) -> str:
    """A labelled target ("目标：…") keeps the item's heading in front of it; otherwise the fallback."""
    target = item.fields.get("target")
    if not target:
        return fallback
    head = item.head.strip().rstrip("。；;：:")
    if head and head != target:
        return f"{head}。{target}".rstrip("。")
    return target.rstrip("。")
