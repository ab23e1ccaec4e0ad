"""Who sees enterprise contacts' phones in full, and the masked form everyone else sees (page, export, API)."""

from zhaoshang.core.masking import mask_phone
from zhaoshang.core.permissions import OFFICE, is_member_of, role_of


def phones_visible(user, owner_unit_ids=()) -> bool:
    """Whether `user` sees an enterprise's contacts' phones in full: the office, and a user of an owner unit (the
    lead unit of one of the enterprise's projects). Everyone else (leaders, admins, other units) sees them masked:
    page, export and API all ask here."""
    return role_of(user) == OFFICE or any(is_member_of(user, unit_id) for unit_id in owner_unit_ids)


def shown_phone(phone: str, visible: bool) -> str:
    """The phone in full or masked."""
    return phone if visible else mask_phone(phone)
