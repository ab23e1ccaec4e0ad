"""Responsible units (责任单位): finding the unit group of a measure, splitting it, 牵头/配合 labels.

Accepted forms: a trailing "(A、B)" / "（A、B）"; "（责任单位：A、B；完成时限：…）"; "（X牵头，A、B配合）";
label lines "牵头单位：X" / "配合单位：…" / "责任单位：…"; "X（牵头）、A"; "A、B按职责分工负责"; an
unlabelled deadline part "（X牵头；2025年6月底前完成）"; styles mixed in one group ("（X牵头；配合单位：A、B）",
lead first, then the co-units); a group holding only a deadline ("（2025年底前完成）"), read as a spec
without units. Without labels the first unit is the lead (责任单位2个及以上的，排名第一的是牵头单位).
"""

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from zhaoshang.notices.deadlines import is_deadline_text

# Endings of Chinese body names: 局 委 办 … ; a name must end with one of them to count as a unit.
UNIT_SUFFIXES = (
    "局", "委", "办", "区", "县", "镇", "街道", "集团", "公司", "中心", "部", "会", "院", "所", "站", "队",
    "科", "处", "室", "厅", "组", "团", "社", "联", "馆", "府", "办事处", "专班", "机构", "协会", "商会", "银行",
    "单位", "学校", "署", "管委会", "指挥部", "分局", "支队", "大队", "海关", "电视台", "部门", "企业",
)
_SUFFIX_RE = re.compile("(?:" + "|".join(sorted(map(re.escape, UNIT_SUFFIXES), key=len, reverse=True)) + r")$")
_BAD_IN_UNIT = re.compile(r"[。！？!?“”\"《》:：]|\d+\s*[年月日%％个家项]|[，,].*[，,]")
_SEPARATORS = "、，,；;/／ "
_SEPARATOR_RE = re.compile(r"[、，,；;/／ ]")
_BRACKETS = re.compile(r"[（()）]")
_LABEL_LEAD = r"(?:牵头(?:单位|部门)?|主办(?:单位)?)"
_LABEL_CO = r"(?:配合(?:单位|部门)?|协办(?:单位)?|参与(?:单位)?)"
_LABEL_ANY = r"(?:(?:主要)?责任(?:单位|部门|主体)|承办(?:单位)?|实施(?:单位|主体))"
_LABEL_DEADLINE = r"(?:完成(?:时限|时间|期限)|(?:工作)?时限|时间节点)"
_LABEL_IGNORED = r"(?:(?:责任|分管|牵头|联系)(?:市)?领导|联系人|联系电话)"  # people, not units
_LABELS = rf"(?:{_LABEL_LEAD}|{_LABEL_CO}|{_LABEL_ANY}|{_LABEL_DEADLINE}|{_LABEL_IGNORED})"
_LABELLED_PART = re.compile(
    rf"(?P<label>{_LABELS})\s*[:：]\s*(?P<value>[^；;:：]*?)\s*(?=[；;]|$|{_LABELS}\s*[:：])"
)
_IS_DEADLINE_LABEL, _IS_LEAD_LABEL, _IS_CO_LABEL, _IS_IGNORED_LABEL = (
    re.compile(p) for p in (_LABEL_DEADLINE, _LABEL_LEAD, _LABEL_CO, _LABEL_IGNORED)
)
_LABEL_LINE = re.compile(rf"^{_LABELS}\s*[:：]")
_TRAILING_REMARK = re.compile(r"[（(][^（()）]*[）)]$")
_LIST_NOISE = re.compile(r"^(?:和|及|以及|与|由)|等$|等(?:相关|有关)?(?:单位|部门)$")
_LEAD_CO = re.compile(
    r"^(?P<lead>.+?)\s*(?:牵头(?:负责|抓总|落实)?|为牵头单位|负责)\s*[，,；;、]?"
    r"\s*(?:(?P<co>.+?)\s*(?:配合|协助|参与|协同|负责|落实))?$"
)
_INLINE_LEAD = re.compile(r"[（(]\s*牵头(?:单位)?\s*[）)]")
_SHARED_DUTY = re.compile(r"\s*(?:按(?:照)?(?:各自)?职[责能](?:分工)?|依职责|分别|共同|各自)(?:负责|落实|推进|抓好落实)?$")
_LEADS_THEN_SHARED = re.compile(r"^(?P<lead>.+?)\s*牵头(?:负责)?\s*[，,；;]\s*(?P<co>.+)$")
_PART_SEP = re.compile(r"([；;，,])")
_DEADLINE_HINT = re.compile(r"\d|长期|持续|常态|长效|每|年底|年内|季度|半年")
_OPEN, _CLOSE = "（(", "）)"  # also read by unit_groups
_MAX_UNIT_TEXT = 400  # longer than any list of responsible units


@dataclass(frozen=True)
class UnitSpec:
    """Units read from one group or label set; lead first. Frozen: parses are cached and shared."""

    units: list[str] = field(default_factory=list)
    lead_labelled: bool = False
    deadline_raw: str | None = None


def is_unit_name(name: str) -> bool:
    """Whether a short string reads as the name of a body (市发改委, 潜江高新区, 各产业链招商专班)."""
    name = name.strip()
    if not 2 <= len(name) <= 30 or _BAD_IN_UNIT.search(name):
        return False
    return bool(_SUFFIX_RE.search(_strip_nested(name)))


def _strip_nested(name: str) -> str:
    """"各县（市、区）" → "各县"… only for the suffix check: a name may end in a parenthesised remark."""
    return _TRAILING_REMARK.sub("", name) or name


def split_units(text: str) -> list[str]:
    """Split a unit list on 、，,；; (not inside brackets), and on 和/及 only between two full unit names."""
    if not _BRACKETS.search(text):
        parts = _SEPARATOR_RE.split(text)
    else:
        parts = _split_outside_brackets(text)
    names = []
    for part in parts:
        part = _LIST_NOISE.sub("", part.strip()).strip()
        names.extend(_split_conjunction(part))
    return [n for n in dict.fromkeys(names) if n]


def _split_outside_brackets(text: str) -> list[str]:
    parts, depth, current = [], 0, []
    for ch in text:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        if depth == 0 and ch in _SEPARATORS:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def _split_conjunction(name: str) -> list[str]:
    for word in ("以及", "和", "及", "与"):
        index = name.find(word)
        while index > 0:
            left, right = name[:index], name[index + len(word):]
            if is_unit_name(left) and _SUFFIX_RE.search(left) and is_unit_name(right) and len(right) >= 3:
                return _split_conjunction(left) + _split_conjunction(right)
            index = name.find(word, index + 1)
    return [name]


@lru_cache(maxsize=4096)
def parse_unit_text(text: str) -> UnitSpec | None:
    """Read a unit group's content or a label line; None when it names neither units nor a deadline.

    A group holding only a deadline ("2025年底前完成") gives a spec without units.
    """
    text = text.strip().strip("。；;，,").strip()
    if not text or len(text) > _MAX_UNIT_TEXT:
        return None
    if _LABELLED_PART.search(text):
        return _parse_labelled(text)
    text, deadline = _cut_deadline(text) if _DEADLINE_HINT.search(text) else (text, None)
    spec = _parse_names(text) if text else UnitSpec(deadline_raw=deadline) if deadline else None
    return replace(spec, deadline_raw=deadline) if deadline and spec else spec


def _cut_deadline(text: str) -> tuple[str, str | None]:
    """"X牵头，A配合；2025年6月底前完成" → ("X牵头，A配合", "2025年6月底前完成")."""
    pieces = _PART_SEP.split(text)
    parts, seps = pieces[0::2], pieces[1::2]
    dated = [i for i, part in enumerate(parts) if is_deadline_text(part.strip())]
    if not dated:
        return text, None
    kept = ""
    for index, part in enumerate(parts):
        if index not in dated:
            kept += (seps[index - 1] if kept and index else "") + part
    return kept.strip().strip("；;，,"), parts[dated[-1]].strip()


def _parse_names(text: str) -> UnitSpec | None:
    """A group without labels: "X牵头，A、B配合", "A（牵头）、B", "A、B按职责分工负责" or a plain list."""
    shared = _SHARED_DUTY.sub("", text)
    if shared != text and shared:
        joint = _LEADS_THEN_SHARED.match(shared)  # "A、B牵头，C及D按职责分工负责"
        if joint:
            lead, co = split_units(joint.group("lead")), split_units(joint.group("co"))
            if lead and co and all(is_unit_name(n) for n in lead + co):
                return UnitSpec(lead + [n for n in co if n not in lead], lead_labelled=True)
        return _parse_plain(shared)
    found = _LEAD_CO.match(text)
    if found and not _INLINE_LEAD.search(text):
        lead, co = split_units(found.group("lead")), split_units(found.group("co") or "")
        if lead and all(is_unit_name(n) for n in lead + co):
            return UnitSpec(lead + [n for n in co if n not in lead], lead_labelled=True)
    return _parse_plain(text)


def _parse_plain(text: str) -> UnitSpec | None:
    lead = []
    if "★" in text:  # "★区发改委、统计局": the star marks the lead
        names = split_units(text)
        lead = [n.strip("★") for n in names if "★" in n]
        rest = [n for n in names if "★" not in n]
        if lead and all(is_unit_name(n) for n in lead + rest):
            return UnitSpec(lead + rest, lead_labelled=True)
        return None
    if _INLINE_LEAD.search(text):  # "市商务局（牵头）、市发改委"
        names = split_units(text)
        lead = [_INLINE_LEAD.sub("", n) for n in names if _INLINE_LEAD.search(n)]
        rest = [n for n in names if not _INLINE_LEAD.search(n)]
        if lead and all(is_unit_name(n) for n in lead + rest):
            return UnitSpec(lead + rest, lead_labelled=True)
        return None
    names = split_units(text)
    if names and all(is_unit_name(n) for n in names):
        return UnitSpec(names)
    return None


def _parse_labelled(text: str) -> UnitSpec | None:
    """Labelled parts, and unlabelled ones between them: "市商务局牵头；配合单位：A、B" reads lead first."""
    lead, co, others, free, deadline, labelled = [], [], [], [], None, False
    for label, value in _labelled_parts(text):
        if label is None:  # an unlabelled part: "X牵头", a plain unit list, or a deadline
            spec = parse_unit_text(value)
            if spec and spec.deadline_raw:
                deadline = deadline or spec.deadline_raw
            if spec and spec.lead_labelled:
                lead += spec.units
            elif spec:
                free += spec.units
            continue
        if _IS_DEADLINE_LABEL.fullmatch(label):
            deadline = value or None
            continue
        if _IS_IGNORED_LABEL.fullmatch(label):
            continue
        if _DEADLINE_HINT.search(value):  # "责任单位：A、B，长期坚持": the deadline closes the last value
            value, cut = _cut_deadline(value)
            deadline = deadline or cut
        inner = parse_unit_text(value)  # values hold no further labels, so this cannot recurse twice
        names = inner.units if inner else [n for n in split_units(value) if len(n) >= 2]  # a label vouches for odd names
        if _IS_LEAD_LABEL.fullmatch(label):
            lead += names
        elif _IS_CO_LABEL.fullmatch(label):
            co += names
        else:
            others += names
            labelled = labelled or bool(inner and inner.lead_labelled)
    if not (lead or co or others or free or deadline):
        return None
    units = list(dict.fromkeys(lead + free + co + others))
    return UnitSpec(units, lead_labelled=bool(lead) or labelled or bool(free and co), deadline_raw=deadline)


def _labelled_parts(text: str):
    """(label, value) for each labelled part, and (None, text) for each unlabelled part between them."""
    position = 0
    for part in _LABELLED_PART.finditer(text):
        yield from _free_parts(text[position:part.start()])
        yield part.group("label"), part.group("value").strip().strip("。，,")
        position = part.end()
    yield from _free_parts(text[position:])


def _free_parts(text: str):
    for piece in re.split(r"[；;]", text):
        piece = piece.strip().strip("。，,、").strip()
        if piece:
            yield None, piece


def format_spec(spec: UnitSpec) -> str:
    """A spec back as label text that parse_unit_text reads to the same spec."""
    if spec.lead_labelled and spec.units:
        parts = [f"牵头单位：{spec.units[0]}"] + ([f"配合单位：{'、'.join(spec.units[1:])}"] if spec.units[1:] else [])
    else:
        parts = [f"责任单位：{'、'.join(spec.units)}"] if spec.units else []
    if spec.deadline_raw:
        parts.append(f"完成时限：{spec.deadline_raw}")
    return "；".join(parts)


def is_label_line(line: str) -> bool:
    """A line such as "牵头单位：市商务局" or "完成时限：2025年6月底前"."""
    return ("：" in line or ":" in line) and bool(_LABEL_LINE.match(line.strip()))
