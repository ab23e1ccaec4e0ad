"""「我的账号」: change the own password (forced at first log-in), list and revoke the own API tokens, the second factor."""

import django_otp
import segno
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from zhaoshang.accounts.forms import PasswordChangeForm
from zhaoshang.accounts.second_factor import otp_check, otp_device_for, otp_enrol_confirm, otp_enrol_start, otp_pending_device, otp_secret
from zhaoshang.accounts.selectors import password_change_required, second_factor_required, tokens_for
from zhaoshang.accounts.services import CredentialError, password_change, token_revoke
from zhaoshang.core.decorators import page


@page()
def account_home(request):
    return render(request, "accounts/account.html", {"tokens": tokens_for(user=request.user)})


@page()
def account_password(request):
    form = PasswordChangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = password_change(user=request.user, old_password=form.cleaned_data["old_password"],
                                   new_password=form.cleaned_data["new_password"])
        except CredentialError as exc:
            form.add_error("old_password", str(exc))
        except ValidationError as exc:
            form.add_error("new_password", exc)
        else:
            update_session_auth_hash(request, user)
            messages.success(request, "密码已修改，原有接口令牌均已失效。")
            return redirect("account:home")
    return render(request, "accounts/password_change.html", {"form": form, "forced": password_change_required(request.user)})


@page()
@require_POST
def account_token_revoke(request, pk: int):
    token_revoke(actor=request.user, token=get_object_or_404(tokens_for(user=request.user), pk=pk))
    messages.success(request, "令牌已撤销。")
    return redirect("account:home")


@page()
def account_otp(request):
    """After the password: enrol an authenticator (QR and secret shown once, confirmed with a code) or enter a code."""
    if not second_factor_required(request.user):
        return redirect("account:home")
    device = otp_device_for(request.user)
    error = ""
    if request.method == "POST":
        code = request.POST.get("code", "")
        verified = otp_check(user=request.user, code=code) if device else otp_enrol_confirm(user=request.user, code=code)
        if verified is not None:
            django_otp.login(request, verified)
            next_url = request.GET.get("next", "")
            return redirect(next_url if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}) else "home")
        error = "验证码不正确或已过期，请重试。"
    context = {"enrolled": device is not None, "error": error}
    if device is None:
        # a mistyped code keeps the secret the user has just scanned; a fresh visit gets a fresh one
        pending = (request.method == "POST" and otp_pending_device(request.user)) or otp_enrol_start(user=request.user)
        context.update(secret=otp_secret(pending), qr=segno.make(pending.config_url, error="m").svg_inline(scale=4))
    return render(request, "accounts/otp.html", context)
