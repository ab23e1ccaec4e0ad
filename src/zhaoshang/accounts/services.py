"""Writes on units, aliases, users and API tokens; each is audited."""

import hashlib
import secrets

from django.contrib.auth.password_validation import validate_password
from django.db import transaction
from django.utils import timezone

from zhaoshang.accounts.choices import Role
from zhaoshang.accounts.constants import SYSTEM_USERNAME
from zhaoshang.accounts.models import ApiToken, Unit, UnitAlias, User
from zhaoshang.accounts.naming import guess_kind, normalize_name
from zhaoshang.core.audit import audit_record, snapshot
from zhaoshang.core.services import require


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


@transaction.atomic
def token_issue(*, user: User) -> str:
    """A new API token for an authenticated user; the clear key is returned once and never stored."""
    key = secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, key_hash=_hash(key))
    audit_record(actor=user, action="token_issue", obj=token)
    return key


def token_user(key: str) -> User | None:
    """The active user a bearer token belongs to, or None."""
    token = ApiToken.objects.select_related("user").filter(key_hash=_hash(key)).first()
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 300:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
