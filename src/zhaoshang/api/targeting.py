"""招商靶向 over the API: the chains and their links, a chain's ranked candidates (the page's ranking), and, for the
office, marking a target and turning it into a project lead."""

from decimal import Decimal

from django.db.models import Prefetch, Q
from django.http import Http404
from ninja import Query, Router, Schema, Status
from pydantic import Field

from zhaoshang.accounts.models import Unit
from zhaoshang.api.params import Id
from zhaoshang.core.services import require
from zhaoshang.plans.models import Chain, ChainLink
from zhaoshang.projects.errors import ProjectError
from zhaoshang.projects.models import Enterprise
from zhaoshang.targeting.candidates import chain_candidates, chain_links
from zhaoshang.targeting.marks import TargetMark
from zhaoshang.targeting.services import TargetingError, target_lead, target_mark

router = Router(tags=["招商靶向"])
MAX_LIMIT = 200


class Detail(Schema):
    detail: str


class LinkOut(Schema):
    id: int
    name: str
    weak: bool


class ChainOut(Schema):
    id: int
    name: str
    task: str | None
    links: list[LinkOut]


class CandidateQuery(Schema):
    link: Id | None = None
    limit: int = Field(20, ge=1, le=MAX_LIMIT)


class MarkIn(Schema):
    enterprise_id: Id
    link_id: Id | None = None


class MarkOut(Schema):
    id: int
    enterprise_id: int
    chain_id: int
    link_id: int | None
    score: int
    reasons: list[str]
    status: str


class LeadIn(Schema):
    amount_wan: Decimal = Field(..., gt=0, max_digits=14, decimal_places=2)
    lead_unit: int | str | None = None  # a unit's id, full name or short name; the caller's unit when left out
    name: str = Field("", max_length=200)
    allow_duplicate: bool = False


class LeadOut(Schema):
    project_id: int
    mark_id: int
    status: str


def _chain(chain_id: int) -> Chain:
    chain = Chain.objects.filter(pk=chain_id, merged_into__isnull=True).first()
    if chain is None:
        raise Http404
    return chain


def _unit(value) -> Unit | None:
    if value in (None, ""):
        return None
    if isinstance(value, int):
        found = Unit.objects.filter(pk=value).first()
    else:
        found = Unit.objects.filter(Q(name=value.strip()) | Q(short_name=value.strip())).first()
    if found is None:
        raise TargetingError(f"牵头单位“{value}”不存在")
    return found


@router.get("chains", response=list[ChainOut])
def chain_list(request):
    """The live chains with their task's number and links (补链 links first)."""
    chains = (Chain.objects.filter(merged_into__isnull=True, plan__deleted_at__isnull=True).select_related("task")
              .prefetch_related(Prefetch("links", queryset=ChainLink.objects.all())).order_by("plan", "order", "id"))
    return [{"id": c.pk, "name": c.name, "task": c.task.number if c.task else None,
             "links": [{"id": link.pk, "name": link.name, "weak": link.is_weak} for link in chain_links(c)]} for c in chains]


@router.get("chains/{chain_id}/candidates", response=list[dict])
def candidate_list(request, chain_id: int, params: Query[CandidateQuery]):
    """The chain's (or one link's) candidates, best first: the enterprise, its score and the reasons in words."""
    chain = _chain(chain_id)
    link = None
    if params.link is not None:
        link = chain.links.filter(pk=params.link).first()
        if link is None:
            raise Http404
    return [{"enterprise": {"id": c.enterprise.pk, "name": c.enterprise.name}, "score": c.score, "reasons": list(c.reasons)}
            for c in chain_candidates(chain=chain, link=link, limit=params.limit)]


@router.post("chains/{chain_id}/targets", response={201: MarkOut, 400: Detail})
def target_new(request, chain_id: int, payload: MarkIn):
    """The office marks an enterprise as a target of the chain (at a link of it)."""
    require(request.user, "manage")
    chain = _chain(chain_id)
    link = None
    if payload.link_id is not None:
        link = chain.links.filter(pk=payload.link_id).first()
        if link is None:
            return Status(400, {"detail": "产业链环节不属于所选产业链"})
    enterprise = Enterprise.objects.filter(pk=payload.enterprise_id).first()
    if enterprise is None:
        return Status(400, {"detail": "企业不存在"})
    try:
        mark = target_mark(actor=request.user, enterprise=enterprise, chain=chain, link=link)
    except TargetingError as error:
        return Status(400, {"detail": str(error)})
    return Status(201, mark)


@router.post("targets/{mark_id}/lead", response={201: LeadOut, 400: Detail})
def target_to_lead(request, mark_id: int, payload: LeadIn):
    """The office turns a target into a project lead (线索) on its chain and link; answers the project's id."""
    require(request.user, "manage")
    mark = TargetMark.objects.filter(pk=mark_id).first()
    if mark is None:
        raise Http404
    try:
        project = target_lead(actor=request.user, mark=mark, amount_wan=payload.amount_wan, lead_unit=_unit(payload.lead_unit),
                              name=payload.name, allow_duplicate=payload.allow_duplicate)
    except (TargetingError, ProjectError) as error:
        return Status(400, {"detail": str(error)})
    return Status(201, {"project_id": project.pk, "mark_id": mark.pk, "status": "lead"})
