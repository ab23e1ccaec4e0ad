"""From layout drafts to tasks: the rules every layout shares (units, deadlines, indicators, warnings).

`year` is the notice's own year (from its title or date): it completes deadlines written without one
("9月底前"). An indicator whose target says 全年/年内/今年 takes its year from the task's deadline.

A task's only measure listing "一是…；二是…" becomes one measure per item (see measures.py); the text
before 一是 is dropped when the target already holds it (a prose task's headline), else it opens the
first measure. "未识别到工作重点" is warned per task only when the notice has 工作重点 at all
(`expect_focus`): a list without a 工作重点 column or headings simply has none, which is nothing to fix.
"""

import re

from zhaoshang.notices.deadlines import parse_deadline
from zhaoshang.notices.indicators import extract_indicators
from zhaoshang.notices.measures import build_measure, split_enumeration
from zhaoshang.notices.model import MeasureDraft, Task, TaskDraft
from zhaoshang.notices.units import parse_unit_text


_THIS_YEAR = re.compile(r"全年|年内|今年|本年")
_DATED_IN_TEXT = re.compile(r"20\d{2}\s*年\s*\d{1,2}\s*月(?:底|末)?(?:前|之前)")
_PUNCTUATION = re.compile(r"[\s。；;，,：:、]")


def build_task(draft: TaskDraft, year: int | None = None, expect_focus: bool = True) -> Task:
    """One task with measures parsed, deadline normalised, indicators read and doubts noted."""
    task = Task(number=draft.number, focus=draft.focus.strip(), target=draft.target.strip(),
                target_derived=draft.target_derived)
    task.warnings = list(draft.warnings)
    fallback = parse_unit_text(draft.unit_text) if draft.unit_text else None
    measure_deadlines = []
    for index, measure_draft in enumerate(_enumerated(draft), start=1):
        measure = build_measure(measure_draft, fallback)
        if not measure.text:
            continue
        if measure.deadline:
            measure_deadlines.append(measure.deadline)
            measure.deadline = parse_deadline(measure.deadline, year).value
        if not measure.units:
            task.warnings.append(f"第{index}条举措未识别到责任单位")
        task.measures.append(measure)
    _set_deadline(task, draft.deadline_raw or (fallback.deadline_raw if fallback else None), measure_deadlines, year)
    task.indicators = extract_indicators(task.target)
    if task.due_date and _THIS_YEAR.search(task.target):
        for indicator in task.indicators:
            indicator.year = indicator.year or task.due_date.year
    if not task.measures:
        task.warnings.append("未识别到工作举措")
    if not task.target:
        task.warnings.append("未识别到目标")
    if not task.focus and expect_focus:
        task.warnings.append("未识别到工作重点")
    return task


def _enumerated(draft: TaskDraft) -> list[MeasureDraft]:
    """The draft's measures, its only measure split when it lists "一是…；二是…"."""
    if len(draft.measures) != 1:
        return draft.measures
    only = draft.measures[0]
    found = split_enumeration(only.text)
    if not found:
        return draft.measures
    lead, items = found
    if lead and _PUNCTUATION.sub("", lead) not in _PUNCTUATION.sub("", draft.target):
        items[0] = lead + items[0]
    return [MeasureDraft(item, only.unit_text, only.deadline_raw) for item in items]


def _set_deadline(task: Task, raw: str | None, measure_deadlines: list[str], year: int | None) -> None:
    if not raw and not measure_deadlines:
        # "…2022年10月底前实现…": a dated deadline written inside a measure's own sentence.
        found = (_DATED_IN_TEXT.search(m.text) for m in task.measures)
        measure_deadlines = [m.group(0) for m in found if m][:1]
    if not raw and measure_deadlines:
        # Prose lists state the deadline per measure: the task is due when its last measure is.
        dated = [(parse_deadline(d, year), d) for d in measure_deadlines]
        raw = max(dated, key=lambda pair: (pair[0].due_date is not None, pair[0].due_date or 0))[1]
    deadline = parse_deadline(raw, year)
    task.deadline, task.deadline_raw, task.due_date = deadline.value, deadline.raw, deadline.due_date
    if raw is None:
        task.warnings.append("未识别到工作时限")
    elif not deadline.understood:
        task.warnings.append(f"工作时限“{raw}”无法识别为具体日期")


def check_numbering(tasks: list[Task]) -> list[str]:
    """A document-level warning when task numbers skip or repeat."""
    numbers = [int(t.number) for t in tasks if t.number.isdigit()]
    expected = list(range(numbers[0], numbers[0] + len(numbers))) if numbers else []
    if numbers != expected:
        return ["任务序号不连续或有重复：" + "、".join(t.number for t in tasks)]
    return []
