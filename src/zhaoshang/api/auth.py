"""API authentication: a bearer token, or the browser's session (with CSRF for writes)."""

from ninja.security import HttpBearer, django_auth

from zhaoshang.accounts.services import token_user


class BearerToken(HttpBearer):
    def authenticate(self, request, token):
        user = token_user(token)
        if user is not None:
            request.user = user
        return user


API_AUTH = [BearerToken(), django_auth]
