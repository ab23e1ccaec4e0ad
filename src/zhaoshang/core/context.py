"""Template context: what the current user may do, asked of the permission gate."""

from zhaoshang.core.permissions import can, role_of


def permissions(request):
    user = getattr(request, "user", None)
    return {
        "user_role": role_of(user),
        "can_manage": can(user, "manage"),
        "can_audit": can(user, "audit"),
    }
