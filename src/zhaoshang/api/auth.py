"""API authentication: a bearer token, or the browser's session (with CSRF for writes).

`API_AUTH` (every endpoint but the auth router's) also refuses a user who must first change the password;
`CREDENTIALS_AUTH` (logout, tokens, password change) lets them in, so they can do it. A session also needs its second
factor where one is required; a token has it already (the token endpoint asked for the code)."""

from ninja.security import HttpBearer, SessionAuth

from zhaoshang.accounts.selectors import password_change_required, second_factor_pending
from zhaoshang.accounts.services import token_lookup
from zhaoshang.core.services import PermissionDenied


class BearerToken(HttpBearer):
    def authenticate(self, request, token):
        found = token_lookup(token)
        if found is None:
            return None
        request.user, request.api_token = found.user, found
        return found.user


class GatedBearerToken(BearerToken):
    def authenticate(self, request, token):
        return _gate(super().authenticate(request, token))


class GatedSession(SessionAuth):
    def authenticate(self, request, key):
        user = super().authenticate(request, key)
        if user is not None and second_factor_pending(user):
            raise PermissionDenied("请先完成动态验证码验证")
        return _gate(user)


def _gate(user):
    if user is not None and password_change_required(user):
        raise PermissionDenied("请先修改初始密码")
    return user


API_AUTH = [GatedBearerToken(), GatedSession()]
CREDENTIALS_AUTH = [BearerToken(), SessionAuth()]
