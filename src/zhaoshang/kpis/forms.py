"""Forms of the indicator pages. They only parse; the services (kpis.services) decide."""

import datetime

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone

from zhaoshang.accounts.models import Unit
from zhaoshang.core.query_params import MAX_ID, MAX_YEAR, MIN_YEAR
from zhaoshang.kpis.choices import CountStage, Kind, Period, RegistryMode
from zhaoshang.kpis.errors import KpiError
from zhaoshang.kpis.models import Kpi
from zhaoshang.kpis.registries import filter_guide, filter_lines, registry_choices, registry_rule_clean
from zhaoshang.kpis.services.defining import PartInput
from zhaoshang.kpis.services.editing import KpiInput
from zhaoshang.kpis.services.values import parse_value
from zhaoshang.plans.choices import Comparator
from zhaoshang.plans.models import Chain, Measure, Plan, Task
from zhaoshang.projects.choices import Channel
from zhaoshang.projects.models import Tag

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _styled(form: forms.Form) -> None:
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, (forms.CheckboxSelectMultiple, forms.HiddenInput)):
            continue
        widget.attrs["class"] = "form-select" if isinstance(widget, forms.Select) else "form-control"


class OverviewFilterForm(forms.Form):
    """指标总览's filter, shared by the page and its export; a value that does not parse is ignored."""

    focus = forms.IntegerField(required=False, min_value=1, max_value=MAX_ID)
    task = forms.IntegerField(required=False, min_value=1, max_value=MAX_ID)
    unit = forms.IntegerField(required=False, min_value=1, max_value=MAX_ID)
    as_of = forms.DateField(required=False, validators=[MinValueValidator(datetime.date(MIN_YEAR, 1, 1)),
                                                        MaxValueValidator(datetime.date(MAX_YEAR, 12, 31))])

    def filters(self) -> dict:
        self.is_valid()
        data = self.cleaned_data
        return {"focus_id": data.get("focus"), "task_id": data.get("task"), "unit_id": data.get("unit")}

    def day(self) -> datetime.date | None:
        """The date asked for, None when none (or a bad one) was given."""
        self.is_valid()
        return self.cleaned_data.get("as_of")


class ValueForm(forms.Form):
    """A reported value (a milestone: done, with evidence), the date it is as of, a note and the evidence file."""

    value = forms.CharField(label="数值", max_length=30, required=False)
    as_of = forms.DateField(label="数据截至日期", widget=DATE_WIDGET,
                            error_messages={"required": "请填写数据截至日期", "invalid": "日期格式不正确"})
    note = forms.CharField(label="说明", max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2}))
    evidence = forms.FileField(label="佐证材料（PDF、图片、Word、Excel）", required=False)

    def __init__(self, *args, kpi: Kpi, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["as_of"].initial = timezone.localdate()
        if kpi.kind == Kind.MILESTONE:
            del self.fields["value"]
            self.fields["evidence"].label = "佐证材料（必传：文件、批复、照片等）"
        else:
            self.fields["value"].label = f"数值（{kpi.unit}）" if kpi.unit else "数值"
        _styled(self)

    def clean_evidence(self):
        upload = self.cleaned_data["evidence"]
        if upload and upload.size > settings.MAX_ATTACHMENT_BYTES:  # refused before it is read into memory
            raise forms.ValidationError(f"文件过大，单个附件不超过{settings.MAX_ATTACHMENT_BYTES // 1024 // 1024}MB。")
        return upload

    def submission(self) -> dict:
        """The keyword arguments of value_submit."""
        data, upload = self.cleaned_data, self.cleaned_data["evidence"]
        return {"value": data.get("value", ""), "as_of": data["as_of"], "note": data["note"],
                "filename": upload.name if upload else "", "data": upload.read() if upload else None}


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(choices=[("confirm", "确认"), ("reject", "退回")])
    note = forms.CharField(label="审核意见", max_length=300, required=False)


class BaselineForm(forms.Form):
    value = forms.CharField(label="上年基数", max_length=30)
    source = forms.CharField(label="基数来源", max_length=200, help_text="如：2024年统计年报")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _styled(self)

    @classmethod
    def for_kpi(cls, kpi: Kpi) -> "BaselineForm":
        """The form filled with the baseline entered so far (4, not 4.0000)."""
        value = f"{kpi.baseline.normalize():f}" if kpi.baseline is not None else ""
        return cls(initial={"value": value, "source": kpi.baseline_source})


class KpiForm(forms.Form):
    """The office's correction of an indicator: what it measures, its goal and due date, what counts, who reports."""

    kind = forms.ChoiceField(label="类型", choices=Kind.choices)
    goal = forms.DecimalField(label="目标值", max_digits=16, decimal_places=4)
    unit = forms.CharField(label="计量单位", max_length=10, required=False, help_text="个、家、亿元、万元、%")
    comparator = forms.ChoiceField(label="比较", choices=Comparator.choices)
    year = forms.IntegerField(label="统计年度")
    due_on = forms.DateField(label="完成时限", required=False, widget=DATE_WIDGET, help_text="空：统计年度年底")
    stage = forms.ChoiceField(label="计入阶段", choices=CountStage.choices)
    chains = forms.ModelMultipleChoiceField(label="产业链（任一）", queryset=Chain.objects.none(), required=False,
                                            widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}))
    tags = forms.ModelMultipleChoiceField(label="标签（任一）", queryset=Tag.objects.all(), required=False,
                                          widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}))
    channel = forms.ChoiceField(label="招引渠道", choices=[("", "（不限）"), *Channel.choices], required=False)
    channel_detail = forms.CharField(label="渠道说明包含", max_length=100, required=False,
                                     help_text="如某个国企、平台或基金的名称")
    min_amount_wan = forms.DecimalField(label="计划总投资下限（万元）", max_digits=16, decimal_places=2, required=False,
                                        help_text="“亿元以上”填10000")
    registry = forms.ChoiceField(label="登记来源（登记/活动条数类）", choices=lambda: [("", "（无）"), *registry_choices()],
                                 required=False)
    registry_mode = forms.ChoiceField(
        label="计数方式（登记/活动条数类）", choices=RegistryMode.choices, required=False,
        help_text="新增：起始日期（设立、成立日期等）在统计年度内、截至统计日的条数，如“新设3支基金”；存量：统计日在册的条数"
                  "（起始日期不晚于统计日或未填，截止日期为空或晚于统计日），如“可供地块不少于50宗”。会议、诉求只能按新增计数。")
    registry_filter = forms.CharField(
        label="筛选条件（登记/活动条数类）", required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "placeholder": "级别=国家级"}),
        help_text="每行一个“列=值”，列和值都可写中文名称（如“级别=国家级”）；数值列写“规划面积(亩)不低于=100”。"
                  "留空则计入全部记录。各数据库可用的列见下方说明。")
    registry_sum = forms.CharField(label="合计列（登记/活动条数类）", max_length=40, required=False,
                                   help_text="空：计条数；填数值列的名称（如“人数”）则合计该列，如“定向输送20名”")
    period = forms.ChoiceField(label="周期（登记/活动条数类）", choices=[("", "（不按周期）"), *Period.choices], required=False,
                               help_text="如“每月举办1次”：目标值填每期的数量（1），每期分别计，全年目标为12次，未达到的月份标出")
    reporting_unit = forms.ModelChoiceField(label="报送单位（单位报送值、里程碑类）", queryset=Unit.objects.all(),
                                            required=False, empty_label="（无）")

    FIELDS = ("kind", "goal", "unit", "comparator", "year", "due_on", "stage", "channel", "channel_detail",
              "min_amount_wan", "registry", "registry_sum", "period")

    def __init__(self, *args, kpi: Kpi | None = None, plan_id: int | None = None, start: KpiInput | None = None,
                 **kwargs):
        """Filled from the indicator `kpi`, or from `start` (a suggestion, or nothing: a new indicator)."""
        rule = kpi or start
        initial = kwargs.pop("initial", {})
        if rule is not None:
            initial |= {name: getattr(rule, name) for name in self.FIELDS}
            initial["goal"] = f"{rule.goal.normalize():f}"  # 1, not 1.0000
            initial |= {"reporting_unit": rule.reporting_unit_id, "registry_mode": rule.registry_mode,
                        "registry_filter": filter_lines(rule.registry, rule.registry_filter)}
        if kpi is not None:
            initial |= {"chains": [c.pk for c in kpi.chains.all()], "tags": [t.pk for t in kpi.tags.all()]}
        super().__init__(*args, initial=initial, **kwargs)
        self.fields["chains"].queryset = Chain.objects.filter(plan_id=kpi.plan_id if kpi else plan_id,
                                                              merged_into__isnull=True)
        self.filter_guide = filter_guide()
        _styled(self)

    def clean_registry_filter(self) -> dict[str, str]:
        """The "列=值" lines as a dict; the service checks the columns and values against the registry."""
        parsed = {}
        for number, line in enumerate(self.cleaned_data["registry_filter"].splitlines(), start=1):
            line = line.strip()
            if not line:
                continue
            column, equals, value = line.replace("＝", "=").partition("=")
            if not equals or not column.strip() or not value.strip():
                raise forms.ValidationError(f"第{number}行应写成“列=值”，如“级别=国家级”")
            if column.strip() in parsed:
                raise forms.ValidationError(f"第{number}行：“{column.strip()}”重复")
            parsed[column.strip()] = value.strip()
        return parsed

    def clean(self):
        data = super().clean()
        data["registry_mode"] = data.get("registry_mode") or RegistryMode.NEW
        if data.get("kind") == Kind.REGISTRY_COUNT and data.get("registry") and "registry_filter" in data:
            key, mode = data["registry"], data["registry_mode"]
            try:
                registry_rule_clean(key, mode, {})
            except KpiError as error:
                self.add_error("registry_mode", str(error))
                return data
            try:
                data["registry_filter"] = registry_rule_clean(key, mode, data["registry_filter"])[1]
            except KpiError as error:
                self.add_error("registry_filter", str(error))
        return data

    def kpi_input(self) -> KpiInput:
        data = self.cleaned_data
        unit = data["reporting_unit"]
        return KpiInput(**{name: data[name] for name in self.FIELDS}, reporting_unit_id=unit.pk if unit else None,
                        chain_ids=[c.pk for c in data["chains"]], tag_ids=[t.pk for t in data["tags"]],
                        registry_mode=data["registry_mode"], registry_filter=data["registry_filter"])


class KpiDefineForm(KpiForm):
    """A new indicator of the office: on which task (and measure), its name, its rule, and optional parts."""

    text = forms.CharField(label="指标名称", max_length=300, help_text="通知原文中的数字表述，或其概括")
    task = forms.ModelChoiceField(label="任务", queryset=Task.objects.none(), empty_label="请选择任务…")
    measure = forms.IntegerField(label="举措序号（可选）", required=False, min_value=1, max_value=999,
                                 help_text="指标来自某项举措时填写其序号，如第2项举措填2")
    parts = forms.CharField(
        label="分项（可选）", required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3, "placeholder": "城发集团=3"}),
        help_text="每行一个分项“名称=目标值”，各分项分别计算，总指标显示达标的分项数。项目类分项的名称即渠道说明中的文字（如“城发集团”）；"
                  "登记类分项可写“名称=目标值；列=值”限定各自的记录。")

    field_order = ["task", "measure", "text"]

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, plan_id=plan.pk, **kwargs)
        self.plan = plan
        self.fields["task"].queryset = Task.objects.filter(plan=plan).order_by("sort_key", "id")
        self.fields["task"].label_from_instance = lambda task: f"任务{task.number}"
        self.order_fields(["task", "measure", "text", *self.FIELDS, "registry_mode", "registry_filter", "chains", "tags",
                           "reporting_unit", "parts"])

    def clean(self):
        data = super().clean()
        task, ordinal = data.get("task"), data.get("measure")
        data["measure_row"] = None
        if task is not None and ordinal:
            data["measure_row"] = Measure.objects.filter(task=task, ordinal=ordinal).first()
            if data["measure_row"] is None:
                self.add_error("measure", f"任务{task.number}没有第{ordinal}项举措")
        return data

    def clean_parts(self) -> list[PartInput]:
        parts = []
        for number, line in enumerate(self.cleaned_data["parts"].splitlines(), start=1):
            line = line.strip()
            if not line:
                continue
            head, _, where_text = line.replace("；", ";").partition(";")
            label, equals, goal = head.replace("＝", "=").partition("=")
            try:
                value = parse_value(goal) if equals else None
            except KpiError:
                value = None
            if not label.strip() or value is None:
                raise forms.ValidationError(f"分项第{number}行应写成“名称=目标值”，如“市城发集团=3”")
            where = {}
            for pair in filter(None, (p.strip() for p in where_text.replace("，", ",").split(","))):
                column, eq, wanted = pair.replace("＝", "=").partition("=")
                if not eq or not column.strip() or not wanted.strip():
                    raise forms.ValidationError(f"分项第{number}行的筛选条件应写成“列=值”")
                where[column.strip()] = wanted.strip()
            parts.append(PartInput(label=label.strip(), goal=value, registry_filter=where,
                                   channel_detail="" if where else label.strip()))
        return parts
