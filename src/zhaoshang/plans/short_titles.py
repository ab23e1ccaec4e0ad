"""A task's short title (简称) derived from the notice's words: pure, no database.

"任务1…任务18" say nothing; a clerk names tasks by what they are about. When every measure of a task opens with a
heading ("石油化工。聚焦…"), the headings name it ("石油化工、盐化工等"); otherwise the first clause of its target
("传统产业延链升级"), or of its first measure when several tasks share one target. The office may edit it."""

import re

MAX_LENGTH = 12
# a heading: 2–6 characters without punctuation, closed by a full stop ("石油化工。", "小龙虾深加工。")
HEADING = re.compile(r"^\s*\d*[.．、]?\s*([^\s，,。；;：:、（）()“”\"《》]{2,6})[。.]")
CLAUSE_END = re.compile(r"[，,。；;：:、（(]")
QUOTES = re.compile(r"[“”\"'‘’《》「」\s]")
LEADING_YEAR = re.compile(r"^\d{4}年")
# verbs a long clause may lose without losing its meaning ("建立全市工业企业人才需求库" → "全市工业企业人才需求库")
LEADING_VERBS = ("持续推进", "运用好", "建立", "形成", "确保", "新增", "实现", "强化", "推进", "持续", "加快", "通过", "力争")


def measure_heading(text: str) -> str:
    match = HEADING.match(text or "")
    return match.group(1) if match else ""


def clip(text: str, limit: int = MAX_LENGTH) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def first_clause(text: str) -> str:
    """The opening clause, without quotes, spaces or a leading year; shortened by a leading verb when too long."""
    clause = next((part for part in CLAUSE_END.split(QUOTES.sub("", text or "")) if part), "")
    clause = LEADING_YEAR.sub("", clause)
    if len(clause) > MAX_LENGTH:
        verb = next((v for v in LEADING_VERBS if clause.startswith(v)), "")
        clause = clause[len(verb):]
    return clause


def _join_headings(headings: list[str]) -> str:
    title = headings[0]
    for index, heading in enumerate(headings[1:], start=1):
        more = index + 1 < len(headings)
        candidate = f"{title}、{heading}"
        if len(candidate) + (1 if more else 0) > MAX_LENGTH:
            return clip(title + "等")
        title = candidate
    return clip(title)


def derive_short_title(*, measures: list[str], target: str = "", focus: str = "", shared_target: bool = False) -> str:
    """The short title of a task from its measures' texts, its target's text and its focus (≤ 12 characters)."""
    headings = [measure_heading(text) for text in measures]
    if headings and all(headings):
        return _join_headings(headings)
    source = (measures[0] if measures else "") if shared_target or not target else target
    return clip(first_clause(source) or first_clause(target) or focus)
