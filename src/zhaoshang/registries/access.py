"""Who may do what in a registry, decided here for pages, API, import and export alike.

Every signed-in user reads every registry. The office (and the admin, as everywhere the gate says "manage") keeps all
rows; a unit user adds rows to a registry its unit keeps (RegistrySetting.units: the units the notice names on the
ordering measure, and any the office adds) and edits, deletes and restores the rows its unit owns. Leaders read.
Contact columns (phones, ID-like data) are shown in full only to the office and the row's owner unit."""

from zhaoshang.core.permissions import OFFICE, UNIT, can, role_of
from zhaoshang.registries.kit import Registry


def keeper_unit_ids(registry: Registry) -> set[int]:
    from zhaoshang.registries.models import RegistrySetting

    return set(RegistrySetting.units.through.objects.filter(registrysetting__key=registry.key).values_list("unit_id", flat=True))


def can_add(user, registry: Registry) -> bool:
    if can(user, "manage"):
        return True
    return role_of(user) == UNIT and user.unit_id is not None and user.unit_id in keeper_unit_ids(registry)


def can_change(user, row) -> bool:
    """Edit, delete, restore, link and attach to `row`."""
    if can(user, "manage"):
        return True
    return role_of(user) == UNIT and user.unit_id is not None and row.owner_unit_id == user.unit_id


def contacts_visible(user, row) -> bool:
    return role_of(user) == OFFICE or (role_of(user) == UNIT and user.unit_id is not None and row.owner_unit_id == user.unit_id)


def changeable_q(user):
    """A filter on a registry's rows: those `user` may change (the recycle bin a unit user sees)."""
    from django.db.models import Q

    if can(user, "manage"):
        return Q()
    if role_of(user) == UNIT and user.unit_id is not None:
        return Q(owner_unit_id=user.unit_id)
    return Q(pk__in=[])
