"""Prose lists as a tree of numbered items: each item with its text, label lines, fields and sub-items.

An item is a line starting with an ordinal ("一、" "（一）" "1." "第一，" "（1）" "①"); the lines after it
until the next ordinal are its label lines ("牵头单位：…"), fields ("目标：…") or wrapped text. An item's
parent is the nearest earlier item of a higher level. "（一）…。1.…（A）2.…（B）" in one paragraph gives
an item per numbered piece. Label lines after the last of several sub-items that name no units ("1.…"
"（1）…" "（2）…" "责任单位：…") label the item above them.

Text is gathered in lists and joined once, so a long run of wrapped lines costs linear time.
"""

import re
from dataclasses import dataclass, field

from zhaoshang.notices.header import is_signature
from zhaoshang.notices.measures import split_inline
from zhaoshang.notices.ordinals import match_ordinal
from zhaoshang.notices.unit_groups import split_trailing_group
from zhaoshang.notices.units import is_label_line, parse_unit_text

_FIELD = re.compile(r"^(?P<label>(?:工作|主要|具体)?目标(?:任务)?|(?:工作|主要|具体)?(?:举措|措施)|工作(?:内容|任务))\s*[:：]\s*(?P<value>.*)$")
_END = re.compile(r"^(?:抄送|扫一扫|相关链接|打印本页|关闭窗口)")
_STRAY_HEADING = re.compile(r"^[^，,。；;：:、（）()]{2,20}$")  # "第二部分 重点任务": no sentence, no group


@dataclass(eq=False)
class Item:
    """One numbered paragraph with the label lines and fields that follow it, and its sub-items."""

    level: int
    number: int
    head: str  # the item's own text (ordinal removed)
    line: int = 0  # index of the line the item starts on
    labels: list[str] = field(default_factory=list)  # 牵头单位：… lines
    fields: dict[str, str] = field(default_factory=dict)  # 目标：… 举措：…
    parent: "Item | None" = None
    children: list["Item"] = field(default_factory=list)
    _more_head: list[str] = field(default_factory=list)  # wrapped lines, joined by finish()
    _more_field: list[str] = field(default_factory=list)
    _units: bool | None = None

    def text(self) -> str:
        return self.fields.get("measure") or self.head

    def has_units(self) -> bool:
        """Whether the item names units or a deadline (a unit group, or label lines)."""
        if self._units is None:
            self._units = self._find_units()
        return self._units

    def _find_units(self) -> bool:
        if any(parse_unit_text(label) for label in self.labels):
            return True
        spec = split_trailing_group(self.text())[1]
        return bool(spec and (spec.units or spec.deadline_raw))

    def descendants(self):
        for child in self.children:
            yield child
            yield from child.descendants()

    def add_text(self, line: str) -> None:
        """A wrapped line, or a further paragraph of the same item (or of its last field)."""
        (self._more_field if self.fields else self._more_head).append(line)

    def is_closed(self) -> bool:
        """Whether the item's text ends in a closed group ("…（市商务局）"), so a heading may follow."""
        last = self._more_field[-1] if self._more_field else self._more_head[-1] if self._more_head else None
        last = last if last is not None else (list(self.fields.values())[-1] if self.fields else self.head)
        return last.rstrip().rstrip("。；;").endswith(("）", ")"))

    def set_field(self, key: str, value: str) -> None:
        self.finish()
        self.fields[key] = (self.fields.get(key, "") + value).strip()

    def finish(self) -> None:
        """Join the wrapped lines gathered so far onto the head or the last field."""
        if self._more_head:
            self.head += "".join(self._more_head)
            self._more_head = []
        if self._more_field:
            key = list(self.fields)[-1]
            self.fields[key] += "".join(self._more_field)
            self._more_field = []
        self._units = None


def read_items(lines: list[str]) -> tuple[list[Item], int, int]:
    """Top-level items (each with its sub-items), the index of the first item's line and the end."""
    items: list[Item] = []
    start = end = None
    for index, line in enumerate(lines):
        if items and (_END.match(line) or is_signature(lines, index)):
            break
        found = match_ordinal(line)
        if found:
            start = index if start is None else start
            items.append(Item(found.level, found.number, found.rest, index))
            end = index + 1
            continue
        if not items:
            continue
        end = index + 1
        if is_label_line(line):
            items[-1].labels.append(line)
        elif _STRAY_HEADING.match(line) and items[-1].is_closed():
            continue  # an unnumbered heading between items, not the item's text
        elif _FIELD.match(line):
            _set_field(items[-1], _FIELD.match(line))
        else:
            items[-1].add_text(line)
    for item in items:
        item.finish()
    items = _split_inline_items(items)
    roots = _tree(items)
    _lift_labels(items)
    return roots, start or 0, end or 0


def _set_field(item: Item, found: re.Match) -> None:
    key = "target" if "目标" in found.group("label") else "measure"
    item.set_field(key, found.group("value"))


def _split_inline_items(items: list[Item]) -> list[Item]:
    """"（一）…。1.…（A）2.…（B）" in one paragraph: the numbered pieces become items of their own."""
    out = []
    for item in items:
        pieces = split_inline(item.head)
        if len(pieces) < 2 or item.labels:
            out.append(item)
            continue
        first = match_ordinal(pieces[0])
        item.head = "" if first else pieces.pop(0)
        item._units = None
        out.append(item)
        for piece in pieces:
            found = match_ordinal(piece)
            level, number, rest = (found.level, found.number, found.rest) if found else (item.level + 1, 0, piece)
            out.append(Item(level, number, rest, item.line))
    return out


def _tree(items: list[Item]) -> list[Item]:
    """Link each item to its parent (the nearest earlier item of a higher level); the roots in order."""
    roots: list[Item] = []
    stack: list[Item] = []
    for item in items:
        while stack and stack[-1].level >= item.level:
            stack.pop()
        if stack:
            item.parent = stack[-1]
            stack[-1].children.append(item)
        else:
            roots.append(item)
        stack.append(item)
    return roots


def _lift_labels(items: list[Item]) -> None:
    """Label lines after the last of several sub-items belong to the item above them when no sub-item
    names units: "1.…" "（1）…" "（2）…" "责任单位：…" labels the measure 1., not its detail （2）."""
    # Per parent: whether a finished earlier child names units, and the previous child. A child's own
    # sub-items come before its next sibling, so the previous child is final when the next one is read.
    seen: dict[int, tuple[bool, Item]] = {}
    for item in items:
        parent = item.parent
        if parent is None:
            continue
        units, previous = seen.get(id(parent), (False, None))
        units = units or (previous is not None and previous.has_units())
        if item.labels and previous is not None and not units and not parent.has_units():
            parent.labels, item.labels = item.labels, []
            parent._units = item._units = None
        seen[id(parent)] = (units, item)
