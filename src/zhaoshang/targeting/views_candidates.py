"""The 招商靶向 pages: choose a chain and see each link's best candidates (补链 links first) with its marked targets;
one link's ranked list with the reasons; the office marks a candidate as a target, drops it, or turns it into a lead.
Every logged-in role reads; marking and leads are the office's (can(user, "manage"))."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from zhaoshang.accounts.models import Unit
from zhaoshang.core.decorators import page
from zhaoshang.core.permissions import can
from zhaoshang.core.query_params import query_id, query_int
from zhaoshang.core.services import PermissionDenied
from zhaoshang.plans.models import Chain, ChainLink
from zhaoshang.plans.selectors import current_plan_for
from zhaoshang.projects.errors import ProjectError
from zhaoshang.projects.models import Enterprise
from zhaoshang.targeting.candidates import (chain_candidates, chain_links, chain_target_counts, marked_targets, marks_of,
                                           target_counts)
from zhaoshang.targeting.marks import MarkStatus, TargetMark
from zhaoshang.targeting.services import TargetingError, lead_name, target_drop, target_lead, target_mark

TOP_PER_LINK = 5
RANKED = 30
MAX_RANKED = 200


def _chains(user):
    plan = current_plan_for(user=user)
    if plan is None:
        return []
    return list(Chain.objects.filter(plan=plan, merged_into__isnull=True).select_related("lead_unit").order_by("order", "id"))


def _chain(pk: int) -> Chain:
    chain = Chain.objects.filter(pk=pk, merged_into__isnull=True).select_related("lead_unit").first()
    if chain is None:
        raise Http404("产业链不存在")
    return chain


def _link(chain: Chain, params) -> ChainLink | None:
    link_id = query_id(params, "link", label="产业链环节")
    if link_id is None:
        return None
    link = chain.links.filter(pk=link_id).first()
    if link is None:
        raise Http404("该产业链没有这个环节")
    return link


def _rows(candidates, marks):
    top = max((c.score for c in candidates), default=0) or 1
    return [{"enterprise": c.enterprise, "score": c.score, "reasons": c.reasons, "percent": round(100 * c.score / top),
             "mark": marks.get(c.enterprise.pk)} for c in candidates]


@page()
def index(request):
    """The chains; with ?chain=, its links (补链 first), each with its best candidates and its marked targets."""
    chains = _chains(request.user)
    chain_id = query_id(request.GET, "chain", label="产业链")
    chain = _chain(chain_id) if chain_id else None
    sections = []
    if chain is not None:
        counts, marks = target_counts([chain]), marks_of(chain)
        links = chain_links(chain)
        for link in links or [None]:
            sections.append({"link": link, "count": counts.get(link.pk if link else None, 0),
                             "rows": _rows(chain_candidates(chain=chain, link=link, limit=TOP_PER_LINK), marks)})
    chain_counts = chain_target_counts(chains)
    return render(request, "targeting/candidates.html", {
        "chains": [(c, chain_counts.get(c.pk, 0)) for c in chains], "chain": chain, "sections": sections,
        "can_mark": can(request.user, "manage")})


@page()
def chain_page(request, chain_id: int):
    """One link's (or the whole chain's) ranked candidates with their reasons, and the link's marked targets."""
    chain = _chain(chain_id)
    link = _link(chain, request.GET)
    limit = query_int(request.GET, "limit", label="条数", low=1, high=MAX_RANKED, default=RANKED)
    marks = marks_of(chain)
    return render(request, "targeting/candidates_chain.html", {
        "chain": chain, "link": link, "links": chain_links(chain), "limit": limit,
        "rows": _rows(chain_candidates(chain=chain, link=link, limit=limit), marks),
        "targets": marked_targets(chain=chain, link=link), "can_mark": can(request.user, "manage")})


def _back(chain: Chain, link: ChainLink | None) -> str:
    url = reverse("targeting_candidates:chain", args=[chain.pk])
    return f"{url}?link={link.pk}" if link else url


@require_POST
@page("manage")
def mark(request, chain_id: int):
    chain = _chain(chain_id)
    link = _link(chain, request.POST)
    enterprise_id = query_id(request.POST, "enterprise", label="企业")
    enterprise = get_object_or_404(Enterprise, pk=enterprise_id) if enterprise_id else None
    if enterprise is None:
        messages.error(request, "请选择企业")
        return redirect(_back(chain, link))
    try:
        target_mark(actor=request.user, enterprise=enterprise, chain=chain, link=link)
        messages.success(request, f"已将“{enterprise.name}”标记为目标企业")
    except TargetingError as error:
        messages.error(request, str(error))
    return redirect(_back(chain, link))


def _mark(pk: int) -> TargetMark:
    found = TargetMark.objects.select_related("enterprise", "chain", "link", "project").filter(pk=pk).first()
    if found is None:
        raise Http404("目标企业不存在")
    return found


@require_POST
@page("manage")
def drop(request, pk: int):
    found = _mark(pk)
    try:
        target_drop(actor=request.user, mark=found, note=request.POST.get("note", ""))
        messages.success(request, f"已放弃目标企业“{found.enterprise.name}”")
    except TargetingError as error:
        messages.error(request, str(error))
    return redirect(_back(found.chain, found.link))


@page("manage")
def lead(request, pk: int):
    """Turn a target into a project lead: name, the estimated amount and the lead unit; then the project's page."""
    found = _mark(pk)
    if found.status != MarkStatus.MARKED:
        messages.error(request, "只有“目标企业”状态的记录可以转为线索")
        return redirect(_back(found.chain, found.link))
    units = Unit.objects.all()
    values = {"name": lead_name(found), "amount_wan": "", "lead_unit": str(request.user.unit_id or "")}
    error = ""
    if request.method == "POST":
        values = {key: request.POST.get(key, "").strip() for key in ("name", "amount_wan", "lead_unit")}
        unit_id = query_id(request.POST, "lead_unit", label="牵头单位")
        unit = units.filter(pk=unit_id).first() if unit_id else None
        try:
            if unit_id and unit is None:
                raise TargetingError("牵头单位不存在")
            project = target_lead(actor=request.user, mark=found, amount_wan=values["amount_wan"], lead_unit=unit,
                                  name=values["name"], allow_duplicate=request.POST.get("allow_duplicate") == "1")
        except (TargetingError, ProjectError) as failure:
            error = str(failure)
        except PermissionDenied as failure:
            raise DjangoPermissionDenied(str(failure)) from None
        else:
            messages.success(request, f"已转为线索项目“{project.name}”")
            return redirect("projects:detail", project.pk)
    return render(request, "targeting/candidates_lead.html", {"mark": found, "values": values, "units": units,
                                                             "error": error}, status=400 if error else 200)
