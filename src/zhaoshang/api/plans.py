"""Plans, their tasks, parsing a notice, a unit's contact on its assignments."""

from django.conf import settings
from ninja import File, Router, Schema
from ninja.files import UploadedFile

from zhaoshang.core.permissions import can, get_for
from zhaoshang.core.services import PermissionDenied
from zhaoshang.notices import NoticeError, parse_bytes
from zhaoshang.plans.models import Assignment
from zhaoshang.plans.selectors import ALIVE_ASSIGNMENT, plan_for, plans_for, tasks_with_measures
from zhaoshang.plans.services.assignments import assignment_update

router = Router(tags=["任务清单"])


class PlanOut(Schema):
    id: int
    title: str
    issuer: str
    doc_number: str
    date: str | None
    task_count: int
    is_archived: bool


@router.get("plans", response=list[PlanOut])
def plan_list(request):
    return [
        {"id": p.pk, "title": p.title, "issuer": p.issuer, "doc_number": p.doc_number,
         "date": p.issued_on.isoformat() if p.issued_on else None, "task_count": p.task_count, "is_archived": p.is_archived}
        for p in plans_for(user=request.user)
    ]


class UnitRef(Schema):
    id: int
    name: str
    is_lead: bool


class MeasureOut(Schema):
    id: int
    ordinal: int
    text: str
    units: list[UnitRef]


class IndicatorOut(Schema):
    text: str
    value: float
    unit: str
    comparator: str
    year: int | None
    per: str | None


class TaskOut(Schema):
    id: int
    number: str
    focus: str | None
    target: str | None
    deadline: str | None
    indicators: list[IndicatorOut]
    measures: list[MeasureOut]


@router.get("plans/{plan_id}/tasks", response=list[TaskOut])
def plan_tasks(request, plan_id: int):
    plan = plan_for(user=request.user, pk=plan_id)
    return [
        {
            "id": t.pk, "number": t.number, "focus": t.focus.name if t.focus else None,
            "target": t.target.text if t.target else None, "deadline": t.deadline_code,
            "indicators": [
                {"text": i.text, "value": float(i.value), "unit": i.unit, "comparator": i.comparator, "year": i.year, "per": i.per or None}
                for i in (t.target.indicators.all() if t.target else [])
            ],
            "measures": [
                {"id": m.pk, "ordinal": m.ordinal, "text": m.text,
                 "units": [{"id": a.unit_id, "name": a.unit.display_name, "is_lead": a.is_lead} for a in m.assignments.all()]}
                for m in t.measures.all()
            ],
        }
        for t in tasks_with_measures(plan)
    ]


@router.post("parse")
def parse_notice(request, file: UploadedFile = File(...)):
    """Parse a notice file and return its structure; nothing is saved. Like the notice import page: the office
    (and admin) only, since parsing unpacks archives and costs memory and time."""
    if not can(request.user, "manage"):
        raise PermissionDenied("只有招商办（或系统管理员）可以解析通知文件。")
    if file.size > settings.MAX_UPLOAD_BYTES:
        raise NoticeError(f"文件过大，上限为 {settings.MAX_UPLOAD_BYTES // 1024 // 1024}MB。")
    return parse_bytes(file.read(), file.name or "").to_dict()


class ContactIn(Schema):
    contact_person: str = ""
    contact_phone: str = ""
    note: str = ""


class AssignmentOut(Schema):
    id: int
    unit: str
    is_lead: bool
    contact_person: str
    contact_phone: str
    note: str


@router.patch("assignments/{assignment_id}", response=AssignmentOut)
def assignment_patch(request, assignment_id: int, payload: ContactIn):
    """A unit records who answers for its part of a measure (own unit only; the office for any)."""
    assignment = get_for(request.user, "work", Assignment.objects.filter(ALIVE_ASSIGNMENT), pk=assignment_id)
    assignment = assignment_update(actor=request.user, assignment=assignment, **payload.dict())
    return {"id": assignment.pk, "unit": assignment.unit.display_name, "is_lead": assignment.is_lead,
            "contact_person": assignment.contact_person, "contact_phone": assignment.contact_phone, "note": assignment.note}
