"""Needs pages: the list with its counts and Excel export, per-unit statistics, a need, new and edit, the limits."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from zhaoshang.accounts.models import Unit
from zhaoshang.core.decorators import page
from zhaoshang.core.permissions import OFFICE, can, can_work_on_unit, role_of
from zhaoshang.core.services import PermissionDenied
from zhaoshang.exports.views import export_response
from zhaoshang.needs.choices import NeedStatus, NeedType, Satisfaction
from zhaoshang.needs.errors import NeedError
from zhaoshang.projects.errors import ProjectError
from zhaoshang.needs.exports import need_list_file
from zhaoshang.core.query_params import QueryError, query_id
from zhaoshang.needs.forms import NeedForm, RateForm, RouteForm, SettleForm
from zhaoshang.needs.limits import limits
from zhaoshang.needs.selectors import (MIN_QUERY, enterprise_candidates, light_of, need_counts, need_for, need_listing,
                                      need_rows, need_trail, needs_for, project_candidates)
from zhaoshang.needs.services.limits import need_limit_set
from zhaoshang.needs.services.tickets import need_create, need_update
from zhaoshang.supervision.lights import LIGHT_LABELS, Light


@page()
def need_list(request):
    listing = need_listing(user=request.user, params=request.GET)
    total, _ = need_counts(listing.rows)
    page_obj = Paginator(listing.rows, 50).get_page(request.GET.get("page"))
    return render(request, "needs/list.html", {
        "page_obj": page_obj, "rows": need_rows(page_obj), "total": total, "filters": request.GET,
        "truncated": listing.truncated,
        "types": NeedType.choices, "statuses": NeedStatus.choices, "satisfactions": Satisfaction.choices,
        "units": Unit.objects.all() if role_of(request.user) != "unit" else [],
        "light_cards": [(light.value, LIGHT_LABELS[light], total.lights[light.value]) for light in Light],
        "can_create": can(request.user, "work"), "is_office": role_of(request.user) == OFFICE,
    })


@page()
def need_export(request):
    """The list as filtered, as Excel; a long one is written in the background (exports)."""
    rows = need_listing(user=request.user, params=request.GET).rows
    return export_response(request, rows=rows, kind="needs", label="企业诉求", list_url=reverse("needs:list"),
                           build=lambda: need_list_file(user=request.user, params=request.GET))


@page()
def need_stats(request):
    total, by_unit = need_counts(needs_for(user=request.user, params=request.GET))
    return render(request, "needs/stats.html", {"total": total, "by_unit": by_unit, "filters": request.GET,
                                                "types": NeedType.choices})


@page("work")
def need_new(request):
    params = request.POST if request.method == "POST" else request.GET  # ?project=ID from a project's page
    form = NeedForm(request.POST or None, user=request.user, initial={"project": params.get("project")})
    if request.method == "POST" and form.is_valid():
        try:
            need = need_create(actor=request.user, data=form.need_input())
        except (ProjectError, PermissionDenied) as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"已登记{need.number}，办结时限{need.settle_due:%Y年%m月%d日}。")
            return redirect("needs:detail", pk=need.pk)
    return render(request, "needs/form.html", {
        "form": form, "title": "登记企业诉求", "min_query": MIN_QUERY,
        "pickers": _pickers(request.user, project=query_id(params, "project"), enterprise=query_id(params, "enterprise")),
    }, status=400 if form.errors else 200)


def _pickers(user, *, project: int | None, enterprise: int | None) -> dict:
    """The project and enterprise pickers as the form opens: the one picked (a project's page links here with
    ?project=ID; a form with an error keeps the choice), nothing typed yet."""
    return {"project": {"rows": project_candidates(user=user, text="", selected_id=project), "selected": project},
            "enterprise": {"rows": enterprise_candidates(text="", selected_id=enterprise), "selected": enterprise}}


@require_GET
@page("work")
def need_lookup(request):
    """Search as you type for the new-need form: the projects (kind=project) or enterprises (kind=enterprise) a typed
    name matches, as radio buttons; the one already picked stays first."""
    kind = request.GET.get("kind") or "project"
    if kind not in ("project", "enterprise"):
        raise QueryError("查找类型应为项目（project）或企业（enterprise）")
    text = (request.GET.get("q") or "").strip()[:100]
    selected = query_id(request.GET, kind)
    rows = (project_candidates(user=request.user, text=text, selected_id=selected) if kind == "project"
            else enterprise_candidates(text=text, selected_id=selected))
    return render(request, "needs/_candidates.html", {"kind": kind, "rows": rows, "selected": selected, "text": text,
                                                       "min_query": MIN_QUERY})


@page()
def need_detail(request, pk: int):
    return need_page(request, need_for(user=request.user, pk=pk))


def need_page(request, need, *, route_form: RouteForm | None = None):
    """A need's page with its 办理记录; after a failed 转办, with the form as typed and its errors (status 400)."""
    can_handle = can_work_on_unit(request.user, need.unit_id) and need.status != NeedStatus.SETTLED
    return render(request, "needs/detail.html", {
        "need": need, "light": light_of(need), "can_handle": can_handle, "is_office": role_of(request.user) == OFFICE,
        "settle_form": SettleForm(), "rate_form": RateForm(initial={"satisfaction": need.satisfaction or None}),
        "route_form": route_form or RouteForm(need=need), "trail": need_trail(need),
    }, status=400 if route_form is not None and route_form.errors else 200)


@page("work")
def need_edit(request, pk: int):
    need = need_for(user=request.user, pk=pk, action="work")
    initial = {name: getattr(need, name) for name in ("title", "need_type", "description", "contact_name", "contact_phone")}
    form = NeedForm(request.POST or None, user=request.user, editing=True, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            need_update(actor=request.user, need=need, title=data["title"], description=data["description"],
                        need_type=data["need_type"], contact_name=data["contact_name"], contact_phone=data["contact_phone"])
        except (ProjectError, PermissionDenied) as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "已保存。")
            return redirect("needs:detail", pk=need.pk)
    return render(request, "needs/form.html", {"form": form, "title": f"修改{need.number}", "need": need},
                  status=400 if form.errors else 200)


@page("supervise")
def need_limits(request):
    if request.method == "POST":
        try:
            need_limit_set(actor=request.user, need_type=request.POST.get("need_type", ""),
                           accept_hours=_int(request.POST.get("accept_hours")),
                           settle_workdays=_int(request.POST.get("settle_workdays")))
        except NeedError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "已保存，新登记的诉求按新时限计算。")
        return redirect("needs:limits")
    table = limits()
    return render(request, "needs/limits.html", {"rows": [(value, label, table[value]) for value, label in NeedType.choices]})


def _int(value) -> int:
    return int(value) if str(value or "").isdigit() else 0
