"""The network pages: a project's 引荐来源 (add, pick among namesakes, remove) and 以商引商成效 with its Excel export."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from zhaoshang.core.decorators import page
from zhaoshang.core.downloads import download
from zhaoshang.core.permissions import can_work_on_unit
from zhaoshang.core.query_params import query_id
from zhaoshang.core.services import PermissionDenied
from zhaoshang.network.exports import referrals_workbook
from zhaoshang.network.selectors import (MIN_QUERY, referral_candidates, referral_summary, referrer_choices,
                                         referrer_kind)
from zhaoshang.network.services import referral_add, referral_remove
from zhaoshang.projects.selectors import listed_projects
from zhaoshang.registries.catalog import registry_named
from zhaoshang.registries.choices import LinkRelation
from zhaoshang.registries.errors import RegistryError
from zhaoshang.registries.models import RegistryLink


def _project_url(project) -> str:
    return reverse("projects:detail", args=[project.pk]) + "#referrals"


def _workable_project(request, pk: int):
    project = listed_projects(request.user).filter(pk=pk).first()  # as the project pages: another unit's is not found
    if project is None:
        raise Http404("项目不存在或无权访问")
    if not can_work_on_unit(request.user, project.lead_unit_id):
        raise DjangoPermissionDenied("只有项目牵头单位和招商办可以登记引荐来源")
    return project


@require_POST
@page("work")
def referral_new(request, pk: int):
    """Add a referral: by the row's id (a candidate's button, or a number typed), else by a name that names one row;
    several namesakes are offered to choose from."""
    project = _workable_project(request, pk)
    kind = referrer_kind(request.POST, required=True)
    entry_id = query_id(request.POST, "entry_id", label="引荐来源编号")
    text = (request.POST.get("q") or "").strip()[:100]
    if entry_id is None:
        candidates = referral_candidates(user=request.user, kind=kind, text=text)
        if len(candidates) != 1:
            if not candidates:
                name = registry_named(kind).name
                messages.error(request, f"{name}中没有找到“{text}”，请核对名称或编号" if len(text) >= MIN_QUERY
                               else f"请输入{name}的名称（至少{MIN_QUERY}个字）或编号")
                return redirect(_project_url(project))
            return render(request, "network/referral_pick.html", {
                "project": project, "kind": kind, "kind_label": registry_named(kind).name, "text": text,
                "candidates": candidates})
        entry_id = candidates[0].pk
    try:
        link = referral_add(actor=request.user, project=project, kind=kind, entry_id=entry_id)
    except PermissionDenied as error:
        raise DjangoPermissionDenied(str(error)) from None
    except RegistryError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"已登记引荐来源：{registry_named(kind).name}#{link.from_id}")
    return redirect(_project_url(project))


@require_GET
@page("work")
def referral_lookup(request):
    """The candidates for a typed name, as buttons of the referral form (HTMX fragment)."""
    kind = referrer_kind(request.GET, required=True)
    text = (request.GET.get("q") or "").strip()[:100]
    return render(request, "network/_referral_candidates.html", {
        "candidates": referral_candidates(user=request.user, kind=kind, text=text), "text": text, "min_query": MIN_QUERY})


@require_POST
@page("work")
def referral_delete(request, pk: int):
    link = RegistryLink.objects.filter(pk=pk, relation=LinkRelation.REFERRED, to_kind="project").first()
    if link is None:
        raise Http404("引荐记录不存在")
    project = _workable_project(request, link.to_id)
    try:
        referral_remove(actor=request.user, link=link)
    except PermissionDenied as error:
        raise DjangoPermissionDenied(str(error)) from None
    except RegistryError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "已删除引荐来源")
    return redirect(_project_url(project))


@page("view")
def referrals(request):
    """以商引商成效: what each 楚商, association and event referred, within the reader's projects."""
    kind = referrer_kind(request.GET)
    summary = referral_summary(user=request.user, kind=kind)
    return render(request, "network/referrals.html", {"summary": summary, "kind": kind or "", "kinds": referrer_choices()})


@page("view")
def referrals_export(request):
    kind = referrer_kind(request.GET)
    summary = referral_summary(user=request.user, kind=kind)
    return download(referrals_workbook(summary), f"以商引商成效-{timezone.localdate():%Y%m%d}.xlsx")
