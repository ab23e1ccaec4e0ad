"""Reads on units and users, narrowed by the permission gate."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.crypto import salted_hmac

from zhaoshang.accounts.constants import SYSTEM_USERNAME
from zhaoshang.accounts.models import ApiToken, Unit, User


def units_for(*, user):
    """Units the user may see, with how many live assignments each leads or co-operates on."""
    live = Q(assignments__deleted_at__isnull=True, assignments__measure__deleted_at__isnull=True,
             assignments__measure__task__deleted_at__isnull=True)
    return (
        Unit.objects.restrict(user, "view")
        .annotate(
            lead_count=Count("assignments", filter=live & Q(assignments__is_lead=True)),
            co_count=Count("assignments", filter=live & Q(assignments__is_lead=False)),
        )
        .prefetch_related("aliases")
    )


def accounts_listing():
    """Every login account (not the system actor), for `zhaoshang users`."""
    return User.objects.exclude(username=SYSTEM_USERNAME).select_related("unit").order_by("role", "username")


def password_fingerprint(user) -> str:
    """A keyed digest of the user's current password hash: it changes whenever the password does, however."""
    return salted_hmac("zhaoshang.accounts.ApiToken", user.password, algorithm="sha256").hexdigest()


def tokens_for(*, user):
    """The user's own live API tokens (never another's; expired, revoked and pre-password-change ones left out)."""
    return ApiToken.objects.filter(user=user, revoked_at__isnull=True, expires_at__gt=timezone.now(),
                                   password_fingerprint=password_fingerprint(user))


def password_change_required(user) -> bool:
    """Whether the user must change the password before anything else: set by an admin, or older than allowed."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.must_change_password:
        return True
    max_days = settings.ZHAOSHANG_PASSWORD_MAX_DAYS
    changed = user.password_changed_at or user.date_joined
    return bool(max_days) and changed < timezone.now() - timedelta(days=max_days)


def second_factor_required(user) -> bool:
    """Whether the user must prove a TOTP code after the password: their role is listed in ZHAOSHANG_2FA_ROLES,
    or they are staff (the /admin/ site) while the second factor is on at all."""
    roles = settings.ZHAOSHANG_2FA_ROLES
    return bool(roles) and getattr(user, "is_authenticated", False) and (user.role in roles or user.is_staff)


def second_factor_pending(user) -> bool:
    """A browser session that still lacks the second factor (django-otp's middleware marks verified sessions)."""
    return second_factor_required(user) and not (hasattr(user, "is_verified") and user.is_verified())
