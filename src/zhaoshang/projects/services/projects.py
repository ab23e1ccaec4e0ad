"""Creating projects: one enterprise per credit code, no project entered twice."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from rapidfuzz import fuzz

from zhaoshang.core.audit import audit_record, snapshot
from zhaoshang.core.permissions import can_work_on_unit
from zhaoshang.core.services import PermissionDenied
from zhaoshang.projects.choices import REACHED, STAGE_INDEX, Channel, Stage
from zhaoshang.projects.credit_code import credit_code_error
from zhaoshang.projects.errors import PossibleDuplicate, ProjectError
from zhaoshang.projects.models import Enterprise, Project
from zhaoshang.projects.search import index_enterprises, index_projects
from zhaoshang.projects.tagging import tag_bits

MAX_AMOUNT_WAN = Decimal("100000000")  # 1万亿元: beyond this the amount was surely not typed in 万元
SIMILAR_NAME = 85.0


@dataclass
class ProjectInput:
    """What a person (or a ledger row) says about a new project."""

    name: str
    enterprise_name: str
    amount_wan: Decimal | str | float
    lead_unit: object
    credit_code: str = ""
    fixed_asset_wan: Decimal | str | float | None = None
    chain: object = None
    chain_link: object = None
    tags: list = field(default_factory=list)
    channel: str = Channel.DIRECT
    channel_detail: str = ""
    park: str = ""
    town: str = ""
    team: str = ""
    chief_officer: str = ""
    source: str = ""
    notes: str = ""
    stage: str = Stage.LEAD
    stage_since: datetime.date | None = None


def parse_amount(value, label: str = "计划总投资") -> Decimal | None:
    """A 万元 amount: positive, at most two decimals, not absurd."""
    if value in (None, ""):
        return None
    try:
        amount = Decimal(str(value).replace(",", "").strip())
    except InvalidOperation:
        raise ProjectError(f"{label}“{value}”不是数字") from None
    if amount <= 0:
        raise ProjectError(f"{label}应大于0")
    if amount > MAX_AMOUNT_WAN:
        raise ProjectError(f"{label}超过1万亿元，请核实单位是否为万元")
    return amount.quantize(Decimal("0.01"))


def enterprise_for(name: str, credit_code: str) -> Enterprise:
    """The enterprise with that credit code, else that exact name, else a new one; one it creates or gives a credit
    code is put into the search index."""
    name, credit_code = name.strip(), credit_code.strip().upper()
    if not name:
        raise ProjectError("请填写投资企业名称")
    if credit_code:
        error = credit_code_error(credit_code)
        if error:
            raise ProjectError(error)
        found = Enterprise.objects.filter(credit_code=credit_code).first()
        if found:
            return found
    found = Enterprise.objects.filter(name=name).first()
    if found and (not credit_code or not found.credit_code):
        if credit_code and not found.credit_code:
            found.credit_code = credit_code
            found.save(update_fields=["credit_code"])
            index_enterprises([found])
        return found
    enterprise = Enterprise.objects.create(name=name, credit_code=credit_code)
    index_enterprises([enterprise])
    return enterprise


def names_similar(first: str, second: str) -> bool:
    """Two project names that are probably the same project (of one enterprise)."""
    return fuzz.ratio(first, second) >= SIMILAR_NAME or first in second or second in first


def similar_project(enterprise: Enterprise, name: str) -> Project | None:
    """A live project of the same enterprise whose name is close to `name`."""
    for project in enterprise.projects.all():
        if names_similar(project.name, name):
            return project
    return None


def project_build(*, actor, data: ProjectInput, today: datetime.date, check_links: bool = True) -> Project:
    """The unsaved project `data` describes, with every check of project_create but the enterprise and duplicates.

    check_links=False is for callers (the bulk path) that pass rows they have just loaded: it skips the existence
    queries of chain, link, unit and actor (the database's foreign keys still hold) and full_clean's per-field
    checks, which the parsing below already guarantees but for the choices (see _clean_built)."""
    if not can_work_on_unit(actor, getattr(data.lead_unit, "pk", None)):
        raise PermissionDenied("只能录入本单位牵头的项目")
    if data.lead_unit is None:
        raise ProjectError("请填写牵头单位")
    name = data.name.strip()
    if not name:
        raise ProjectError("请填写项目名称")
    amount = parse_amount(data.amount_wan)
    if amount is None:
        raise ProjectError("请填写计划总投资（万元）")
    since = data.stage_since or today
    if since > today:
        raise ProjectError("阶段日期不能晚于今天")
    project = Project(
        name=name[:200], amount_wan=amount, fixed_asset_wan=parse_amount(data.fixed_asset_wan, "固定资产投资"),
        chain=data.chain, chain_link=data.chain_link, channel=data.channel, channel_detail=data.channel_detail[:100],
        park=data.park[:50], town=data.town[:50], lead_unit=data.lead_unit, team=data.team[:50],
        chief_officer=data.chief_officer[:30], source=data.source[:200], notes=data.notes, stage=data.stage,
        stage_since=since, created_by=actor, tag_bits=tag_bits(tag.pk for tag in data.tags),
    )
    try:
        if check_links:
            project.full_clean(exclude=["enterprises", "tags"])
        else:
            _clean_built(project)
    except ValidationError as error:
        raise ProjectError("；".join(error.messages)) from None
    for stage, attribute in REACHED.items():
        if STAGE_INDEX[project.stage] >= STAGE_INDEX[stage]:
            setattr(project, attribute, since)
    return project


def _clean_built(project: Project) -> None:
    """What full_clean checks that project_build's parsing leaves open: the choices and Model.clean (amounts, link
    of the chain). Names and texts are cut to their lengths and amounts to their digits above."""
    for name in ("channel", "stage"):
        Project._meta.get_field(name).validate(getattr(project, name), project)
    project.clean()


@transaction.atomic
def project_create(*, actor, data: ProjectInput, allow_duplicate: bool = False) -> Project:
    """A new project; a unit enters its own projects, the office anyone's. Raises PossibleDuplicate."""
    project = project_build(actor=actor, data=data, today=timezone.localdate())
    enterprise = enterprise_for(data.enterprise_name, data.credit_code)
    existing = similar_project(enterprise, project.name)
    if existing and not allow_duplicate:
        raise PossibleDuplicate(existing)
    project.save()
    index_projects([project])
    project.enterprises.add(enterprise)
    project.tags.set(data.tags)
    project.stage_changes.create(to_stage=project.stage, happened_on=project.stage_since, actor=actor, note="录入")
    audit_record(actor=actor, action="create", obj=project, after={**snapshot(project), "enterprise": enterprise.pk,
                                                                   "tags": [t.pk for t in data.tags]})
    return project
