"""Plan-level goals: the 工作目标/总体目标 section a notice states before its tasks.

"一、工作目标" followed by "全年新签约亿元以上项目200个，到位资金增长15%。" commits the whole plan,
not any task: its numbers become the notice's `goals` (indicators), never a task. The section runs
from its heading to the next heading of the same or a higher level. Only the lines before the first
task are read, so a task's own "目标：" field is never taken for a plan goal.
"""

import re

from zhaoshang.notices.indicators import extract_indicators
from zhaoshang.notices.model import Indicator
from zhaoshang.notices.ordinals import LEVEL_CN_PAREN, match_ordinal

_HEADING = re.compile(r"^(?P<prefix>工作|总体|主要|发展|年度|预期|奋斗|全年)?目标(?:任务)?\s*(?:[。：:．.]\s*|$)")
_INLINE = re.compile(r"^[^。；;，,]{1,16}?目标(?:任务)?(?:是|为)?\s*[:：]")  # "2025年全市招商引资目标：…"
_PLAIN_HEADING = re.compile(r"^[^，,。；;：:\d]{2,12}$")  # a short unnumbered line: a heading
_THIS_YEAR = re.compile(r"全年|年内|今年|本年")
_MAX_LINES = 12


def goal_text(lines: list[str]) -> str:
    """The text of every goal section in `lines`, sentences joined."""
    out: list[str] = []
    level = None  # the open section's heading level; 0 for an unnumbered heading
    taken = 0
    for line in lines:
        found = match_ordinal(line)
        rest = found.rest if found else line
        if level is not None and (_closes(found, level, rest) or taken >= _MAX_LINES):
            level = None
        heading = _HEADING.match(rest)
        if level is None and heading and (found or heading.group("prefix")):
            level, taken = (found.level if found else 0), 0
            rest = rest[heading.end():]
        elif level is None:
            inline = None if found else _INLINE.match(rest)
            if inline:
                out.append(rest[inline.end():].strip())  # one labelled line, no section
            continue
        if rest.strip():
            out.append(rest.strip())
            taken += 1
    return "".join(part if part[-1] in "。；;" else part + "。" for part in out)


def _closes(found, level: int, rest: str) -> bool:
    """Whether a line ends the open goal section: a heading of the same or a higher level."""
    if found:
        return found.level <= (level or LEVEL_CN_PAREN)
    return level == 0 and bool(_PLAIN_HEADING.match(rest)) and not _HEADING.match(rest)


def extract_goals(lines: list[str], year: int | None = None) -> list[Indicator]:
    """The plan's goal indicators; "全年…" goals without a year of their own take the notice's year."""
    text = goal_text(lines)
    indicators = extract_indicators(text) if text else []
    if year and _THIS_YEAR.search(text):
        for indicator in indicators:
            indicator.year = indicator.year or year
    return indicators
