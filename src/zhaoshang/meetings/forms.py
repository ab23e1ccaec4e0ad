"""Forms of the meeting pages. They only parse; the services decide."""

from django import forms

from zhaoshang.accounts.models import Unit
from zhaoshang.meetings.choices import WEEKDAYS, MeetingKind, MeetingStatus
from zhaoshang.meetings.models import Decision
from zhaoshang.meetings.services.meetings import MeetingInput
from zhaoshang.projects.models import Project

DATE = {"type": "date"}


def styled(form: forms.Form) -> None:
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.CheckboxSelectMultiple):
            continue
        widget.attrs["class"] = "form-select" if isinstance(widget, forms.Select) else "form-control"


class MeetingForm(forms.Form):
    kind = forms.ChoiceField(label="会议类型", choices=MeetingKind.choices)
    date = forms.DateField(label="日期", widget=forms.DateInput(attrs=DATE))
    start_time = forms.TimeField(label="开始时间", required=False, widget=forms.TimeInput(attrs={"type": "time"}))
    title = forms.CharField(label="会议名称", max_length=100, required=False, help_text="不填则为“××年第N期××会”")
    place = forms.CharField(label="地点", max_length=100, required=False)
    chair = forms.CharField(label="主持人", max_length=50, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        styled(self)

    def meeting_input(self) -> MeetingInput:
        data = self.cleaned_data
        return MeetingInput(data["kind"], data["date"], data["title"], data["place"], data["chair"], data["start_time"])


class MeetingEditForm(forms.Form):
    title = forms.CharField(label="会议名称", max_length=100)
    date = forms.DateField(label="日期", widget=forms.DateInput(attrs=DATE))
    start_time = forms.TimeField(label="开始时间", required=False, widget=forms.TimeInput(attrs={"type": "time"}))
    place = forms.CharField(label="地点", max_length=100, required=False)
    chair = forms.CharField(label="主持人", max_length=50, required=False)
    status = forms.ChoiceField(label="状态", choices=MeetingStatus.choices)
    minutes = forms.CharField(label="会议情况（纪要正文）", required=False, max_length=20000,
                              widget=forms.Textarea(attrs={"rows": 8}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        styled(self)


class SeriesForm(forms.Form):
    kind = forms.ChoiceField(label="会议类型", choices=MeetingKind.choices)
    weekday = forms.TypedChoiceField(label="星期", choices=WEEKDAYS, coerce=int)
    interval_weeks = forms.IntegerField(label="间隔（周）", min_value=1, max_value=8, required=False,
                                        help_text="不填：会商研判每周，现场调度每两周")
    start_date = forms.DateField(label="开始日期", widget=forms.DateInput(attrs=DATE))
    title = forms.CharField(label="名称", max_length=100, required=False)
    place = forms.CharField(label="地点", max_length=100, required=False)
    chair = forms.CharField(label="主持人", max_length=50, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        styled(self)


class AttendeesForm(forms.Form):
    units = forms.ModelMultipleChoiceField(label="参会单位", queryset=Unit.objects.all(), required=False,
                                           widget=forms.CheckboxSelectMultiple)
    people = forms.CharField(label="参会人员（每行一人：姓名 职务）", required=False, max_length=5000,
                             widget=forms.Textarea(attrs={"rows": 4, "class": "form-control"}))


class ActionItemForm(forms.Form):
    text = forms.CharField(label="工作事项", max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))
    owner_unit = forms.ModelChoiceField(label="责任单位", queryset=Unit.objects.all())
    due_date = forms.DateField(label="完成时限", widget=forms.DateInput(attrs=DATE))
    decision = forms.ModelChoiceField(label="对应议定事项", queryset=None, required=False, empty_label="（无）")
    project = forms.ModelChoiceField(label="相关项目", queryset=Project.objects.none(), required=False, empty_label="（无）")

    def __init__(self, *args, meeting=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].queryset = meeting.decisions.all() if meeting else Decision.objects.none()
        # the projects the meeting discussed
        self.fields["project"].queryset = Project.objects.filter(agenda_items__meeting=meeting).distinct().only("id", "name")
        styled(self)
