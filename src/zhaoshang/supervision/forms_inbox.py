"""Forms of the review inbox (accept/return one or many reports) and of batch 催办."""

from django import forms

from zhaoshang.plans.models import Assignment
from zhaoshang.supervision.models import ProgressReport
from zhaoshang.supervision.services.review_inbox import ACCEPT, RETURN

DEFAULT_URGE = "请抓紧报送逾期未报的工作进展，并如实反映推进中遇到的问题。"


class ReviewBatchForm(forms.Form):
    """The reports ticked (or the one row's report), the decision and, for a return, the reason."""

    report = forms.ModelMultipleChoiceField(queryset=ProgressReport.objects.none(),
                                            error_messages={"required": "请先勾选要审核的报告。",
                                                            "invalid_choice": "所选报告不存在或无权审核。",
                                                            "invalid_pk_value": "所选报告不存在或无权审核。"})
    decision = forms.ChoiceField(choices=[(ACCEPT, "通过"), (RETURN, "退回")], error_messages={"required": "请选择审核结论。"})
    reason = forms.CharField(required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 1}))

    def __init__(self, *args, reports, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["report"].queryset = reports


class UrgeBatchForm(forms.Form):
    """The assignments ticked and the one message they are all urged with."""

    assignment = forms.ModelMultipleChoiceField(queryset=Assignment.objects.none(),
                                                error_messages={"required": "请先勾选要催办的工作。",
                                                                "invalid_choice": "所选工作不存在或无权催办。",
                                                                "invalid_pk_value": "所选工作不存在或无权催办。"})
    message = forms.CharField(label="催办内容", max_length=2000, initial=DEFAULT_URGE,
                              widget=forms.Textarea(attrs={"rows": 2}), error_messages={"required": "请填写催办内容。"})

    def __init__(self, *args, assignments, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignment"].queryset = assignments
