"""The preview an office user checks before confirming an import: units, doubtful fields, changes."""

from dataclasses import dataclass

from zhaoshang.accounts.models import Unit
from zhaoshang.accounts.resolution import Resolution, resolve_unit_names
from zhaoshang.plans.diff import Change, notice_diff
from zhaoshang.plans.models import NoticeUpload
from zhaoshang.plans.selectors import plan_as_notice
from zhaoshang.plans.services.importing import notice_names


@dataclass
class ImportPreview:
    upload: NoticeUpload
    parsed: dict
    resolutions: dict[str, Resolution]
    changes: list[Change] | None  # None for a new plan

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
    def tasks(self) -> list[dict]:
        """The parsed tasks, each measure's units marked resolved or not, for the preview table."""
        def marks(names):
            return [{"name": n, "resolved": self.resolutions[n].resolved} for n in names]

        return [
            {**t, "measures": [{**m, "unit_marks": marks(m["units"])} for m in t["measures"]]} for t in self.parsed["tasks"]
        ]

    @property
    def measure_count(self) -> int:
        return sum(len(t["measures"]) for t in self.parsed["tasks"])

    @property
    def all_units(self):
        return Unit.objects.order_by("sort_order", "id")


def _with_resolved_names(parsed: dict, resolutions: dict[str, Resolution]) -> dict:
    """The parse with every resolved unit name replaced by the unit's display name, for diffing."""
    def name(n):
        r = resolutions.get(n)
        return r.unit.display_name if r and r.unit else n

    tasks = [{**t, "measures": [{**m, "units": [name(u) for u in m["units"]]} for m in t["measures"]]} for t in parsed["tasks"]]
    return {**parsed, "tasks": tasks}


def import_preview(upload: NoticeUpload) -> ImportPreview:
    parsed = upload.parsed
    resolutions = resolve_unit_names(notice_names(parsed))
    changes = None
    if upload.plan_id:
        changes = notice_diff(plan_as_notice(upload.plan), _with_resolved_names(parsed, resolutions))
    return ImportPreview(upload, parsed, resolutions, changes)
