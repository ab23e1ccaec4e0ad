"""Batch 催办: one message to many assignments' units at once, each urge through `assignment_urge`."""

from django.db import transaction

from zhaoshang.core.services import require
from zhaoshang.plans.models import Assignment
from zhaoshang.supervision.errors import SupervisionError
from zhaoshang.supervision.models import Urge
from zhaoshang.supervision.services.urging import assignment_urge


@transaction.atomic
def assignments_urge(*, actor, assignments: list[Assignment], message: str) -> list[Urge]:
    """Urge every given assignment with the same message, all or nothing; each unit is told once per assignment."""
    require(actor, "supervise")
    if not assignments:
        raise SupervisionError("请先勾选要催办的工作。")
    return [assignment_urge(actor=actor, assignment=assignment, message=message) for assignment in assignments]
