"""The log-in form, the own password change, and the admin's password reset, with Chinese messages."""

from django import forms
from django.contrib.auth.forms import AdminPasswordChangeForm, AdminUserCreationForm, AuthenticationForm
from django.contrib.auth.password_validation import password_validators_help_text_html
from django.utils.functional import lazy


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "用户名或密码错误。连续多次错误后账号将被暂时锁定。",
        "inactive": "该账号已停用。",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "用户名"
        self.fields["password"].label = "密码"
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-control"


class PasswordChangeForm(forms.Form):
    """The user's own password change; the rules are checked by the service (Django's validators in settings)."""

    old_password = forms.CharField(label="原密码", widget=forms.PasswordInput(attrs={"autocomplete": "current-password", "class": "form-control"}))
    new_password = forms.CharField(label="新密码", widget=forms.PasswordInput(attrs={"autocomplete": "new-password", "class": "form-control"}),
                                   help_text=lazy(password_validators_help_text_html, str)())  # in the request's language
    new_password2 = forms.CharField(label="确认新密码", widget=forms.PasswordInput(attrs={"autocomplete": "new-password", "class": "form-control"}))

    def clean(self):
        data = super().clean()
        if data.get("new_password") != data.get("new_password2"):
            raise forms.ValidationError("两次输入的新密码不一致")
        return data


class AdminSetPasswordForm(AdminPasswordChangeForm):
    """The password an admin sets in /admin/ is known to the admin: the owner must change it at the next log-in."""

    def save(self, commit=True):
        self.user.must_change_password = self.cleaned_data.get("set_usable_password", True)
        return super().save(commit=commit)


class AdminCreateUserForm(AdminUserCreationForm):
    """An account an admin creates with a password: its owner must change it at the first log-in."""

    def save(self, commit=True):
        self.instance.must_change_password = self.cleaned_data.get("set_usable_password", True)
        return super().save(commit=commit)
