"""Evidence attached to a report by its unit; checked by content, kept outside the web root."""

import hashlib

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from zhaoshang.core.audit import audit_record, snapshot
from zhaoshang.core.permissions import is_member_of
from zhaoshang.core.services import PermissionDenied
from zhaoshang.supervision.errors import SupervisionError
from zhaoshang.supervision.evidence import EvidenceError, evidence_type
from zhaoshang.plans.models import Assignment
from zhaoshang.supervision.calendar import Period
from zhaoshang.supervision.models import ProgressReport, ReportAttachment
from zhaoshang.supervision.services.reports import EDITABLE, report_draft_open

MAX_FILES_AT_ONCE = 10


@transaction.atomic
def attachment_add(*, actor, report: ProgressReport, filename: str, data: bytes) -> ReportAttachment:
    """Attach a file to a report the unit can still edit (a draft or a returned report)."""
    report = ProgressReport.objects.select_for_update().select_related("assignment").get(pk=report.pk)
    if not is_member_of(actor, report.assignment.unit_id):
        raise PermissionDenied("只有本单位用户可以上传佐证材料")
    if report.status not in EDITABLE:
        raise SupervisionError("报告已报送，不能再添加附件；如需补充请联系督办办公室退回。")
    try:
        mime = evidence_type(filename, data, settings.MAX_ATTACHMENT_BYTES)
    except EvidenceError as error:
        raise SupervisionError(str(error)) from None
    name = filename.replace("/", "_").replace("\\", "_")[-120:]
    attachment = ReportAttachment(report=report, filename=name, content_type=mime, size=len(data), uploaded_by=actor)
    attachment.file.save(f"{hashlib.sha256(data).hexdigest()[:16]}.{name.rsplit('.', 1)[-1]}", ContentFile(data), save=False)
    attachment.save()
    audit_record(actor=actor, action="attach", obj=attachment, after=snapshot(attachment))
    return attachment


@transaction.atomic
def attachments_upload(*, actor, assignment: Assignment, period: Period,
                       files: list[tuple[str, bytes]]) -> tuple[ProgressReport | None, list[str]]:
    """Attach the files chosen with a report to the period's draft (created if need be), before and whatever
    the rest of the form holds. Each file is checked by content; refused ones are named in the errors."""
    if len(files) > MAX_FILES_AT_ONCE:
        return None, [f"一次最多上传{MAX_FILES_AT_ONCE}个附件。"]
    errors, good = [], []
    for filename, data in files:
        try:
            evidence_type(filename, data, settings.MAX_ATTACHMENT_BYTES)
        except EvidenceError as error:
            errors.append(f"{filename}：{error}")
        else:
            good.append((filename, data))
    if not good:
        return None, errors
    report = report_draft_open(actor=actor, assignment=assignment, period=period)
    for filename, data in good:
        attachment_add(actor=actor, report=report, filename=filename, data=data)
    return report, errors


@transaction.atomic
def attachment_remove(*, actor, attachment: ReportAttachment) -> ReportAttachment:
    """Take a wrong file off a report the unit can still edit; it is hidden, not erased (recycle bin)."""
    attachment = ReportAttachment.objects.select_for_update().select_related("report__assignment").get(pk=attachment.pk)
    if not is_member_of(actor, attachment.report.assignment.unit_id):
        raise PermissionDenied("只有本单位用户可以移除佐证材料")
    if attachment.report.status not in EDITABLE:
        raise SupervisionError("报告已报送，附件不能再移除；如需更换请联系督办办公室退回。")
    before = snapshot(attachment)
    attachment.deleted_at, attachment.deleted_by = timezone.now(), actor
    attachment.save(update_fields=["deleted_at", "deleted_by"])
    audit_record(actor=actor, action="delete", obj=attachment, before=before, after=snapshot(attachment))
    return attachment
