"""Forms of the needs pages. They only parse; the services decide."""

from django import forms
from django.utils import timezone

from zhaoshang.accounts.models import Unit
from zhaoshang.core.permissions import OFFICE, role_of
from zhaoshang.core.phones import phone_error
from zhaoshang.needs.choices import NeedType, Satisfaction
from zhaoshang.needs.services.tickets import NeedInput
from zhaoshang.projects.choices import State
from zhaoshang.projects.models import Enterprise, Project
from zhaoshang.projects.selectors import listed_projects


def styled(form: forms.Form) -> None:
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.RadioSelect):  # rendered one radio at a time by the template
            continue
        widget.attrs["class"] = "form-select" if isinstance(widget, forms.Select) else "form-control"


class NeedForm(forms.Form):
    title = forms.CharField(label="诉求事项", max_length=200)
    need_type = forms.ChoiceField(label="诉求类型", choices=NeedType.choices, initial=NeedType.OTHER)
    # picked by name in the form (needs/_picker.html: search as you type, one radio per candidate)
    project = forms.ModelChoiceField(label="项目", queryset=Project.objects.none(), required=False,
                                     widget=forms.RadioSelect, error_messages={"invalid_choice": "所选项目不存在或无权访问"})
    enterprise = forms.ModelChoiceField(label="企业", queryset=Enterprise.objects.all(), required=False,
                                        widget=forms.RadioSelect, error_messages={"invalid_choice": "所选企业不存在"})
    enterprise_name = forms.CharField(label="新企业名称", max_length=200, required=False,
                                      help_text="企业名录中找不到时填写，将自动登记；选择项目时可不填，默认为项目的投资企业")
    credit_code = forms.CharField(label="统一社会信用代码", max_length=18, required=False)
    unit = forms.ModelChoiceField(label="承办单位", queryset=Unit.objects.all())
    description = forms.CharField(label="具体内容", required=False, widget=forms.Textarea(attrs={"rows": 4}), max_length=5000)
    contact_name = forms.CharField(label="企业联系人", max_length=30, required=False)
    contact_phone = forms.CharField(label="联系电话", max_length=30, required=False,
                                    widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
                                    help_text="11位手机号码，或带区号的固定电话")
    raised_at = forms.DateTimeField(label="提出时间", required=False, help_text="不填为现在；电话、来函等可补录实际提出时间",
                                    widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))

    def __init__(self, *args, user=None, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if role_of(user) != OFFICE:  # a unit registers needs it handles itself
            self.fields["unit"].queryset = Unit.objects.filter(pk=getattr(user, "unit_id", None))
            self.fields["unit"].initial = getattr(user, "unit_id", None)
        # another unit's project: "所选项目不存在或无权访问"
        self.fields["project"].queryset = listed_projects(user).exclude(state=State.TERMINATED)
        if editing:
            for name in ("project", "enterprise", "enterprise_name", "credit_code", "unit", "raised_at"):
                del self.fields[name]
        styled(self)

    def clean_raised_at(self):
        value = self.cleaned_data["raised_at"]
        if value and value > timezone.now():
            raise forms.ValidationError("提出时间不能晚于当前时间")
        return value

    def clean_contact_phone(self):
        value = self.cleaned_data["contact_phone"]
        error = phone_error(value)
        if error:
            raise forms.ValidationError(error)
        return value

    def clean(self):
        data = super().clean()
        if "project" in self.fields and not (data.get("project") or data.get("enterprise") or data.get("enterprise_name")) \
                and not self.has_error("project") and not self.has_error("enterprise"):
            self.add_error("project", "请按名称选择提出诉求的项目或企业，或填写新企业名称")
        return data

    def need_input(self) -> NeedInput:
        data = self.cleaned_data
        return NeedInput(title=data["title"], need_type=data["need_type"], unit=data["unit"], project=data["project"],
                         enterprise=data["enterprise"], enterprise_name=data["enterprise_name"], credit_code=data["credit_code"],
                         description=data["description"], contact_name=data["contact_name"],
                         contact_phone=data["contact_phone"], raised_at=data["raised_at"])


class SettleForm(forms.Form):
    reply = forms.CharField(label="办理答复", max_length=5000, widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}))


class RouteForm(forms.Form):
    unit = forms.ModelChoiceField(label="转办至", queryset=Unit.objects.all(), empty_label="请选择承办单位",
                                  error_messages={"required": "请选择转办的承办单位"})
    reason = forms.CharField(label="转办理由", max_length=500, error_messages={"required": "请填写转办理由"},
                             widget=forms.Textarea(attrs={"rows": 2, "placeholder": "如：属于该单位职责范围"}))

    def __init__(self, *args, need=None, **kwargs):
        super().__init__(*args, **kwargs)
        if need is not None:  # the unit handling it now is not a choice
            self.fields["unit"].queryset = Unit.objects.exclude(pk=need.unit_id)
        styled(self)


class RateForm(forms.Form):
    satisfaction = forms.ChoiceField(label="企业满意度", choices=Satisfaction.choices, widget=forms.RadioSelect)
    note = forms.CharField(label="回访意见", max_length=500, required=False, widget=forms.TextInput(attrs={"class": "form-control"}))
