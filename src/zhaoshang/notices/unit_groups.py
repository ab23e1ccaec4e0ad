"""The unit group closing a measure: "…产业链。(潜江高新区)", "…（责任单位：A；完成时限：…）", two groups
("…（A）（2025年底前完成）"), a label sentence ("…。责任单位：A、B"), or a group then a deadline run together
from table cells ("…（A） 2025年12月底前"). Groups may nest brackets ("（各县（市、区））").
"""

import re
from dataclasses import replace
from functools import lru_cache

from zhaoshang.notices.deadlines import is_deadline_text
from zhaoshang.notices.units import _CLOSE, _LABEL_ANY, _LABEL_CO, _LABEL_LEAD, _OPEN, UnitSpec, parse_unit_text

_MAX_UNIT_SENTENCE = 80
_TRAILING_LABEL = re.compile(rf"(?:^|(?<=[。；;，,\s]))((?:{_LABEL_LEAD}|{_LABEL_CO}|{_LABEL_ANY})\s*[:：][^。]*)$")


@lru_cache(maxsize=4096)
def split_trailing_group(text: str) -> tuple[str, UnitSpec | None]:
    """Cut the trailing unit group off a measure: "…产业链。(潜江高新区)" → ("…产业链。", spec).

    Units and deadline in two groups ("…（责任单位：A）（完成时限：2025年12月底）") are cut together, and so
    is a deadline written after the group ("…（市商务局） 2025年12月底前": table cells run together).
    """
    body, spec = _split_one(text)
    if spec is None:
        return _group_then_deadline(text) or (body, spec)
    if not (spec.units and spec.deadline_raw):
        more_body, more = _split_one(body)
        if more is not None and bool(more.units) != bool(spec.units):
            lead = spec.lead_labelled if spec.units else more.lead_labelled
            return more_body, UnitSpec(spec.units or more.units, lead, spec.deadline_raw or more.deadline_raw)
    return body, spec


def _group_then_deadline(text: str) -> tuple[str, UnitSpec] | None:
    close = max(text.rfind("）"), text.rfind(")"))
    tail = text[close + 1:].strip(" 。；;，,") if close > 0 else ""
    if not tail or not is_deadline_text(tail):
        return None
    body, spec = _split_one(text[:close + 1])
    if spec is None or not spec.units:
        return None
    return body, replace(spec, deadline_raw=spec.deadline_raw or tail)


def _split_one(text: str) -> tuple[str, UnitSpec | None]:
    body = text.rstrip().rstrip("。；;，,").rstrip()
    if body and body[-1] in _CLOSE:
        start = _group_start(body)
        if start is not None:
            spec = parse_unit_text(body[start + 1:-1])
            if spec and (spec.units or spec.deadline_raw):
                return body[:start].rstrip(), spec
    tail_at = body.rfind("。", 0, len(body) - 1) + 1  # a label sentence is the last one
    if "：" in body[tail_at:] or ":" in body[tail_at:]:
        found = _TRAILING_LABEL.search(body, tail_at)
        if found:
            spec = parse_unit_text(found.group(1))
            if spec and spec.units:
                return body[:found.start(1)].rstrip(), spec
    if 0 < tail_at and len(body) - tail_at <= _MAX_UNIT_SENTENCE and ("牵头" in body[tail_at:] or "负责" in body[tail_at:]):
        spec = parse_unit_text(body[tail_at:])  # "…。省水利厅牵头，省发改委、…等单位配合。"
        if spec and spec.units and spec.lead_labelled:
            return body[:tail_at].rstrip(), spec
    return text.strip(), None


def _group_start(body: str) -> int | None:
    """Index of the bracket opening the group that closes at the end of `body` (nesting allowed)."""
    opening = max(body.rfind("("), body.rfind("（"))
    inner = body[opening + 1:-1]
    if opening >= 0 and ")" not in inner and "）" not in inner:
        return opening  # the usual case: no bracket inside the group
    depth = 0
    for index in range(len(body) - 1, -1, -1):
        ch = body[index]
        if ch in _CLOSE:
            depth += 1
        elif ch in _OPEN:
            depth -= 1
            if depth == 0:
                return index
    return None
