"""Enterprises beyond their name and credit code (origin, listing, industry) and the people to call there."""

import re

from django.core.exceptions import ValidationError
from django.db import transaction

from zhaoshang.core.audit import audit_record, snapshot
from zhaoshang.core.permissions import OFFICE, can_work_on_unit, role_of
from zhaoshang.core.services import PermissionDenied
from zhaoshang.projects.errors import ProjectError
from zhaoshang.projects.models import Contact, Enterprise

DETAILS = ("origin_province", "origin_city", "is_overseas", "is_listed", "exchange", "stock_code", "industry")
PHONE = re.compile(r"^\+?[0-9][0-9 \-]{4,28}$")


def _require_edit(actor, enterprise: Enterprise) -> None:
    """The office edits any enterprise; a unit user one that invests in a project its unit leads."""
    if role_of(actor) == OFFICE:
        return
    unit_id = getattr(actor, "unit_id", None)
    if not (can_work_on_unit(actor, unit_id) and enterprise.projects.filter(lead_unit_id=unit_id).exists()):
        raise PermissionDenied("只能维护本单位牵头项目的投资企业")


def _clean(obj) -> None:
    try:
        obj.full_clean()
    except ValidationError as error:
        raise ProjectError("；".join(m for messages in error.message_dict.values() for m in messages)) from None


@transaction.atomic
def enterprise_update(*, actor, enterprise: Enterprise, **details) -> Enterprise:
    """Set an enterprise's origin, listing and industry (only the DETAILS fields)."""
    unknown = set(details) - set(DETAILS)
    if unknown:
        raise ProjectError(f"不能修改企业的这些信息：{'、'.join(sorted(unknown))}")
    enterprise = Enterprise.objects.select_for_update().get(pk=enterprise.pk)
    _require_edit(actor, enterprise)
    before = snapshot(enterprise)
    for name, value in details.items():
        setattr(enterprise, name, value.strip() if isinstance(value, str) else value)
    _clean(enterprise)
    enterprise.save()
    audit_record(actor=actor, action="update", obj=enterprise, before=before, after=snapshot(enterprise))
    return enterprise


@transaction.atomic
def contact_add(*, actor, enterprise: Enterprise, name: str, title: str = "", phone: str = "") -> Contact:
    """A person at the enterprise; the phone, if any, must look like one."""
    _require_edit(actor, enterprise)
    name, phone = name.strip(), phone.strip()
    if not name:
        raise ProjectError("请填写联系人姓名")
    if phone and not PHONE.match(phone):
        raise ProjectError(f"联系电话“{phone}”格式不正确")
    contact = Contact(enterprise=enterprise, name=name[:30], title=title.strip()[:50], phone=phone)
    _clean(contact)
    contact.save()
    audit_record(actor=actor, action="create", obj=contact, after=snapshot(contact))
    return contact
