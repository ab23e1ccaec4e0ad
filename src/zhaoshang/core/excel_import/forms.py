"""The upload form every import page uses: a workbook and, optionally, the sheet to read."""

from django import forms

from zhaoshang.core.excel_import.workbook import max_bytes


class WorkbookUploadForm(forms.Form):
    file = forms.FileField(label="Excel文件", help_text="支持 .xlsx 和 .xls，不超过 20MB、10万行")
    sheet = forms.CharField(label="工作表名称（可不填）", max_length=100, required=False,
                            help_text="不填时读取第一张含有表头的工作表")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs.update({"class": "form-control", "accept": ".xlsx,.xls,.xlsm"})
        self.fields["sheet"].widget.attrs.update({"class": "form-control"})

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > max_bytes():
            raise forms.ValidationError(f"文件过大（{upload.size / 1024 / 1024:.1f}MB），上限为{max_bytes() // 1024 // 1024}MB；请拆分后分批导入。")
        if upload.size == 0:
            raise forms.ValidationError("文件是空的。")
        return upload
