"""The office's own indicators: define one (from scratch or from a suggestion found in a measure), delete one, and
the list of suggestions to accept or discard."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from zhaoshang.core.decorators import page
from zhaoshang.core.permissions import get_for
from zhaoshang.core.services import PermissionDenied
from zhaoshang.kpis.choices import SuggestionStatus
from zhaoshang.kpis.errors import KpiError
from zhaoshang.kpis.forms import KpiDefineForm
from zhaoshang.kpis.models import Kpi, KpiSuggestion
from zhaoshang.kpis.registries import source_label
from zhaoshang.kpis.rules import suggestion_rule_text
from zhaoshang.kpis.services.defining import kpi_create, kpi_delete
from zhaoshang.kpis.services.suggestions import suggestion_accept, suggestion_discard, suggestion_input
from zhaoshang.plans.selectors import current_plan_for

PER_PAGE = 50


def _plan(request):
    plan = current_plan_for(user=request.user)
    if plan is None:
        raise DjangoPermissionDenied("尚无任务清单")
    return plan


def _suggestion(plan, pk) -> KpiSuggestion | None:
    if not pk:
        return None
    return get_object_or_404(KpiSuggestion.objects.select_related("measure__task"), pk=pk, plan=plan,
                             status=SuggestionStatus.PENDING)


@page("manage")
def create(request):
    """新增指标; `?suggestion=N` starts from a suggestion (accepting it on save)."""
    plan = _plan(request)
    suggestion = _suggestion(plan, request.GET.get("suggestion") if request.GET.get("suggestion", "").isdigit() else None)
    start = suggestion_input(suggestion) if suggestion else None
    initial = {"text": suggestion.text, "task": suggestion.measure.task_id, "measure": suggestion.measure.ordinal} if suggestion else {}
    form = KpiDefineForm(request.POST or None, plan=plan, start=start, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if suggestion:
                kpi = suggestion_accept(actor=request.user, suggestion=suggestion, data=form.kpi_input(),
                                        text=data["text"], parts=data["parts"])
            else:
                kpi = kpi_create(actor=request.user, plan=plan, task=data["task"], measure=data["measure_row"],
                                 text=data["text"], data=form.kpi_input(), parts=data["parts"])
        except (KpiError, PermissionDenied) as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "指标已设立。")
            return redirect("kpis:detail", kpi.pk)
    return render(request, "kpis/define.html", {"form": form, "suggestion": suggestion},
                  status=400 if form.errors else 200)


@require_POST
@page("manage")
def delete(request, pk: int):
    kpi = get_for(request.user, "view", Kpi.objects.all(), pk=pk)
    try:
        kpi_delete(actor=request.user, kpi=kpi)
    except (KpiError, PermissionDenied) as error:
        messages.error(request, str(error))
        return redirect("kpis:detail", kpi.pk)
    messages.success(request, f"指标“{kpi}”已删除，可在回收站恢复。")
    return redirect("kpis:overview")


@page("manage")
def suggestions(request):
    """建议指标: the numbers found in the measures, pending first; accept as suggested, edit, or discard."""
    plan = _plan(request)
    status = request.GET.get("status") or SuggestionStatus.PENDING
    if status not in SuggestionStatus.values:
        status = SuggestionStatus.PENDING
    rows = (KpiSuggestion.objects.filter(plan=plan, status=status)
            .select_related("measure__task", "kpi", "decided_by"))
    page_obj = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    for row in page_obj:
        row.rule = suggestion_rule_text(row)
    counts = {value: KpiSuggestion.objects.filter(plan=plan, status=value).count() for value in SuggestionStatus.values}
    return render(request, "kpis/suggestions.html", {
        "page_obj": page_obj, "status": status, "plan": plan,
        "tabs": [(value, label, counts[value]) for value, label in SuggestionStatus.choices]})


@require_POST
@page("manage")
def suggestion_decide(request, pk: int):
    """采纳 as suggested, or 忽略."""
    plan = _plan(request)
    row = _suggestion(plan, pk)
    try:
        if request.POST.get("decision") == "accept":
            kpi = suggestion_accept(actor=request.user, suggestion=row)
            messages.success(request, f"已采纳为指标“{kpi}”（{source_label(kpi.registry) or kpi.get_kind_display()}）。")
        else:
            suggestion_discard(actor=request.user, suggestion=row)
            messages.success(request, "已忽略该建议。")
    except (KpiError, PermissionDenied) as error:
        messages.error(request, str(error))
    return redirect(reverse("kpis:suggestions") + (f"?page={request.POST['page']}" if request.POST.get("page", "").isdigit() else ""))
