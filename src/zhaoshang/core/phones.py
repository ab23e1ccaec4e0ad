"""Telephone numbers as people type them: a mainland mobile (1[3-9] and 9 digits) or a landline with its area code
(010, 02X or 0XXX, then 7-8 digits, an extension allowed). Pure."""

import re

_MOBILE = re.compile(r"(?:\+?86)?(1[3-9]\d{9})")
# 3-digit area codes (010, 020-029) come before 8-digit numbers; the others have 4 digits
_LANDLINE = re.compile(r"(0[12]\d|0[3-9]\d{2})-?(\d{7,8})(?:-(\d{1,6}))?")
_SEPARATORS = str.maketrans({" ": "", "\u3000": "", "（": "", "）": "-", "(": "", ")": "-", "—": "-", "－": "-"})
PHONE_ERROR = "联系电话格式不正确：请填写11位手机号码，或带区号的固定电话（如0XXX-XXXXXXX）"


def normalize_phone(text: str) -> str | None:
    """The number in one written form (mobile: 11 digits; landline: 区号-号码[-分机]); None when it is neither."""
    compact = text.strip().translate(_SEPARATORS)
    found = _MOBILE.fullmatch(compact)
    if found:
        return found.group(1)
    found = _LANDLINE.fullmatch(compact)
    if found:
        area, number, extension = found.groups()
        return f"{area}-{number}" + (f"-{extension}" if extension else "")
    return None


def phone_error(text: str) -> str | None:
    """The Chinese error for a number that is neither a mobile nor a landline with area code; None when fine or empty."""
    if not text.strip():
        return None
    return None if normalize_phone(text) else PHONE_ERROR
