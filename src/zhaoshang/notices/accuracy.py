"""Field accuracy of a parse against a hand-made truth file (the corpus format of bench/parse_corpus.py).

Truth: {title, date, doc_number, tasks[{number, focus, target, deadline, measures[{text_start,
lead_unit, co_units}]}]}. Fields scored: title, 文号, date; per truth task: found, focus, target
(first 12 characters), deadline, number of measures; per truth measure: text start and units in order.
Tasks and measures are matched by position. Text is compared in simplified characters, without
spaces, pinyin artefacts ("發(fā)") or a trailing full stop, so that a traditional-character truth and a
simplified parse of the same notice agree.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from zhaoshang.notices.script import to_simplified

_PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)")
_SPACE = re.compile(r"\s+")
_TRAILING = re.compile(r"[。.;；,，:：]+$")


@dataclass
class Score:
    """Correct and total fields of one document, and the names of the fields it got wrong."""

    name: str
    correct: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        return self.correct / self.total if self.total else 1.0

    def check(self, label: str, ok: bool) -> None:
        self.total += 1
        if ok:
            self.correct += 1
        else:
            self.misses.append(label)


def norm(text: str | None) -> str:
    """Text as compared: simplified, NFKC (full-width punctuation as ASCII), no spaces or trailing stop."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", to_simplified(_PINYIN.sub("", text), always=True))
    return _TRAILING.sub("", _SPACE.sub("", text))


def score(parsed: dict, truth: dict, name: str = "") -> Score:
    """Compare `ParsedNotice.to_dict()` (or None when the parse failed) with a truth dict."""
    result = Score(name)
    parsed = parsed or {"tasks": []}
    # The truth's title is the notice's own title, else the list's: the parse keeps both (notice_title, title).
    result.check("title", norm(truth.get("title")) in {norm(parsed.get("notice_title") or parsed.get("title")),
                                                        norm(parsed.get("title"))})
    result.check("doc_number", norm(parsed.get("doc_number")) == norm(truth.get("doc_number")))
    result.check("date", (parsed.get("date") or None) == (truth.get("date") or None))
    tasks = parsed.get("tasks") or []
    for index, expected in enumerate(truth.get("tasks") or []):
        got = tasks[index] if index < len(tasks) else None
        label = f"task{expected.get('number') or index + 1}"
        result.check(f"{label}.found", got is not None)
        got = got or {"measures": []}
        result.check(f"{label}.focus", norm(got.get("focus")) == norm(expected.get("focus")))
        target = "" if got.get("target_derived") else got.get("target")  # truth: only a 目标 column's text
        result.check(f"{label}.target", norm(target)[:12] == norm(expected.get("target"))[:12])
        result.check(f"{label}.deadline", norm(got.get("deadline")) == norm(expected.get("deadline")))
        measures = got.get("measures") or []
        result.check(f"{label}.measures", len(measures) == len(expected.get("measures") or []))
        for m_index, want in enumerate(expected.get("measures") or []):
            have = measures[m_index] if m_index < len(measures) else {"text": "", "units": []}
            start = norm(want.get("text_start"))
            result.check(f"{label}.m{m_index + 1}.text", bool(start) and norm(have.get("text")).startswith(start))
            units = ([want["lead_unit"]] if want.get("lead_unit") else []) + list(want.get("co_units") or [])
            result.check(f"{label}.m{m_index + 1}.units", [norm(u) for u in have.get("units") or []]
                         == [norm(u) for u in units])
    return result
