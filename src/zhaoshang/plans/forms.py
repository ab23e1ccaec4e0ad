"""Forms of the plan pages: upload, unit mapping, chains, a unit's contact on an assignment."""

from django import forms
from django.conf import settings

from zhaoshang.accounts.models import Unit
from zhaoshang.plans.models import Chain


class NoticeUploadForm(forms.Form):
    file = forms.FileField(label="通知文件", help_text="支持 .txt .html .docx .xlsx .pdf（带文字层），不超过 20MB")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.MAX_UPLOAD_BYTES:
            raise forms.ValidationError(f"文件过大（{upload.size // 1024 // 1024}MB），上限为 {settings.MAX_UPLOAD_BYTES // 1024 // 1024}MB。")
        if upload.size == 0:
            raise forms.ValidationError("文件是空的。")
        return upload


class AssignmentContactForm(forms.Form):
    contact_person = forms.CharField(label="责任人", max_length=50, required=False)
    contact_phone = forms.CharField(label="联系电话", max_length=30, required=False)
    note = forms.CharField(label="备注", max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ChainForm(forms.Form):
    name = forms.CharField(label="产业链名称", max_length=50)
    category = forms.CharField(label="类别", max_length=30, required=False)
    is_future = forms.BooleanField(label="未来产业", required=False)
    lead_unit = forms.ModelChoiceField(label="牵头单位", queryset=Unit.objects.all(), required=False)
    links_text = forms.CharField(label="产业链环节（用“-”连接）", max_length=500, required=False)
    weak_text = forms.CharField(label="补链环节（用“、”分隔）", max_length=500, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.widget.attrs["class"] = {"is_future": "form-check-input", "lead_unit": "form-select"}.get(name, "form-control")

    @staticmethod
    def initial_for(chain: Chain) -> dict:
        links = list(chain.links.all())
        return {
            "name": chain.name, "category": chain.category, "is_future": chain.is_future, "lead_unit": chain.lead_unit_id,
            "links_text": "-".join(link.name for link in links if not link.is_weak),
            "weak_text": "、".join(link.name for link in links if link.is_weak),
        }


class ChainMergeForm(forms.Form):
    into = forms.ModelChoiceField(label="合并到", queryset=Chain.objects.none())

    def __init__(self, *args, chain: Chain, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = Chain.objects.filter(plan_id=chain.plan_id).exclude(pk=chain.pk)
        self.fields["into"].widget.attrs["class"] = "form-select form-select-sm"
