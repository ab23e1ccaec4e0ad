"""Tokens, the caller's password, and units."""

import datetime

from django.contrib.auth import authenticate, logout, update_session_auth_hash
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status

from zhaoshang.accounts.second_factor import otp_check, otp_device_for
from zhaoshang.accounts.selectors import second_factor_required, tokens_for, units_for
from zhaoshang.accounts.services import CredentialError, password_change, token_create, token_revoke
from zhaoshang.api.auth import CREDENTIALS_AUTH

auth_router = Router(tags=["认证"], auth=CREDENTIALS_AUTH)
units_router = Router(tags=["单位"])
LOCKED_OUT = "登录失败次数过多，请30分钟后再试"


class Credentials(Schema):
    username: str
    password: str
    name: str = ""
    otp: str = ""


class TokenOut(Schema):
    token: str
    expires_at: datetime.datetime


class Failure(Schema):
    detail: str


class TokenRow(Schema):
    id: int
    name: str
    created_at: datetime.datetime
    last_used_at: datetime.datetime | None
    expires_at: datetime.datetime


class PasswordChange(Schema):
    old_password: str
    new_password: str


class PasswordFailure(Schema):
    detail: str
    errors: list[str]


@auth_router.post("/token", auth=None, response={200: TokenOut, 401: Failure, 403: Failure, 429: Failure})
def token_obtain(request, credentials: Credentials):
    """Exchange a username and password (and the TOTP code in `otp` for roles that need one) for a bearer token that
    lives ZHAOSHANG_TOKEN_HOURS; password failures count towards the lock-out, answered as JSON 429."""
    user = authenticate(request, username=credentials.username, password=credentials.password)
    if getattr(request, "axes_locked_out", False):
        request.axes_locked_out = False  # answered here as JSON, not by axes' HTML lock-out page
        return Status(429, {"detail": LOCKED_OUT})
    if user is None:
        return Status(401, {"detail": "用户名或密码错误，或账号已被锁定"})
    if second_factor_required(user):
        if otp_device_for(user) is None:
            return Status(403, {"detail": "请先在网页上登录并绑定动态验证码"})
        if otp_check(user=user, code=credentials.otp) is None:
            return Status(401, {"detail": "动态验证码不正确或已过期" if credentials.otp else "请在 otp 中提供动态验证码"})
    token, key = token_create(user=user, name=credentials.name)
    return Status(200, {"token": key, "expires_at": token.expires_at})


@auth_router.post("/logout", response={204: None})
def auth_logout(request):
    """End the calling token (bearer) or the browser session."""
    token = getattr(request, "api_token", None)
    if token is not None:
        token_revoke(actor=request.user, token=token)
    else:
        logout(request)
    return Status(204, None)


@auth_router.get("/tokens", response=list[TokenRow])
def token_list(request):
    """The caller's own live tokens (never the secret)."""
    return list(tokens_for(user=request.user))


@auth_router.delete("/tokens/{int:token_id}", response={204: None})
def token_delete(request, token_id: int):
    """Revoke one of the caller's own tokens (another's answers 404)."""
    token_revoke(actor=request.user, token=get_object_or_404(tokens_for(user=request.user), pk=token_id))
    return Status(204, None)


@auth_router.post("/password", response={200: Failure, 400: PasswordFailure})
def password_update(request, body: PasswordChange):
    """Change the caller's password; every token issued before (the calling one too) stops working."""
    try:
        user = password_change(user=request.user, old_password=body.old_password, new_password=body.new_password)
    except CredentialError as exc:
        return Status(400, {"detail": str(exc), "errors": [str(exc)]})
    except ValidationError as exc:
        return Status(400, {"detail": "；".join(exc.messages), "errors": exc.messages})
    if getattr(request, "api_token", None) is None:
        update_session_auth_hash(request, user)  # the browser stays logged in
    return Status(200, {"detail": "密码已修改，原有令牌均已失效"})


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
