"""The office's bulletin request form and its official-document settings."""

import datetime

from django import forms
from django.utils import timezone

from zhaoshang.reports.errors import BulletinError
from zhaoshang.reports.models import OfficialDocSettings
from zhaoshang.reports.periods import parse_period


def last_month(today: datetime.date | None = None) -> str:
    first = (today or timezone.localdate()).replace(day=1)
    return (first - datetime.timedelta(days=1)).strftime("%Y-%m")


class BulletinRequestForm(forms.Form):
    period = forms.CharField(label="通报月份", max_length=7, widget=forms.TextInput(attrs={"type": "month", "class": "form-control"}))

    def clean_period(self) -> str:
        period = self.cleaned_data["period"].strip()
        try:
            parse_period(period)
        except BulletinError as error:
            raise forms.ValidationError(str(error)) from error
        return period


class DocSettingsForm(forms.ModelForm):
    """The office's official-document settings; a 文号/期号 pattern may use only {year} and {seq}."""

    class Meta:
        model = OfficialDocSettings
        fields = ["issuer", "red_header", "header_text", "number_pattern", "issue_pattern", "main_to", "copy_to"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.widget.attrs["class"] = "form-check-input" if name == "red_header" else "form-control"

    def _pattern(self, name: str, *, needs_seq: bool) -> str:
        pattern = self.cleaned_data[name].strip()
        leftover = pattern.replace("{year}", "").replace("{seq}", "")
        if "{" in leftover or "}" in leftover:
            raise forms.ValidationError("只能使用 {year}（年份）和 {seq}（序号）两个占位符。")
        if pattern and needs_seq and "{seq}" not in pattern:
            raise forms.ValidationError("须包含 {seq}（本年序号），否则各期编号相同。")
        return pattern

    def clean_number_pattern(self) -> str:
        return self._pattern("number_pattern", needs_seq=True)

    def clean_issue_pattern(self) -> str:
        pattern = self._pattern("issue_pattern", needs_seq=True)
        if not pattern:
            raise forms.ValidationError("请填写期号格式，如“{year}年第{seq}期”。")
        return pattern
