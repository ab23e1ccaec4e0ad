"""The pipeline over the API: create a project (names accepted for chain, channel, unit, tags), read, change and delete
it, move its stage, list."""

import datetime
from decimal import Decimal

from ninja import Field, Query, Router, Schema, Status

from zhaoshang.accounts.resolution import UnitIndex
from zhaoshang.api.params import Id, Text, Year
from zhaoshang.projects.errors import PossibleDuplicate
from zhaoshang.projects.lookups import chain_link_named, chain_named, channel_value, tags_named, unit_named
from zhaoshang.core.permissions import listing_action
from zhaoshang.projects.selectors import filtered_projects, project_for, with_names
from zhaoshang.projects.services.editing import project_delete, project_update
from zhaoshang.projects.services.lifecycle import project_stage_change
from zhaoshang.projects.services.projects import ProjectInput, project_create

router = Router(tags=["项目库"])


class EnterpriseIn(Schema):
    name: str
    credit_code: str = ""


class ProjectIn(Schema):
    name: str
    enterprise: EnterpriseIn
    amount_wan: Decimal
    fixed_asset_wan: Decimal | None = None
    chain: str | None = None
    tags: list[str] = []
    channel: str = "直接招引"
    channel_detail: str = ""
    lead_unit: str
    park: str = ""
    town: str = ""
    team: str = ""
    chief_officer: str = ""
    notes: str = ""
    allow_duplicate: bool = False


class ProjectOut(Schema):
    id: int
    name: str
    enterprise: str
    amount_wan: Decimal
    fixed_asset_wan: Decimal | None
    chain: str | None
    chain_link: str | None
    channel: str
    channel_detail: str
    tags: list[str]
    lead_unit: str
    park: str
    town: str
    team: str
    chief_officer: str
    source: str
    notes: str
    stage: str
    state: str
    stage_since: datetime.date
    signed_on: datetime.date | None


def _out(project) -> dict:
    return _row(project, [e.name for e in project.enterprises.all()], [t.name for t in project.tags.all()])


def _row(project, enterprise_names: list[str], tag_names: list[str]) -> dict:
    return {"id": project.pk, "name": project.name, "enterprise": "、".join(enterprise_names),
            "amount_wan": project.amount_wan, "fixed_asset_wan": project.fixed_asset_wan,
            "chain": project.chain.name if project.chain else None,
            "chain_link": project.chain_link.name if project.chain_link else None,
            "channel": project.channel, "channel_detail": project.channel_detail, "tags": tag_names,
            "lead_unit": project.lead_unit.display_name, "park": project.park, "town": project.town, "team": project.team,
            "chief_officer": project.chief_officer, "source": project.source, "notes": project.notes,
            "stage": project.stage, "state": project.state, "stage_since": project.stage_since, "signed_on": project.signed_on}


class Duplicate(Schema):
    detail: str
    existing_id: int


@router.post("projects", response={201: ProjectOut, 409: Duplicate})
def project_add(request, payload: ProjectIn):
    """Create a project; a similar project of the same enterprise answers 409 with its id (allow_duplicate to override)."""
    data = ProjectInput(
        name=payload.name, enterprise_name=payload.enterprise.name, credit_code=payload.enterprise.credit_code,
        amount_wan=payload.amount_wan, fixed_asset_wan=payload.fixed_asset_wan, chain=chain_named(payload.chain or ""),
        tags=tags_named(payload.tags), channel=channel_value(payload.channel), channel_detail=payload.channel_detail,
        lead_unit=unit_named(payload.lead_unit, UnitIndex()), park=payload.park, town=payload.town, team=payload.team,
        chief_officer=payload.chief_officer, notes=payload.notes,
    )
    try:
        project = project_create(actor=request.user, data=data, allow_duplicate=payload.allow_duplicate)
    except PossibleDuplicate as duplicate:
        return Status(409, {"detail": str(duplicate), "existing_id": duplicate.existing.pk})
    return Status(201, _out(project))


@router.get("projects/{project_id}", response=ProjectOut)
def project_get(request, project_id: int):
    """One project the caller lists (a unit user: its own unit's)."""
    return _out(project_for(user=request.user, pk=project_id, action=listing_action(request.user)))


class ProjectPatch(Schema):
    """The fields to change; those left out stay as they are (null clears an optional one)."""

    name: str | None = None
    enterprise: EnterpriseIn | None = None
    amount_wan: Decimal | None = None
    fixed_asset_wan: Decimal | None = None
    chain: str | None = None
    chain_link: str | None = None
    tags: list[str] | None = None
    channel: str | None = None
    channel_detail: str | None = None
    lead_unit: str | None = None
    park: str | None = None
    town: str | None = None
    team: str | None = None
    chief_officer: str | None = None
    source: str | None = None
    notes: str | None = None


TEXTS = ("name", "channel_detail", "park", "town", "team", "chief_officer", "source", "notes")


@router.patch("projects/{project_id}", response=ProjectOut)
def project_change(request, project_id: int, payload: ProjectPatch):
    """Change a project's fields (the office: any project; a unit: its own); answers the project as GET shows it."""
    project = project_for(user=request.user, pk=project_id, action="work")
    given = payload.dict(exclude_unset=True)
    changes = {name: given[name] or "" for name in TEXTS if name in given}
    for name in ("amount_wan", "fixed_asset_wan"):
        if name in given:
            changes[name] = given[name]
    if "enterprise" in given:
        changes.update(enterprise_name=payload.enterprise.name if payload.enterprise else "",
                       credit_code=payload.enterprise.credit_code if payload.enterprise else "")
    if "chain" in given:
        changes["chain"] = chain_named(given["chain"] or "")
    if "chain_link" in given:
        chain = changes["chain"] if "chain" in changes else project.chain
        changes["chain_link"] = chain_link_named(chain, given["chain_link"] or "")
    if "tags" in given:
        changes["tags"] = tags_named(given["tags"] or [])
    if "channel" in given:
        changes["channel"] = channel_value(given["channel"] or "")
    if "lead_unit" in given:
        changes["lead_unit"] = unit_named(given["lead_unit"] or "", UnitIndex())
    project_update(actor=request.user, project=project, changes=changes)
    return _out(project_for(user=request.user, pk=project_id))


@router.delete("projects/{project_id}", response={204: None})
def project_remove(request, project_id: int):
    """To the recycle bin (the office only)."""
    project = project_for(user=request.user, pk=project_id, action="work")
    project_delete(actor=request.user, project=project)
    return Status(204, None)


class StageIn(Schema):
    stage: str
    date: datetime.date
    note: str = ""
    expected_stage: str | None = None  # the stage the caller saw: if it changed meanwhile, 409


@router.post("projects/{project_id}/stage", response=ProjectOut)
def project_stage(request, project_id: int, payload: StageIn):
    """Move a project (own unit's, or any for the office); a date may be past, never future.

    With `expected_stage`, a project moved by someone else meanwhile answers 409 instead of being moved back."""
    project = project_for(user=request.user, pk=project_id, action="work")
    project_stage_change(actor=request.user, project=project, stage=payload.stage, happened_on=payload.date, note=payload.note,
                         expected_stage=payload.expected_stage)
    return _out(project_for(user=request.user, pk=project_id))


class ProjectQuery(Schema):
    chain: str | None = None
    stage: str | None = None
    channel: str | None = None
    tag: str | None = None
    year: Year | None = None
    min_amount_wan: Decimal | None = Field(None, ge=0, le=10**9)
    unit: Id | None = None
    q: Text | None = None


@router.get("projects", response=list[ProjectOut])
def project_list(request, filters: Query[ProjectQuery]):
    """Projects the caller may list (a unit user: its own unit's), filtered."""
    params = {k: str(v) for k, v in filters.dict().items() if v not in (None, "")}
    projects = with_names(filtered_projects(user=request.user, params=params)[:1000])
    return [_row(p, p.enterprise_list, p.tag_list) for p in projects]
