"""The office sets how fast each type of need must be accepted and settled."""

from django.db import transaction

from zhaoshang.core.audit import audit_record, snapshot
from zhaoshang.core.services import require
from zhaoshang.needs.choices import NeedType
from zhaoshang.needs.errors import NeedError
from zhaoshang.needs.models import NeedLimit


@transaction.atomic
def need_limit_set(*, actor, need_type: str, accept_hours: int, settle_workdays: int) -> NeedLimit:
    """A type's limits; they apply to needs raised from now on (existing deadlines do not move)."""
    require(actor, "supervise")
    if need_type not in NeedType.values:
        raise NeedError(f"诉求类型“{need_type}”不正确")
    if not 1 <= accept_hours <= 720:
        raise NeedError("受理时限应为1至720小时")
    if not 1 <= settle_workdays <= 120:
        raise NeedError("办结时限应为1至120个工作日")
    row = NeedLimit.objects.filter(need_type=need_type).first()
    before = snapshot(row) if row else None
    row, _ = NeedLimit.objects.update_or_create(need_type=need_type, defaults={
        "accept_hours": accept_hours, "settle_workdays": settle_workdays})
    audit_record(actor=actor, action="update" if before else "create", obj=row, before=before, after=snapshot(row))
    return row
