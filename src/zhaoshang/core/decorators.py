"""The page-level door to the permission gate."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied

from zhaoshang.core.permissions import can


def page(action: str = "view"):
    """Log-in required; then the gate must allow `action` (else 403)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not can(request.user, action):
                raise DjangoPermissionDenied("无权访问此页面")
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
