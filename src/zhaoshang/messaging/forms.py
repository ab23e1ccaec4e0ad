"""The office's channel form: on an existing channel the address and secret are never shown again; left empty they
stay as stored."""

from django import forms

from zhaoshang.accounts.models import Unit
from zhaoshang.messaging.models import Channel

KEEP_HINT = "已保存：{masked}（留空则保持不变）"


class ChannelForm(forms.ModelForm):
    unit = forms.ModelChoiceField(label="所属单位", queryset=Unit.objects.all(), required=False,
                                  empty_label="督办办公室（本办）")
    url = forms.CharField(label="地址", max_length=500, required=False,
                          widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}))
    secret = forms.CharField(label="密钥/令牌", max_length=200, required=False,
                             widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}))
    clear_secret = forms.BooleanField(label="清除已保存的密钥", required=False)

    class Meta:
        model = Channel
        fields = ["name", "kind", "unit", "enabled", "url", "secret", "msg_format", "phones", "method", "body_type",
                  "body_template", "token_header", "success_marker"]
        widgets = {"phones": forms.Textarea(attrs={"rows": 2}), "body_template": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            widget.attrs["class"] = ("form-check-input" if isinstance(widget, forms.CheckboxInput) else
                                     "form-select form-select-sm" if isinstance(widget, forms.Select)
                                     else "form-control form-control-sm")
        self.stored = self.instance.pk is not None
        if self.stored:
            self.initial["url"] = ""
            self.fields["url"].help_text = KEEP_HINT.format(masked=self.instance.url_masked)
            self.fields["secret"].help_text = (KEEP_HINT.format(masked=self.instance.secret_masked)
                                               if self.instance.secret else "未设置")
        else:
            self.fields["url"].required = True
            self.fields["url"].help_text = Channel._meta.get_field("url").help_text
            self.fields["secret"].help_text = Channel._meta.get_field("secret").help_text
            del self.fields["clear_secret"]

    def clean_url(self) -> str:
        value = self.cleaned_data["url"].strip()
        return value or (self.instance.url if self.stored else "")

    def clean_secret(self) -> str:
        value = self.cleaned_data["secret"].strip()
        if value or not self.stored:
            return value
        return "" if self.data.get(self.add_prefix("clear_secret")) else self.instance.secret
