"""Prose lists: "一、" headings, "（一）"/"1."/"第一，" items carrying units, optional label lines.

Forms read: "（一）…（责任单位：A、B；完成时限：2025年12月底）"; "1．…" followed by lines
"牵头单位：X" / "配合单位：…" / "完成时限：…"; "（X牵头，A、B配合；2025年6月底前完成）". The deepest level
whose items carry units holds the measures; the level above it (below the "一、" headings) holds the tasks;
deeper items are details of the measure above. Label lines after the last of several sub-items that name
no units ("1.…" "（1）…" "（2）…" "责任单位：…") label the item above them. A task heading stating no
number takes its measures' sentences that do as its target. Sections whose items carry no units and no
deadline (工作目标, 总体要求, 保障措施) are not tasks."""

import re
from dataclasses import dataclass, field

from zhaoshang.notices.header import is_signature
from zhaoshang.notices.indicators import extract_indicators, number_sentences, target_from_text
from zhaoshang.notices.measures import split_inline
from zhaoshang.notices.model import MeasureDraft, TaskDraft
from zhaoshang.notices.ordinals import LEVEL_CN, match_ordinal
from zhaoshang.notices.units import format_spec, is_label_line, parse_unit_text, split_trailing_group

_FIELD = re.compile(r"^(?P<label>(?:工作|主要|具体)?目标(?:任务)?|(?:工作|主要|具体)?(?:举措|措施)|工作(?:内容|任务))\s*[:：]\s*(?P<value>.*)$")
_END = re.compile(r"^(?:抄送|扫一扫|相关链接|打印本页|关闭窗口)")


@dataclass
class _Item:
    """One numbered paragraph with the label lines and fields that follow it."""

    level: int
    head: str  # the item's own text (ordinal removed)
    line: int = 0  # index of the line the item starts on
    labels: list[str] = field(default_factory=list)  # 牵头单位：… lines
    fields: dict[str, str] = field(default_factory=dict)  # 目标：… 举措：…

    def text(self) -> str:
        return self.fields.get("measure") or self.head

    def has_units(self) -> bool:
        if any(parse_unit_text(label) for label in self.labels):
            return True
        spec = split_trailing_group(self.text())[1]
        return bool(spec and (spec.units or spec.deadline_raw))


@dataclass
class ProseResult:
    drafts: list[TaskDraft]
    start: int  # index of the first line of the list
    end: int


def parse_prose(lines: list[str]) -> ProseResult | None:
    """Tasks from a prose list, or None when no item names responsible units."""
    items, start, end = _items(lines)
    unit_levels = sorted({i.level for i in items if i.has_units()})
    if not unit_levels:
        return None
    unit_level = unit_levels[-1]
    above = sorted({i.level for i in items if i.level < unit_level})
    focus_level = above[0] if above and (above[0] == LEVEL_CN or len(above) >= 2 or _headings(items, above[0])) else None
    task_level = next((lv for lv in above if lv != focus_level), unit_level)
    drafts = _drafts(items, focus_level, task_level, unit_level)
    return ProseResult(drafts, start, end) if drafts else None


def _headings(items: list[_Item], level: int) -> bool:
    """Whether a level's items read as short headings (no sentence, no units)."""
    heads = [i for i in items if i.level == level]
    return all(len(i.head) <= 20 and "。" not in i.head.rstrip("。") and not i.has_units() for i in heads)


def _items(lines: list[str]) -> tuple[list[_Item], int, int]:
    items: list[_Item] = []
    start = end = None
    for index, line in enumerate(lines):
        if items and (_END.match(line) or is_signature(lines, index)):
            break
        found = match_ordinal(line)
        if found:
            start = index if start is None else start
            items.append(_Item(found.level, found.rest, index))
        elif not items:
            continue
        elif is_label_line(line):
            items[-1].labels.append(line)
        elif _FIELD.match(line):
            _set_field(items[-1], _FIELD.match(line))
        else:
            _continue(items[-1], line)
        end = index + 1
    return _lift_labels(_split_inline_items(items)), start or 0, end or 0


def _lift_labels(items: list[_Item]) -> list[_Item]:
    """Label lines after the last of several sub-items belong to the item above them when no sub-item
    names units: "1.…" "（1）…" "（2）…" "责任单位：…" labels the measure 1., not its detail （2）."""
    for index, item in enumerate(items):
        if not item.labels:
            continue
        siblings, parent = [], None
        for earlier in reversed(items[:index]):
            if earlier.level < item.level:
                parent = earlier
                break
            if earlier.level == item.level:
                siblings.append(earlier)
        if parent and siblings and not parent.has_units() and not any(s.has_units() for s in siblings):
            parent.labels, item.labels = item.labels, []
    return items


def _set_field(item: _Item, found: re.Match) -> None:
    key = "target" if "目标" in found.group("label") else "measure"
    item.fields[key] = (item.fields.get(key, "") + found.group("value")).strip()


def _continue(item: _Item, line: str) -> None:
    """A wrapped line, or a further paragraph of the same item."""
    if item.fields:
        key = list(item.fields)[-1]
        item.fields[key] += line
    else:
        item.head += line


def _split_inline_items(items: list[_Item]) -> list[_Item]:
    """"（一）…。1.…（A）2.…（B）" in one paragraph: the numbered pieces become items of their own."""
    out = []
    for item in items:
        pieces = split_inline(item.head)
        if len(pieces) < 2 or item.labels:
            out.append(item)
            continue
        first = match_ordinal(pieces[0])
        item.head = "" if first else pieces.pop(0)
        out.append(item)
        for piece in pieces:
            found = match_ordinal(piece)
            out.append(_Item(found.level if found else item.level + 1, found.rest if found else piece, item.line))
    return out


def _drafts(items: list[_Item], focus_level: int | None, task_level: int, unit_level: int) -> list[TaskDraft]:
    drafts: list[TaskDraft] = []
    focus, current = "", None
    for item in items:
        if focus_level is not None and item.level == focus_level:
            focus, current = _heading(item.head), None
        elif item.level == task_level:
            current = _task(item, focus, len(drafts) + 1, task_level == unit_level)
            drafts.append(current)
        elif current is None or item.level <= task_level:
            continue
        elif item.level <= unit_level or not current.measures:
            current.measures.append(_measure(item))  # a measure, or a sub-heading kept as one
        else:
            current.measures[-1].text += item.head  # deeper detail belongs to the measure above
    kept = [d for d in drafts if _is_task(d)]
    for number, draft in enumerate(kept, start=1):
        draft.number = str(number)
        _add_measure_numbers(draft)
    return kept


def _add_measure_numbers(draft: TaskDraft) -> None:
    """A task heading that states no number ("（一）实施产业链招商行动") takes its measures' sentences that do."""
    if extract_indicators(draft.target):
        return
    found = [s for m in draft.measures for s in number_sentences(split_trailing_group(m.text)[0])]
    if found:
        draft.target = "。".join(filter(None, [draft.target.rstrip("。；;"), "；".join(found)]))


def _heading(text: str) -> str:
    return re.sub(r"[。：:]$", "", text.strip())


def _measure(item: _Item) -> MeasureDraft:
    return MeasureDraft(item.text(), unit_text="；".join(item.labels) or None)


def _task(item: _Item, focus: str, number: int, single: bool) -> TaskDraft:
    draft = TaskDraft(str(number), focus=focus, line=item.line)
    body, spec = split_trailing_group(item.text())
    if single:
        draft.measures.append(_measure(item))
        draft.target = _with_head(item, target_from_text(body))
    else:
        draft.target = _with_head(item, body.rstrip("。；;"))
        draft.unit_text = "；".join(item.labels) or None
        if spec:  # units stated for the whole task apply to measures without their own
            draft.unit_text = "；".join(filter(None, [draft.unit_text, format_spec(spec)]))
    return draft


def _with_head(item: _Item, fallback: str) -> str:
    """A labelled target ("目标：…") keeps the item's heading in front of it; otherwise the fallback."""
    target = item.fields.get("target")
    if not target:
        return fallback
    head = item.head.strip().rstrip("。；;：:")
    if head and head != target:
        return f"{head}。{target}".rstrip("。")
    return target.rstrip("。")


def _is_task(draft: TaskDraft) -> bool:
    """Items with neither units nor a deadline anywhere are prose (总体要求, 保障措施), not tasks."""
    if draft.unit_text:
        return True
    return any(split_trailing_group(m.text)[1] or m.unit_text for m in draft.measures)
