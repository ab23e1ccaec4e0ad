"""The plan as an Excel workbook, the way offices pass task lists around: one row per measure."""

from zhaoshang.core.xlsx import list_workbook
from zhaoshang.plans.models import Plan
from zhaoshang.plans.selectors import tasks_with_measures

COLUMNS = (("序号", 6), ("工作重点", 14), ("市目标", 36), ("工作举措", 70), ("牵头单位", 18), ("配合单位", 30), ("完成时限", 12))


def plan_workbook(plan: Plan, unit_id: int | None = None) -> bytes:
    """A row per measure (only those `unit_id` works on, when given), lead and co-operating units apart."""
    rows = []
    for task in tasks_with_measures(plan):
        for measure in task.measures.all():
            assignments = list(measure.assignments.all())
            if unit_id and all(a.unit_id != unit_id for a in assignments):
                continue
            rows.append([
                task.number, task.focus.name if task.focus else "", task.target.text if task.target else "",
                f"{measure.ordinal}. {measure.text}",
                "、".join(a.unit.display_name for a in assignments if a.is_lead),
                "、".join(a.unit.display_name for a in assignments if not a.is_lead),
                task.deadline_display,
            ])
    source = " ".join(filter(None, [plan.issuer, plan.doc_number, plan.issued_on and plan.issued_on.isoformat()]))
    return list_workbook(sheet_title="任务清单", title=f"{plan.title}（{source}）" if source else plan.title,
                         columns=COLUMNS, rows=rows, freeze="A3", wrap=True)
