"""The one permission gate: role + unit scope decide what a user may view, work on or manage.

Actions:
- view:   see a row. Every active user sees the whole plan (unit users read-only outside their unit).
- work:   edit a unit's own work (its assignments). Office: every unit; a unit user: only its unit.
- manage: change the plan's structure, units and imports. Office and admin only.
- audit:  read the audit log and recycle bin. Office and admin.
- supervise: review reports, urge units, work the coordination list. Office only.
- oversee: read what is written for the leadership (督办单, bulletins). Office and leaders.
Leaders never write. Pages, API and exports all ask here.
"""

from django.db.models import Q
from django.http import Http404

OFFICE, LEADER, ADMIN, UNIT = "office", "leader", "admin", "unit"
NOTHING = Q(pk__in=[])
EVERYTHING = Q()


def role_of(user) -> str | None:
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    return getattr(user, "role", None)


def can(user, action: str) -> bool:
    """Whether `user` may perform `action` on at least something (used for pages without one object)."""
    role = role_of(user)
    if role is None:
        return False
    if action == "view":
        return True
    if action == "work":
        return role in (OFFICE, UNIT)
    if action in ("manage", "audit"):
        return role in (OFFICE, ADMIN)
    if action == "supervise":
        return role == OFFICE
    if action == "oversee":
        return role in (OFFICE, LEADER)
    return False


def scope_filter(user, action: str, unit_scope: str | None, view_scope: str | None = None) -> Q:
    """A filter on a model whose unit lives at lookup path `unit_scope` (None: not unit-owned).

    A model with a `view_scope` (e.g. progress reports) is seen by unit users only through that path
    (the units sharing the measure), by the office and leaders entirely."""
    role = role_of(user)
    if role is None or not can(user, action):
        return NOTHING
    if action == "view" and role == UNIT and view_scope:
        return Q(**{view_scope: user.unit_id})
    if action == "work" and role == UNIT:
        if unit_scope is None or user.unit_id is None:
            return NOTHING
        return Q(**{unit_scope: user.unit_id})
    return EVERYTHING


def can_work_on_unit(user, unit_id: int | None) -> bool:
    """Whether `user` may edit the work of unit `unit_id`."""
    role = role_of(user)
    if role == OFFICE:
        return True
    return role == UNIT and unit_id is not None and user.unit_id == unit_id


def is_member_of(user, unit_id: int | None) -> bool:
    """Whether `user` is a unit user of unit `unit_id` (only they report for their unit)."""
    return role_of(user) == UNIT and unit_id is not None and user.unit_id == unit_id


def listing_action(user) -> str:
    """Lists of unit-owned work are scoped to the caller: a unit user lists its own unit's, others everything."""
    return "work" if role_of(user) == UNIT else "view"


def get_for(user, action: str, queryset, **lookup):
    """The one object matching `lookup` that `user` may `action`; 404 whether missing or forbidden."""
    obj = queryset.restrict(user, action).filter(**lookup).first()
    if obj is None:
        raise Http404("对象不存在或无权访问")
    return obj
