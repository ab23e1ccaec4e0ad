"""What changes between two parsed notices (the JSON contract), keyed as the importer matches rows:
tasks by number, measures as `match_measures` pairs them, units by name. Pure; no database."""

from dataclasses import dataclass

from zhaoshang.plans.matching import match_measures


@dataclass(frozen=True)
class Change:
    kind: str  # added | removed | changed
    where: str  # 任务3 / 任务3 举措2 / 清单
    field: str = ""
    old: str = ""
    new: str = ""

    @property
    def kind_label(self) -> str:
        return {"added": "新增", "removed": "删除", "changed": "修改"}[self.kind]


_TASK_FIELDS = (("focus", "工作重点"), ("target", "目标"), ("deadline", "完成时限"))
_HEADER_FIELDS = (("title", "清单名称"), ("issuer", "发文机关"), ("doc_number", "文号"), ("date", "发文日期"))


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "、".join(value)
    return str(value)


def _measure_changes(where: str, old: list[dict], new: list[dict]) -> list[Change]:
    changes = []
    pairs = match_measures([m["text"] for m in old], [m["text"] for m in new])
    for index, (measure, paired) in enumerate(zip(new, pairs)):
        label = f"{where} 举措{index + 1}"
        if paired is None:
            changes.append(Change("added", label, "举措", "", measure["text"]))
            continue
        for key, name in (("text", "举措内容"), ("units", "责任单位")):
            if old[paired][key] != measure[key]:
                changes.append(Change("changed", label, name, _text(old[paired][key]), _text(measure[key])))
    for index in sorted(set(range(len(old))) - set(pairs)):
        changes.append(Change("removed", f"{where} 原举措{index + 1}", "举措", old[index]["text"], ""))
    return changes


def notice_diff(old: dict, new: dict) -> list[Change]:
    """Every difference a revised notice makes to the plan, in the order a reader checks them."""
    changes = [
        Change("changed", "清单", name, _text(old.get(key)), _text(new.get(key)))
        for key, name in _HEADER_FIELDS
        if _text(old.get(key)) != _text(new.get(key))
    ]
    old_tasks = {t["number"]: t for t in old["tasks"]}
    new_tasks = {t["number"]: t for t in new["tasks"]}
    for number, task in new_tasks.items():
        where = f"任务{number}"
        if number not in old_tasks:
            changes.append(Change("added", where, "任务", "", task.get("target") or ""))
            continue
        before = old_tasks[number]
        for key, name in _TASK_FIELDS:
            if _text(before.get(key)) != _text(task.get(key)):
                changes.append(Change("changed", where, name, _text(before.get(key)), _text(task.get(key))))
        changes.extend(_measure_changes(where, before["measures"], task["measures"]))
    for number, task in old_tasks.items():
        if number not in new_tasks:
            changes.append(Change("removed", f"任务{number}", "任务", task.get("target") or "", ""))
    return changes
