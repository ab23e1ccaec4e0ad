"""Reported values and milestones: the responsible unit enters a value with evidence, the office confirms.

Every value is kept (the history); the figure uses the latest confirmed value by the date it is shown for."""

import datetime
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from zhaoshang.core.audit import audit_record, snapshot
from zhaoshang.core.permissions import OFFICE, can_work_on_unit, role_of
from zhaoshang.core.services import PermissionDenied, require
from zhaoshang.kpis.choices import VALUE_KINDS, Kind, ValueStatus
from zhaoshang.kpis.errors import KpiError
from zhaoshang.kpis.models import Kpi, KpiValue
from zhaoshang.supervision.evidence import EvidenceError, evidence_type

MAX_VALUE = Decimal("1e11")


def parse_value(text) -> Decimal:
    try:
        value = Decimal(str(text).strip().replace(",", ""))
    except (InvalidOperation, ValueError):
        raise KpiError("请填写数值") from None
    if not value.is_finite() or value < 0 or value >= MAX_VALUE:
        raise KpiError("数值应为不小于0的合理数字")
    return value.quantize(Decimal("0.0001"))


@transaction.atomic
def value_submit(*, actor, kpi: Kpi, value, as_of: datetime.date, note: str = "", filename: str = "",
                 data: bytes | None = None) -> KpiValue:
    """A value (a milestone: done = 1) reported by the indicator's unit, or entered by the office."""
    if kpi.kind not in VALUE_KINDS:
        raise KpiError("该指标由系统根据数据自动计算，无需报送")
    if not can_work_on_unit(actor, kpi.reporting_unit_id):
        raise PermissionDenied("只能报送本单位负责的指标")
    if as_of > timezone.localdate():
        raise KpiError("数据截至日期不能晚于今天")
    amount = Decimal(1) if kpi.kind == Kind.MILESTONE else parse_value(value)
    if kpi.kind == Kind.MILESTONE and not data:
        raise KpiError("里程碑须上传佐证材料（文件、批复、照片等）")
    row = KpiValue(kpi=kpi, value=amount, as_of=as_of, note=note.strip()[:500], entered_by=actor)
    if data:
        try:
            evidence_type(filename, data, settings.MAX_ATTACHMENT_BYTES)
        except EvidenceError as error:
            raise KpiError(f"佐证材料：{error}") from None
        row.evidence.save(filename, ContentFile(data), save=False)
    if role_of(actor) == OFFICE:  # the office enters what it has checked itself
        row.status, row.reviewed_by, row.reviewed_at = ValueStatus.CONFIRMED, actor, timezone.now()
    row.save()
    audit_record(actor=actor, action="report_value", obj=row, after=snapshot(row))
    return row


@transaction.atomic
def value_review(*, actor, row: KpiValue, confirm: bool, note: str = "") -> KpiValue:
    """The office confirms a reported value, or returns it with a reason."""
    require(actor, "supervise")
    row = KpiValue.objects.select_for_update().get(pk=row.pk)
    if row.status != ValueStatus.SUBMITTED:
        raise KpiError("该数值已审核过")
    if not confirm and not note.strip():
        raise KpiError("退回请说明原因")
    before = snapshot(row)
    row.status = ValueStatus.CONFIRMED if confirm else ValueStatus.REJECTED
    row.reviewed_by, row.reviewed_at, row.review_note = actor, timezone.now(), note.strip()[:300]
    row.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_note"])
    audit_record(actor=actor, action="confirm_value" if confirm else "reject_value", obj=row, before=before,
                 after=snapshot(row))
    return row
