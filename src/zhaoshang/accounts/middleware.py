"""The account gate: a session still lacking its second factor, or whose password must be changed, reaches only
the pages that settle that (in that order) until done."""

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from zhaoshang.accounts.selectors import password_change_required, second_factor_pending


class AccountGate:
    """Pages (the admin too) redirect to 「动态验证码」 or 「修改密码」; the API answers 403 itself (zhaoshang.api.auth)."""

    OPEN_PREFIXES = ("/api/", "/static/", "/healthz")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(self.OPEN_PREFIXES) and request.path not in (reverse("logout"), reverse("login")):
            if second_factor_pending(request.user):
                if request.path != reverse("account:otp"):
                    return redirect(f"{reverse('account:otp')}?{urlencode({'next': request.get_full_path()})}")
            elif password_change_required(request.user) and request.path != reverse("account:password"):
                return redirect("account:password")
        return self.get_response(request)
