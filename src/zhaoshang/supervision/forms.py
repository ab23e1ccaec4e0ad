"""Forms of the supervision pages."""

from django import forms

from zhaoshang.supervision.choices import WorkStatus
from zhaoshang.supervision.services.reports import ReportInput


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; cleaned to a list (empty when none was chosen)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, (list, tuple)):
            return [super(MultipleFileField, self).clean(item, initial) for item in data]
        return [super().clean(data, initial)] if data else []


class ReportForm(forms.Form):
    period_key = forms.CharField(widget=forms.HiddenInput)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    done_text = forms.CharField(label="本期完成情况", widget=forms.Textarea(attrs={"rows": 4}), max_length=5000)
    next_steps = forms.CharField(label="下步计划", widget=forms.Textarea(attrs={"rows": 3}), max_length=5000, required=False)
    problems = forms.CharField(label="需协调解决的问题", widget=forms.Textarea(attrs={"rows": 2}), max_length=5000, required=False)
    percent = forms.IntegerField(label="完成进度(%)", min_value=0, max_value=100, required=False)
    value = forms.DecimalField(label="指标数值（举措有量化指标时填写，如已签约项目个数、产值亿元）", max_digits=16, decimal_places=4,
                               required=False)
    work_status = forms.ChoiceField(label="进展状态", choices=WorkStatus.choices, initial=WorkStatus.IN_PROGRESS)
    evidence = MultipleFileField(label="佐证材料（PDF、图片、Word、Excel，单个不超过10MB，可多选；随报告一并上传）", required=False,
                              widget=MultipleFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png,.docx,.xlsx"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if not isinstance(field.widget, forms.HiddenInput):
                field.widget.attrs["class"] = "form-select" if name == "work_status" else "form-control"

    def text_fields(self):
        return [field for field in self.visible_fields() if field.name != "evidence"]

    @staticmethod
    def initial_for(period, report) -> dict:
        initial = {"period_key": period.key, "version": report.version if report else None}
        if report:
            initial |= {k: getattr(report, k) for k in ("done_text", "next_steps", "problems", "percent", "value", "work_status")}
        return initial

    def report_input(self) -> ReportInput:
        data = self.cleaned_data
        return ReportInput(data["done_text"], data["next_steps"], data["problems"], data["percent"], data["value"],
                           data["work_status"])


class ReturnForm(forms.Form):
    reason = forms.CharField(label="退回理由", max_length=2000, widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}))


class UrgeForm(forms.Form):
    message = forms.CharField(label="催办内容", max_length=2000, widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}))
