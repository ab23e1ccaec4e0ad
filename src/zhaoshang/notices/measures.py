"""Measures (举措): splitting a measures cell into items and reading one item's text and units.

"一是…；二是…；三是…" in a task's only measure lists distinct actions under one unit group: each item
becomes a measure of its own, sharing the group (an office reports per action, and each action may
finish at its own pace). When the author already numbered the measures ("1." "2."), an 一是/二是 list
inside one of them details that measure and is left whole. See split_enumeration and builder.
"""

import re

from zhaoshang.notices.model import Measure, MeasureDraft
from zhaoshang.notices.ordinals import MEASURE_LEVELS, match_ordinal, to_int
from zhaoshang.notices.unit_groups import split_trailing_group
from zhaoshang.notices.units import UnitSpec, is_label_line, parse_unit_text

_INLINE_ORDINAL = re.compile(
    r"(?:^|(?<=[。；;）)\s，,：:]))\s*(?:(\d{1,2})\s*[.．、](?![\d.．])|[（(](\d{1,2})[）)])|([①-⑳])"
)
_ENUMERATOR = re.compile(r"(?:^|(?<=[。；;，,：:\s]))([一二三四五六七八九十]{1,2})是\s*[，,：:]?")
_SECOND_ORDINAL = re.compile(r"[。；;）)\s，,：:]\s*(?:2\s*[.．、]|[（(]2[）)])|②")


def measure_ordinal(line: str):
    """The ordinal a measure line starts with ("1." "（1）" "1、" "①"), or None."""
    found = match_ordinal(line)
    return found if found and found.level in MEASURE_LEVELS else None


def split_measure_lines(lines: list[str]) -> list[MeasureDraft]:
    """Group cell lines into measures: a new measure at each ordinal in sequence; label lines attach.

    "2." alone on a line takes the next line as its text. An ordinal out of sequence or of another
    style (a wrapped line starting "3、" inside measure 1) continues the current measure.
    """
    drafts: list[MeasureDraft] = []
    labels: list[list[str]] = []
    level, expected = None, 1
    for line in (piece for line in lines for piece in split_inline(line)):
        found = measure_ordinal(line)
        # The first ordinal may be any number (a list continued from a previous row); then in sequence.
        if found and (level is None or (found.level == level and found.number == expected)):
            level, expected = found.level, found.number + 1
            drafts.append(MeasureDraft(line))
            labels.append([])
        elif is_label_line(line) and drafts:
            labels[-1].append(line)
        elif drafts:
            drafts[-1].text += line
        else:
            drafts.append(MeasureDraft(line))
            labels.append([])
    for draft, own in zip(drafts, labels):
        if own:
            draft.unit_text = "；".join(own)
    return drafts


def split_inline(text: str) -> list[str]:
    """Break one paragraph holding "1.…（A）2.…（B）" (or ①②, （1）（2）) into its numbered items.

    Ordinals count only in sequence from 1, in one style, at the start or after punctuation;
    text before the first ordinal stays as its own piece. One ordinal alone splits nothing.
    """
    if not _SECOND_ORDINAL.search(text):
        return [text]
    starts, expected, style = [], 1, None
    for found in _INLINE_ORDINAL.finditer(text):
        kind = next(i for i, g in enumerate(found.groups()) if g)
        raw = found.group(kind + 1)
        number = ord(raw) - ord("①") + 1 if kind == 2 else int(raw)
        if number == expected and style in (None, kind):
            starts.append(found.start())
            style, expected = kind, expected + 1
    if len(starts) < 2:
        return [text]
    pieces = [text[:starts[0]]] + [text[a:b] for a, b in zip(starts, starts[1:] + [len(text)])]
    return [piece.strip() for piece in pieces if piece.strip()]


def split_enumeration(text: str) -> tuple[str, list[str]] | None:
    """"强化平台招商。一是…；二是…。（A）" → ("强化平台招商。", ["…。（A）", "…。（A）"]), or None.

    Items count only in sequence from 一是; the trailing unit group goes with every item that has none.
    """
    if "二是" not in text:
        return None
    text = text.strip()
    body = split_trailing_group(text)[0]
    group = text[len(body):]
    starts, expected = [], 1
    for found in _ENUMERATOR.finditer(body):
        if to_int(found.group(1)) == expected:
            starts.append(found)
            expected += 1
    if len(starts) < 2:
        return None
    ends = [found.start() for found in starts[1:]] + [len(body)]
    items = [_enumerated_item(body[found.end():end], group) for found, end in zip(starts, ends)]
    return body[:starts[0].start()].strip(), [item for item in items if item]


def _enumerated_item(piece: str, group: str) -> str:
    piece = piece.strip().rstrip("；;，,。 ")
    if not piece:
        return ""
    own_body, own = split_trailing_group(piece)
    if own is not None:  # "一是…（A）；二是…（B）": the item keeps its own group
        return own_body.rstrip("；;，,。") + "。" + piece[len(own_body):]
    return piece + "。" + group


def build_measure(draft: MeasureDraft, fallback: UnitSpec | None) -> Measure:
    """Strip the ordinal and the trailing unit group; units from the group, else the side column."""
    found = measure_ordinal(draft.text)
    text = found.rest if found else draft.text
    body, spec = split_trailing_group(text.strip())
    if spec is None or not spec.units:
        side = parse_unit_text(draft.unit_text) if draft.unit_text else None
        deadline = spec.deadline_raw if spec else None
        spec = side or fallback or spec
        if spec and deadline and not spec.deadline_raw:
            spec = UnitSpec(spec.units, spec.lead_labelled, deadline)
    measure = Measure(body)
    if spec:
        measure.units, measure.lead_labelled = list(spec.units), spec.lead_labelled
        measure.deadline = spec.deadline_raw or draft.deadline_raw
    else:
        measure.deadline = draft.deadline_raw
    return measure
