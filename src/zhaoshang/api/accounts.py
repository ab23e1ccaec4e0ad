"""Tokens and units."""

from django.contrib.auth import authenticate
from ninja import Router, Schema, Status

from zhaoshang.accounts.selectors import units_for
from zhaoshang.accounts.services import token_issue

auth_router = Router(tags=["认证"])
units_router = Router(tags=["单位"])


class Credentials(Schema):
    username: str
    password: str


class TokenOut(Schema):
    token: str


class Failure(Schema):
    detail: str


@auth_router.post("/token", auth=None, response={200: TokenOut, 401: Failure})
def token_create(request, credentials: Credentials):
    """Exchange a username and password for a bearer token (failures count towards the lock-out)."""
    user = authenticate(request, username=credentials.username, password=credentials.password)
    if user is None:
        return Status(401, {"detail": "用户名或密码错误，或账号已被锁定"})
    return Status(200, {"token": token_issue(user=user)})


class UnitOut(Schema):
    id: int
    name: str
    short_name: str
    kind: str
    aliases: list[str]
    lead_count: int
    co_count: int


@units_router.get("", response=list[UnitOut])
def unit_list(request):
    return [
        {"id": u.pk, "name": u.name, "short_name": u.short_name, "kind": u.kind, "aliases": [a.alias for a in u.aliases.all()],
         "lead_count": u.lead_count, "co_count": u.co_count}
        for u in units_for(user=request.user)
    ]
