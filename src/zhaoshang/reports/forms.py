"""The office's bulletin request form."""

import datetime

from django import forms
from django.utils import timezone

from zhaoshang.reports.errors import BulletinError
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
