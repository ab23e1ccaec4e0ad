"""The preview an office user checks before confirming an import: units, doubtful fields, changes, and the form
in which the office corrects the parse (with the corrections carried over from the plan's previous import)."""

import re
from dataclasses import dataclass, field

from zhaoshang.accounts.models import Unit
from zhaoshang.accounts.resolution import Resolution, resolve_unit_names
from zhaoshang.plans.diff import Change, notice_diff
from zhaoshang.plans.corrections import correction_key, field_label, form_fields, shown, typed_value
from zhaoshang.plans.models import NoticeUpload
from zhaoshang.plans.selectors import plan_as_notice
from zhaoshang.plans.services.corrections import corrected_parse, corrections_carried
from zhaoshang.plans.services.importing import notice_names


@dataclass
class ImportPreview:
    upload: NoticeUpload
    parsed: dict
    resolutions: dict[str, Resolution]
    changes: list[Change] | None  # None for a new plan
    fix: dict = field(default_factory=dict)  # form name -> {"name", "value", "error", "correction"}
    dropped: list[dict] = field(default_factory=list)  # the previous import's corrections this revision made moot

    @property
    def corrections(self) -> list[dict]:
        """The office's corrections, in words: where, what the parser read, what it is now, carried over or not."""
        return [{**c, "label": field_label(c), "was": shown(c["field"], c["parsed"]) or "（空）",
                 "now": shown(c["field"], c["value"]) or "（空）"} for c in self.upload.corrections or []]

    @property
    def carried(self) -> list[dict]:
        return [c for c in self.corrections if c.get("carried")]

    @property
    def dropped_labels(self) -> list[str]:
        return [field_label(c) for c in self.dropped]

    @property
    def header_fix(self) -> dict:
        return {name: self.fix[f"fix:{name}"] for name in ("title", "doc_number", "date")}

    @property
    def fix_errors(self) -> bool:
        return any(f["error"] for f in self.fix.values())

    @property
    def unresolved(self) -> list[Resolution]:
        return [r for r in self.resolutions.values() if not r.resolved]

    @property
    def fuzzy(self) -> list[Resolution]:
        return [r for r in self.resolutions.values() if r.how == "fuzzy"]

    @property
    def warnings(self) -> list[str]:
        found = list(self.parsed.get("warnings") or [])
        for task in self.parsed["tasks"]:
            found += [f"任务{task['number']}：{w}" for w in task.get("warnings") or []]
        return found

    @property
    def header_doubts(self) -> dict[str, list[str]]:
        """The notice-level warnings by field (title, issuer, doc_number, date, other), shown beside the header."""
        out: dict[str, list[str]] = {}
        for warning in self.parsed.get("warnings") or []:
            out.setdefault(_header_field(warning), []).append(warning)
        return out

    @property
    def tasks(self) -> list[dict]:
        """The parsed tasks, each measure's units marked resolved or not, and each field's doubts beside it."""
        def marks(names):
            return [{"name": n, "resolved": self.resolutions[n].resolved} for n in names]

        out = []
        for index, task in enumerate(self.parsed["tasks"]):
            doubts = task_doubts(task)
            measures = [{**m, "unit_marks": marks(m["units"]), "doubts": doubts["measure"].get(i, []),
                         "fix": {f: self.fix[f"fix:t{index}:m{i}:{f}"] for f in ("text", "units")}}
                        for i, m in enumerate(task["measures"], start=1)]
            fix = {f: self.fix[f"fix:t{index}:{f}"] for f in ("focus", "target", "deadline")}
            touched = [f for f in (*fix.values(), *(v for m in measures for v in m["fix"].values()))
                       if f["correction"] or f["error"]]
            out.append({**task, "measures": measures, "doubts": doubts, "fix": fix, "fix_open": bool(touched)})
        return out

    @property
    def measure_count(self) -> int:
        return sum(len(t["measures"]) for t in self.parsed["tasks"])

    @property
    def all_units(self):
        return Unit.objects.order_by("sort_order", "id")


_MEASURE_WARNING = re.compile(r"^第(\d+)条举措")
_TASK_FIELDS = (("focus", "工作重点"), ("target", "目标"), ("deadline", "时限"))
_HEADER_FIELDS = (("title", "名称"), ("issuer", "发文机关"), ("doc_number", "文号"), ("date", "日期"))


def task_doubts(task: dict) -> dict:
    """A parsed task's warnings by the field they doubt: focus, target, deadline, measures, and per measure."""
    doubts: dict = {"focus": [], "target": [], "deadline": [], "measures": [], "measure": {}}
    if task.get("target_derived"):
        doubts["target"].append("没有目标列，目标取自第一条举措，请核对")
    for warning in task.get("warnings") or []:
        found = _MEASURE_WARNING.match(warning)
        if found:
            doubts["measure"].setdefault(int(found.group(1)), []).append(warning)
            continue
        field = next((name for name, word in _TASK_FIELDS if word in warning), "measures")
        doubts[field].append(warning)
    return doubts


def _header_field(warning: str) -> str:
    return next((name for name, word in _HEADER_FIELDS if word in warning), "other")


def _with_resolved_names(parsed: dict, resolutions: dict[str, Resolution]) -> dict:
    """The parse with every resolved unit name replaced by the unit's display name, for diffing."""
    def name(n):
        r = resolutions.get(n)
        return r.unit.display_name if r and r.unit else n

    tasks = [{**t, "measures": [{**m, "units": [name(u) for u in m["units"]]} for m in t["measures"]]} for t in parsed["tasks"]]
    return {**parsed, "tasks": tasks}


def _fix_fields(upload: NoticeUpload, typed: dict | None, errors: dict | None) -> dict:
    """Each correctable field's input: what was typed (kept when it had an error), else the correction, else the parse."""
    corrections = {correction_key(c): c for c in upload.corrections or []}
    out = {}
    for spec in form_fields(upload.parsed):
        correction = corrections.get(correction_key(spec))
        value = typed[spec["name"]] if typed and spec["name"] in typed else typed_value(spec, correction)
        out[spec["name"]] = {"name": spec["name"], "value": value, "error": (errors or {}).get(spec["name"], ""),
                             "correction": correction, "was": shown(spec["field"], spec["parsed"]) or "（空）"}
    return out


def import_preview(upload: NoticeUpload, *, typed: dict | None = None, errors: dict | None = None) -> ImportPreview:
    """The preview of the corrected parse; `typed`/`errors` re-show a correction form that could not be saved."""
    parsed = corrected_parse(upload)
    resolutions = resolve_unit_names(notice_names(parsed))
    changes, dropped = None, []
    if upload.plan_id:
        changes = notice_diff(plan_as_notice(upload.plan), _with_resolved_names(parsed, resolutions))
        dropped = corrections_carried(plan=upload.plan, parsed=upload.parsed)[1]
    return ImportPreview(upload, parsed, resolutions, changes, _fix_fields(upload, typed, errors), dropped)
