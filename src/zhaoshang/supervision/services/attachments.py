"""Evidence attached to a report by its unit; checked by content, kept outside the web root."""

import hashlib

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction

from zhaoshang.core.audit import audit_record, snapshot
from zhaoshang.core.permissions import is_member_of
from zhaoshang.core.services import PermissionDenied
from zhaoshang.supervision.errors import SupervisionError
from zhaoshang.supervision.evidence import EvidenceError, evidence_type
from zhaoshang.supervision.models import ProgressReport, ReportAttachment
from zhaoshang.supervision.services.reports import EDITABLE


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
