"""The account gate: a session still lacking its second factor, or whose password must be changed, reaches only
the pages that settle that (in that order) until done. The idle time-out's sliding session."""

import time

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


class SlidingSession:
    """等保's idle time-out: a session ends SESSION_COOKIE_AGE after its last use. Django slides the expiry by saving
    the session on every request (SESSION_SAVE_EVERY_REQUEST), which makes every page a database write: the write
    lock of SQLite and a commit of PostgreSQL for each page a clerk opens. Here a session in use is saved at most once
    every REFRESH_SECONDS, so it ends between SESSION_COOKIE_AGE and that minus a minute after its last use."""

    REFRESH_SECONDS = 60
    KEY = "_refreshed_at"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = request.session
        refreshed_at = session.get(self.KEY, 0)  # loads the session; an expired one loses its key
        now = int(time.time())
        if session.session_key and (session.modified or now - refreshed_at >= self.REFRESH_SECONDS):
            session[self.KEY] = now
        return response

    @classmethod
    def stamp(cls, sender, request, user, **kwargs):
        """On log-in (user_logged_in): the session was just saved with a fresh expiry."""
        request.session[cls.KEY] = int(time.time())
