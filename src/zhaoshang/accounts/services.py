"""Writes on units, aliases, users and API tokens; each is audited."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare

from zhaoshang.accounts.choices import Role
from zhaoshang.accounts.constants import SYSTEM_USERNAME
from zhaoshang.accounts.models import ApiToken, Unit, UnitAlias, User
from zhaoshang.accounts.naming import guess_kind, normalize_name
from zhaoshang.accounts.selectors import password_fingerprint, tokens_for
from zhaoshang.core.audit import audit_record, snapshot
from zhaoshang.core.services import PermissionDenied, require


@transaction.atomic
def unit_create(*, actor, name: str, short_name: str = "", kind: str = "", code: str | None = None,
                aliases: tuple[str, ...] = (), sort_order: int = 0) -> Unit:
    """A new responsible unit, with its aliases."""
    require(actor, "manage")
    unit = Unit(name=normalize_name(name), short_name=normalize_name(short_name or name), kind=kind or guess_kind(name),
                code=code or None, sort_order=sort_order)
    unit.full_clean()
    unit.save()
    audit_record(actor=actor, action="create", obj=unit, after=snapshot(unit))
    for alias in aliases:
        unit_alias_add(actor=actor, unit=unit, alias=alias)
    return unit


@transaction.atomic
def unit_alias_add(*, actor, unit: Unit, alias: str) -> UnitAlias | None:
    """Remember another name for a unit; None when the name is already the unit's own or known."""
    require(actor, "manage")
    alias = normalize_name(alias)
    if alias in (unit.name, unit.short_name) or UnitAlias.objects.filter(alias=alias).exists():
        return None
    row = UnitAlias.objects.create(unit=unit, alias=alias)
    audit_record(actor=actor, action="create", obj=row, after=snapshot(row))
    return row


@transaction.atomic
def user_create(*, actor, username: str, password: str | None, role: str, unit: Unit | None = None,
                display_name: str = "") -> User:
    """A new account; unit users must belong to a unit. Without a password the account cannot log in yet."""
    require(actor, "manage")
    user = User(username=username, role=role, unit=unit, first_name=display_name,
                is_staff=role == Role.ADMIN, is_superuser=role == Role.ADMIN)
    if password is None:
        user.set_unusable_password()
    else:
        validate_password(password, user)
        user.set_password(password)
        user.must_change_password = True  # the creator knows it: the owner replaces it at first log-in
    user.full_clean()
    user.save()
    audit_record(actor=actor, action="create", obj=user, after={"username": username, "role": role, "unit": user.unit_id})
    return user


def system_actor() -> User:
    """The account that commands and the demo loader act as, so their writes are attributed too."""
    user, created = User.objects.get_or_create(
        username=SYSTEM_USERNAME, defaults={"role": Role.OFFICE, "first_name": "系统", "is_active": True}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class CredentialError(Exception):
    """A password or token request that cannot be granted; the message is Chinese."""


@transaction.atomic
def token_create(*, user: User, name: str = "") -> tuple[ApiToken, str]:
    """A new API token for an authenticated user, and its clear key (returned once, never stored).

    It lives ZHAOSHANG_TOKEN_HOURS and carries the fingerprint of the user's password hash, so any password change
    (here, in /admin/, `changepassword`, the demo) ends it without the changer having to remember tokens."""
    key = secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, key_hash=_hash(key), name=name[:50], password_fingerprint=password_fingerprint(user),
                                    expires_at=timezone.now() + timedelta(hours=settings.ZHAOSHANG_TOKEN_HOURS))
    audit_record(actor=user, action="token_issue", obj=token, after={"name": token.name, "expires_at": token.expires_at.isoformat()})
    return token, key


def token_issue(*, user: User, name: str = "") -> str:
    """The clear key of a new API token (see token_create)."""
    return token_create(user=user, name=name)[1]


def token_lookup(key: str) -> ApiToken | None:
    """The live token with this key (not expired, not revoked, password unchanged, user active), or None."""
    token = (ApiToken.objects.select_related("user")
             .filter(key_hash=_hash(key), revoked_at__isnull=True, expires_at__gt=timezone.now()).first())
    if token is None or not token.user.is_active:
        return None
    if not constant_time_compare(token.password_fingerprint, password_fingerprint(token.user)):
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 300:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token


def token_user(key: str) -> User | None:
    """The active user a live bearer token belongs to, or None."""
    token = token_lookup(key)
    return token.user if token else None


@transaction.atomic
def token_revoke(*, actor: User, token: ApiToken) -> ApiToken:
    """End one token; a user revokes only their own (another's answers 404 before this is reached)."""
    if token.user_id != actor.pk:
        raise PermissionDenied("只能撤销自己的令牌")
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_record(actor=actor, action="token_revoke", obj=token, after={"name": token.name})
    return token


@transaction.atomic
def password_change(*, user: User, old_password: str, new_password: str) -> User:
    """The user changes their own password: the old one must match and the new one pass the validators.

    Every token issued before dies with the old password hash (see token_issue); a forced change is done."""
    if not user.check_password(old_password):
        raise CredentialError("原密码不正确")
    if new_password == old_password:
        raise ValidationError("新密码不能与原密码相同")
    validate_password(new_password, user)
    live_tokens = tokens_for(user=user).count()
    user.set_password(new_password)
    user.must_change_password = False
    user.password_changed_at = timezone.now()
    user.save(update_fields=["password", "must_change_password", "password_changed_at"])
    audit_record(actor=user, action="password_change", obj=user, after={"tokens_revoked": live_tokens})
    return user
