"""Forms of the pipeline pages: a new or edited project, a stage move and its correction. They only parse; the services
decide."""

from django import forms
from django.utils import timezone

from zhaoshang.accounts.models import Unit
from zhaoshang.core.permissions import OFFICE, role_of
from zhaoshang.plans.models import Chain, ChainLink
from zhaoshang.projects.choices import Channel, Stage, State
from zhaoshang.projects.models import Tag
from zhaoshang.projects.selectors import main_investor
from zhaoshang.projects.services.projects import ProjectInput

MOVES = [*Stage.choices, (State.STALLED.value, "停滞"), (State.TERMINATED.value, "终止")]


def _styled(form: forms.Form) -> None:
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.CheckboxSelectMultiple):
            continue
        if isinstance(widget, forms.CheckboxInput):
            widget.attrs["class"] = "form-check-input"
        elif isinstance(widget, forms.Select):
            widget.attrs["class"] = "form-select"
        else:
            widget.attrs["class"] = "form-control"


class LinkSelect(forms.Select):
    """The 产业链环节 select: each link says its chain (data-chain), so app.js offers only the chosen chain's links."""

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        instance = getattr(value, "instance", None)
        if instance is not None:
            option["attrs"]["data-chain"] = instance.chain_id
        return option


def _date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ProjectForm(forms.Form):
    name = forms.CharField(label="项目名称", max_length=200)
    enterprise_name = forms.CharField(label="投资企业名称", max_length=200)
    credit_code = forms.CharField(label="统一社会信用代码", max_length=18, required=False,
                                  help_text="境外或尚未注册的投资方可不填")
    amount_wan = forms.DecimalField(label="计划总投资（万元）", max_digits=14, decimal_places=2)
    fixed_asset_wan = forms.DecimalField(label="其中固定资产投资（万元）", max_digits=14, decimal_places=2, required=False)
    chain = forms.ModelChoiceField(label="产业链", queryset=Chain.objects.none(), required=False, empty_label="（无）",
                                   widget=forms.Select(attrs={"data-narrows": "#id_chain_link"}))
    chain_link = forms.ModelChoiceField(label="产业链环节", queryset=ChainLink.objects.none(), required=False, empty_label="（无）",
                                        widget=LinkSelect)
    tags = forms.ModelMultipleChoiceField(label="标签", queryset=Tag.objects.all(), required=False,
                                          widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}))
    channel = forms.ChoiceField(label="招引渠道", choices=Channel.choices, initial=Channel.DIRECT)
    channel_detail = forms.CharField(label="渠道说明（平台/基金/国企名称）", max_length=100, required=False)
    lead_unit = forms.ModelChoiceField(label="牵头单位", queryset=Unit.objects.all())
    park = forms.CharField(label="落户园区", max_length=50, required=False)
    town = forms.CharField(label="所在镇街", max_length=50, required=False)
    team = forms.CharField(label="招商专班", max_length=50, required=False)
    chief_officer = forms.CharField(label="首席服务官", max_length=30, required=False)
    source = forms.CharField(label="项目来源/线索", max_length=200, required=False)
    notes = forms.CharField(label="备注", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    stage = forms.ChoiceField(label="当前阶段", choices=Stage.choices, initial=Stage.LEAD)
    stage_since = forms.DateField(label="进入该阶段日期", required=False, widget=_date_input(),
                                  help_text="不填则为今天")
    allow_duplicate = forms.BooleanField(label="我已核实，不是重复项目，仍然创建", required=False)

    def __init__(self, *args, user, chains, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["chain"].queryset = chains
        self.fields["chain_link"].queryset = ChainLink.objects.filter(chain__in=chains).select_related("chain")
        self.fields["chain_link"].label_from_instance = lambda link: f"{link.chain.name} / {link.name}"
        if role_of(user) != OFFICE:  # a unit enters its own unit's projects
            self.fields["lead_unit"].queryset = Unit.objects.filter(pk=user.unit_id)
            self.fields["lead_unit"].initial = user.unit_id
        _styled(self)

    def project_input(self) -> ProjectInput:
        data = self.cleaned_data
        return ProjectInput(
            name=data["name"], enterprise_name=data["enterprise_name"], credit_code=data["credit_code"],
            amount_wan=data["amount_wan"], fixed_asset_wan=data["fixed_asset_wan"], chain=data["chain"],
            chain_link=data["chain_link"], tags=list(data["tags"]), channel=data["channel"],
            channel_detail=data["channel_detail"], lead_unit=data["lead_unit"], park=data["park"], town=data["town"],
            team=data["team"], chief_officer=data["chief_officer"], source=data["source"], notes=data["notes"],
            stage=data["stage"], stage_since=data["stage_since"],
        )


class ProjectEditForm(ProjectForm):
    """Every field of a project but its stage (moved through the stage form) and the duplicate check of a new one."""

    def __init__(self, *args, project, **kwargs):
        investor = main_investor(project)
        initial = {name: getattr(project, name) for name in EDIT_COLUMNS}
        initial.update(chain=project.chain_id, chain_link=project.chain_link_id, lead_unit=project.lead_unit_id,
                       tags=list(project.tags.all()), enterprise_name=investor.name if investor else "",
                       credit_code=investor.credit_code if investor else "")
        super().__init__(*args, initial=initial, **kwargs)
        for name in ("stage", "stage_since", "allow_duplicate"):
            del self.fields[name]

    def changes(self) -> dict:
        """The fields whose value differs from what the form opened with (the service audits those)."""
        return {name: self.cleaned_data[name] for name in self.changed_data}


EDIT_COLUMNS = ["name", "amount_wan", "fixed_asset_wan", "channel", "channel_detail", "park", "town", "team",
                "chief_officer", "source", "notes"]


def _happened_on(label: str = "发生日期") -> forms.DateField:
    """The date a stage change happened: asked for, never filled in silently (a 今天 button is beside it)."""
    return forms.DateField(label=label, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                           help_text="阶段实际发生的日期，可早于今天，不能晚于今天",
                           error_messages={"required": "请填写发生日期", "invalid": "日期格式不正确"})


class StageMoveForm(forms.Form):
    happened_on = _happened_on()
    stage = forms.ChoiceField(label="变更为", choices=MOVES)
    note = forms.CharField(label="说明", max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2}),
                           help_text="阶段回退、停滞或终止须说明原因")
    evidence = forms.FileField(label="佐证材料（合同、执照、照片等，可选）", required=False)
    # what the user saw when the form opened: the service refuses the move if the project changed since
    from_stage = forms.ChoiceField(choices=Stage.choices, required=False, widget=forms.HiddenInput)
    from_state = forms.ChoiceField(choices=State.choices, required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["happened_on"].widget.attrs["max"] = f"{timezone.localdate():%Y-%m-%d}"
        _styled(self)


class StageCorrectionForm(forms.Form):
    """The office corrects a recorded stage change: its date, note and evidence, with a reason."""

    happened_on = _happened_on("更正后的发生日期")
    note = forms.CharField(label="说明", max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2}))
    evidence = forms.FileField(label="更换佐证材料（可选，不选则保留原材料）", required=False)
    reason = forms.CharField(label="更正原因", max_length=300, widget=forms.Textarea(attrs={"rows": 2}),
                             error_messages={"required": "请说明更正原因"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["happened_on"].widget.attrs["max"] = f"{timezone.localdate():%Y-%m-%d}"
        _styled(self)
