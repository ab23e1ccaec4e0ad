"""The second factor (TOTP with django-otp): enrolment with a one-time shown secret, and checking a code."""

import base64

import django_otp
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from zhaoshang.accounts.models import User
from zhaoshang.core.audit import audit_record


def otp_device_for(user: User) -> TOTPDevice | None:
    """The user's confirmed authenticator, or None before enrolment."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def otp_pending_device(user: User) -> TOTPDevice | None:
    """The authenticator being enrolled (shown, not yet confirmed), if any."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=False).last()


@transaction.atomic
def otp_enrol_start(*, user: User) -> TOTPDevice:
    """A fresh, unconfirmed authenticator secret: shown once, replaced by any earlier unfinished one."""
    TOTPDevice.objects.devices_for_user(user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name="动态验证码", confirmed=False)


def otp_secret(device: TOTPDevice) -> str:
    """The secret as authenticator apps take it typed in (Base32)."""
    return base64.b32encode(device.bin_key).decode()


@transaction.atomic
def otp_enrol_confirm(*, user: User, code: str) -> TOTPDevice | None:
    """Confirm the pending authenticator with its first code; None when the code is wrong or nothing is pending."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).select_for_update().last()
    if device is None or not device.verify_token(code.strip()):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    audit_record(actor=user, action="otp_enrol", obj=device)
    return device


def otp_check(*, user: User, code: str) -> TOTPDevice | None:
    """The user's authenticator if `code` is its current code (django-otp throttles repeated failures)."""
    device = otp_device_for(user)
    if device is None or not code:
        return None
    return django_otp.verify_token(user, device.persistent_id, code.strip())
