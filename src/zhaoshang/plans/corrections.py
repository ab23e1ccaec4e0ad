"""The office's corrections to a parsed notice, kept beside the parse (never instead of it). Pure, no database.

A correction is one dict: {"field", "task" (number or None), "measure" (1-based ordinal or None),
"anchor" (the measure's parsed text, to find it again in a revision), "parsed" (what the parser read),
"value" (what the office set), "typed" (the text as typed), "carried" (taken over from the previous import)}.
The parse stays what the parser read, so a revised notice can tell which mistakes it repeats: a correction is
carried over when the revision's parse of that field is still the value the office corrected.
"""

import datetime
import re
from copy import deepcopy

from zhaoshang.notices.deadlines import LONG_TERM, parse_deadline
from zhaoshang.notices.indicators import extract_indicators

HEADER_FIELDS = {"title": "任务清单名称", "doc_number": "文号", "date": "成文日期"}
TASK_FIELDS = {"focus": "工作重点", "target": "目标", "deadline": "时限"}
MEASURE_FIELDS = {"text": "举措内容", "units": "责任单位"}
MAX_LENGTHS = {"title": 200, "doc_number": 100, "focus": 100}

_DATE = re.compile(r"^(\d{4})\s*(?:[-/.年])\s*(\d{1,2})\s*(?:[-/.月])\s*(\d{1,2})\s*日?$")
_UNIT_SPLIT = re.compile(r"[、,，;；\s]+")


class CorrectionError(ValueError):
    """A typed value that cannot be used; the message is Chinese and shown next to the field."""


def correction_key(item: dict) -> tuple:
    return item.get("task"), item.get("measure"), item["field"]


def field_label(item: dict) -> str:
    """Where a correction sits, in words: "任务3 举措2 责任单位"."""
    if item.get("task") is None:
        return HEADER_FIELDS[item["field"]]
    where = f"任务{item['task']}"
    if item.get("measure"):
        return f"{where} 举措{item['measure']} {MEASURE_FIELDS[item['field']]}"
    return f"{where} {TASK_FIELDS[item['field']]}"


def shown(field: str, value) -> str:
    """A field's value as the office reads and types it."""
    if value is None:
        return ""
    if field == "units":
        return "、".join(value)
    if field == "deadline" and value == LONG_TERM:
        return "长期"
    return str(value)


# -- reading what the office typed ---------------------------------------------------------------------

def read_date(typed: str) -> str | None:
    """"2025-03-01", "2025年3月1日", "2025/3/1" → ISO date; empty → None."""
    if not typed:
        return None
    found = _DATE.match(typed)
    try:
        if not found:
            raise ValueError
        return datetime.date(*(int(g) for g in found.groups())).isoformat()
    except ValueError:
        raise CorrectionError(f"日期“{typed}”无法识别，请按“2025-03-01”或“2025年3月1日”填写") from None


def read_deadline(typed: str, year: int | None) -> dict:
    """A typed deadline as the parser's code with its last day; a deadline with no date in it is refused."""
    if not typed:
        return {"value": None, "due_date": None}
    deadline = parse_deadline(typed, year)
    if deadline.value != LONG_TERM and deadline.due_date is None and not deadline.recurring:
        raise CorrectionError(f"时限“{typed}”无法识别，请填写如“2025年12月”“2025年底”“长期”“每季度”")
    return {"value": deadline.value, "due_date": deadline.due_date.isoformat() if deadline.due_date else None}


def split_units(typed: str) -> list[str]:
    """"市商务局、市发改委" → names in order (lead first), each once."""
    return list(dict.fromkeys(name for name in _UNIT_SPLIT.split(typed) if name))


def read_text(field: str, typed: str, parsed) -> str:
    if not typed and (field in ("title", "text") or parsed):
        raise CorrectionError(f"{({**HEADER_FIELDS, **TASK_FIELDS, **MEASURE_FIELDS})[field]}不能为空")
    limit = MAX_LENGTHS.get(field)
    if limit and len(typed) > limit:
        raise CorrectionError(f"不能超过{limit}个字（现为{len(typed)}个字）")
    return typed


# -- the parse's fields and applying corrections -------------------------------------------------------

def _task_by_number(parsed: dict, number) -> dict | None:
    return next((t for t in parsed["tasks"] if t["number"] == number), None)


def parsed_value(parsed: dict, item: dict):
    """The parse's value of the field a correction names, or KeyError when the parse has no such field."""
    if item.get("task") is None:
        return parsed.get(item["field"])
    task = _task_by_number(parsed, item["task"])
    if task is None:
        raise KeyError(item["task"])
    if item.get("measure"):
        return task["measures"][item["measure"] - 1][item["field"]]
    return task.get(item["field"])


def corrections_apply(parsed: dict, corrections: list[dict] | None) -> dict:
    """The parse with the office's corrections written in; the stored parse is not changed."""
    if not corrections:
        return parsed
    out = deepcopy(parsed)
    for item in corrections:
        field, value = item["field"], item["value"]
        if item.get("task") is None:
            out[field] = value
            continue
        task = _task_by_number(out, item["task"])
        if task is None:
            continue
        if item.get("measure"):
            if item["measure"] <= len(task["measures"]):
                task["measures"][item["measure"] - 1][field] = value
            continue
        task[field] = value
        if field == "deadline":
            task["deadline_raw"], task["due_date"] = item.get("typed") or None, item.get("due_date")
        elif field == "target":
            task["indicators"] = [i.to_dict() for i in extract_indicators(value or "")]
            task["target_derived"] = False
    return out


def corrections_carry_over(previous: list[dict], parsed: dict) -> tuple[list[dict], list[dict]]:
    """The previous import's corrections that still apply to a revision's parse, and those that do not.

    A correction carries over when the revision's parser still reads the corrected field as it did then: the
    same mistake, corrected the same way. A measure is found again by its parsed text, so a measure inserted
    above it does not lose its correction. Anything the revision changed is left to the new notice.
    """
    carried, dropped = [], []
    for item in previous:
        moved = _locate(parsed, item)
        if moved is None:
            dropped.append(item)
        else:
            carried.append({**moved, "carried": True})
    return carried, dropped


def _locate(parsed: dict, item: dict) -> dict | None:
    if item.get("task") is not None and item.get("measure"):
        task = _task_by_number(parsed, item["task"])
        if task is None:
            return None
        texts = [m["text"] for m in task["measures"]]
        same_place = item["measure"] <= len(texts) and texts[item["measure"] - 1] == item.get("anchor")
        if not same_place and item.get("anchor") not in texts:
            return None
        item = {**item, "measure": item["measure"] if same_place else texts.index(item["anchor"]) + 1}
    try:
        return item if parsed_value(parsed, item) == item["parsed"] else None
    except (KeyError, IndexError):
        return None


# -- the correction form's fields ------------------------------------------------------------------------

def form_fields(parsed: dict) -> list[dict]:
    """Every correctable field of a parse in page order, with its form name: "fix:date", "fix:t0:deadline",
    "fix:t0:m2:units" (tasks by position, measures by ordinal, so odd task numbers never reach a name)."""
    fields = [{"name": f"fix:{f}", "field": f, "task": None, "measure": None, "anchor": None, "parsed": parsed.get(f)}
              for f in HEADER_FIELDS]
    for index, task in enumerate(parsed["tasks"]):
        fields += [{"name": f"fix:t{index}:{f}", "field": f, "task": task["number"], "measure": None, "anchor": None,
                    "parsed": task.get(f)} for f in TASK_FIELDS]
        for ordinal, measure in enumerate(task["measures"], start=1):
            fields += [{"name": f"fix:t{index}:m{ordinal}:{f}", "field": f, "task": task["number"], "measure": ordinal,
                        "anchor": measure["text"], "parsed": measure[f]} for f in MEASURE_FIELDS]
    return fields


def typed_value(spec: dict, correction: dict | None) -> str:
    """What the field's input shows: the office's typing when corrected, else the parse."""
    return correction["typed"] if correction else shown(spec["field"], spec["parsed"])
