"""Forms of the needs pages. They only parse; the services decide."""

from django import forms
from django.utils import timezone

from zhaoshang.accounts.models import Unit
from zhaoshang.core.permissions import OFFICE, role_of
from zhaoshang.needs.choices import NeedType, Satisfaction
from zhaoshang.needs.services.tickets import NeedInput
from zhaoshang.projects.choices import State
from zhaoshang.projects.models import Project
from zhaoshang.projects.selectors import listed_projects


def styled(form: forms.Form) -> None:
    for field in form.fields.values():
        widget = field.widget
        widget.attrs["class"] = "form-select" if isinstance(widget, forms.Select) else "form-control"


def project_options(user):
    """Recently updated live projects `user` lists (a unit user: its own unit's), offered in the project field's
    list (the pipeline may be very large)."""
    return listed_projects(user).exclude(state=State.TERMINATED).only("id", "name").order_by("-updated_at")[:300]


class NeedForm(forms.Form):
    title = forms.CharField(label="诉求事项", max_length=200)
    need_type = forms.ChoiceField(label="诉求类型", choices=NeedType.choices, initial=NeedType.OTHER)
    project = forms.ModelChoiceField(label="项目编号", queryset=Project.objects.all(), required=False,
                                     widget=forms.TextInput(attrs={"list": "project-options", "inputmode": "numeric"}),
                                     help_text="输入项目编号，或从最近更新的项目中选择", error_messages={
                                         "invalid_choice": "项目编号不存在"})
    enterprise_name = forms.CharField(label="企业名称", max_length=200, required=False,
                                      help_text="选择项目时可不填，默认为项目的投资企业；尚未入库的企业将自动登记")
    credit_code = forms.CharField(label="统一社会信用代码", max_length=18, required=False)
    unit = forms.ModelChoiceField(label="承办单位", queryset=Unit.objects.all())
    description = forms.CharField(label="具体内容", required=False, widget=forms.Textarea(attrs={"rows": 4}), max_length=5000)
    contact_name = forms.CharField(label="企业联系人", max_length=30, required=False)
    contact_phone = forms.CharField(label="联系电话", max_length=30, required=False)
    raised_at = forms.DateTimeField(label="提出时间", required=False, help_text="不填为现在；电话、来函等可补录实际提出时间",
                                    widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))

    def __init__(self, *args, user=None, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if role_of(user) != OFFICE:  # a unit registers needs it handles itself
            self.fields["unit"].queryset = Unit.objects.filter(pk=getattr(user, "unit_id", None))
            self.fields["unit"].initial = getattr(user, "unit_id", None)
        self.fields["project"].queryset = listed_projects(user)  # another unit's project id: "项目编号不存在"
        if editing:
            for name in ("project", "enterprise_name", "credit_code", "unit", "raised_at"):
                del self.fields[name]
        styled(self)

    def clean_raised_at(self):
        value = self.cleaned_data["raised_at"]
        if value and value > timezone.now():
            raise forms.ValidationError("提出时间不能晚于当前时间")
        return value

    def need_input(self) -> NeedInput:
        data = self.cleaned_data
        return NeedInput(title=data["title"], need_type=data["need_type"], unit=data["unit"], project=data["project"],
                         enterprise_name=data["enterprise_name"], credit_code=data["credit_code"],
                         description=data["description"], contact_name=data["contact_name"],
                         contact_phone=data["contact_phone"], raised_at=data["raised_at"])


class SettleForm(forms.Form):
    reply = forms.CharField(label="办理答复", max_length=5000, widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}))


class RateForm(forms.Form):
    satisfaction = forms.ChoiceField(label="企业满意度", choices=Satisfaction.choices, widget=forms.RadioSelect)
    note = forms.CharField(label="回访意见", max_length=500, required=False, widget=forms.TextInput(attrs={"class": "form-control"}))
