"""Pages of the indicators: 指标总览 and its export, one indicator with its rows, values and the office's edits.

Every page reads figures "as of" the ?as_of=YYYY-MM-DD date (default today, or the plan's last day once its year is
over: plans.selectors.default_as_of) and keeps it in its links."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from zhaoshang.core.decorators import page
from zhaoshang.core.downloads import download
from zhaoshang.core.permissions import UNIT, can, can_work_on_unit, get_for, role_of
from zhaoshang.core.services import PermissionDenied
from zhaoshang.kpis.choices import GROWTH_KINDS, VALUE_KINDS
from zhaoshang.kpis.errors import KpiError
from zhaoshang.kpis.exports import overview_workbook, rows_kind, rows_workbook
from zhaoshang.kpis.figures import due_of
from zhaoshang.kpis.forms import BaselineForm, KpiForm, OverviewFilterForm, ReviewForm, ValueForm
from zhaoshang.kpis.models import Kpi, KpiValue
from zhaoshang.kpis.rules import rule_text
from zhaoshang.kpis.selectors import kpi_values, kpi_with_parts, registry_row_key
from zhaoshang.kpis.selectors import overview as overview_blocks
from zhaoshang.kpis.selectors_pages import (evidence_visible, light_counts, overview_choices, pending_suggestions,
                                           value_evidence_for, values_to_report, visible_rows)
from zhaoshang.kpis.services import values as value_services
from zhaoshang.kpis.services.editing import baseline_set, kpi_update
from zhaoshang.plans.selectors import YEAR_OVER_NOTE, current_plan_for, default_as_of
from zhaoshang.supervision.lights import LIGHT_LABELS

PER_PAGE = 50
ROW_PAGES = {"project": "projects:detail", "meeting": "meetings:detail", "need": "needs:detail"}  # a row's own page


def _as_of(request, plan=None) -> tuple[datetime.date, str]:
    """The day figures are shown for, and the query string that keeps it in links ("" when it is the default day)."""
    asked = OverviewFilterForm(request.GET).day()
    return (asked, f"?as_of={asked.isoformat()}") if asked else (default_as_of(plan), "")


def _as_of_note(as_of: datetime.date, keep: str) -> str:
    """The note beside the date input when the default day is the plan's last day rather than today."""
    return YEAR_OVER_NOTE if not keep and as_of < timezone.localdate() else ""


def _xlsx(content: bytes, filename: str) -> HttpResponse:
    response = download(content, filename)
    return response


def _overview(request):
    """The plan, the day and the task blocks of 指标总览 as filtered: the page and its export read the same."""
    plan = current_plan_for(user=request.user)
    as_of, keep = _as_of(request, plan)
    blocks = overview_blocks(plan, as_of, **OverviewFilterForm(request.GET).filters()) if plan else []
    return plan, as_of, keep, blocks


@page()
def overview(request):
    plan, as_of, keep, blocks = _overview(request)
    counts = light_counts(blocks)
    return render(request, "kpis/overview.html", {
        "plan": plan, "blocks": blocks, "as_of": as_of, "keep": keep, "filters": request.GET,
        "as_of_note": _as_of_note(as_of, keep),
        "count_cards": [(light.value, LIGHT_LABELS[light], count) for light, count in counts.items()],
        "to_report": values_to_report(user=request.user, plan=plan), **(overview_choices(plan) if plan else {}),
        "pending_suggestions": pending_suggestions(user=request.user, plan=plan),
    })


@page()
def overview_export(request):
    plan, as_of, _keep, blocks = _overview(request)
    title = f"{plan.title if plan else ''}指标总览（截至{as_of.year}年{as_of.month}月{as_of.day}日）"
    return _xlsx(overview_workbook(blocks, title), f"指标总览-{as_of:%Y%m%d}.xlsx")


def _kpi_for(user, pk: int) -> Kpi:
    return get_for(user, "view", Kpi.objects.select_related("plan", "target", "parent", "reporting_unit")
                   .prefetch_related("chains", "tags"), pk=pk)


def _detail_url(pk: int, keep: str) -> str:
    return reverse("kpis:detail", args=[pk]) + keep


def _detail_page(request, kpi: Kpi, *, value_form: ValueForm | None = None, status: int = 200):
    """One indicator as of the asked day: its figure and parts, the rows behind it (reported values: their history),
    and the forms the user may use (report a value, the growth baseline)."""
    as_of, keep = _as_of(request, kpi.plan)
    figure, parts = kpi_with_parts(kpi, as_of)
    kind = rows_kind(kpi)
    rows = visible_rows(user=request.user, kpi=kpi, as_of=as_of)
    if value_form is None and kpi.kind in VALUE_KINDS and can_work_on_unit(request.user, kpi.reporting_unit_id):
        value_form = ValueForm(kpi=kpi)
    context = {
        "kpi": kpi, "figure": figure, "parts": parts, "as_of": as_of, "keep": keep, "rule": rule_text(kpi),
        "as_of_note": _as_of_note(as_of, keep),
        "due": due_of(kpi), "tasks": kpi.target.tasks.order_by("sort_key", "id"), "rows_kind": kind,
        "value_form": value_form, "can_review": can(request.user, "supervise"), "baseline_form": None,
        "show_evidence": evidence_visible(request.user, kpi),
    }
    if kind == "value":  # the confirmed values are the rows: the history shows them all, marking the one counted
        context |= {"page_obj": None, "values": kpi_values(kpi), "counted_value": rows.first()}
    else:
        row_registry = registry_row_key(kpi)  # a kit registry's rows link to registries:detail, readable by all
        context |= {"page_obj": Paginator(rows, PER_PAGE).get_page(request.GET.get("page")), "values": None,
                    "rows_scoped": role_of(request.user) == UNIT and not row_registry, "row_registry": row_registry,
                    "row_page": ROW_PAGES.get(rows.model._meta.model_name)}
    if can(request.user, "manage") and kpi.kind in GROWTH_KINDS:
        context["baseline_form"] = BaselineForm.for_kpi(kpi)
    return render(request, "kpis/detail.html", context, status=status)


@page()
def detail(request, pk: int):
    return _detail_page(request, _kpi_for(request.user, pk))


@page()
def rows_export(request, pk: int):
    """Every row behind the figure the caller may list (all pages)."""
    kpi = _kpi_for(request.user, pk)
    as_of, _keep = _as_of(request, kpi.plan)
    content = rows_workbook(kpi, visible_rows(user=request.user, kpi=kpi, as_of=as_of), as_of)
    return _xlsx(content, f"指标明细-{kpi.pk}-{as_of:%Y%m%d}.xlsx")


@require_POST
@page("work")
def value_submit(request, pk: int):
    """The reporting unit (or the office) reports a value or a milestone; errors come back on the indicator's page."""
    kpi = _kpi_for(request.user, pk)
    if not can_work_on_unit(request.user, kpi.reporting_unit_id):
        raise DjangoPermissionDenied("只能报送本单位负责的指标")
    form = ValueForm(request.POST, request.FILES, kpi=kpi)
    if form.is_valid():
        try:
            value_services.value_submit(actor=request.user, kpi=kpi, **form.submission())
        except (KpiError, PermissionDenied) as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "已报送，待督办办公室确认。" if role_of(request.user) == UNIT else "已录入并确认。")
            return redirect(_detail_url(kpi.pk, _as_of(request)[1]))
    return _detail_page(request, kpi, value_form=form, status=400)


@require_POST
@page("supervise")
def value_review(request, pk: int):
    row = get_for(request.user, "view", KpiValue.objects.filter(kpi__deleted_at__isnull=True), pk=pk)
    form = ReviewForm(request.POST)
    try:
        if not form.is_valid():
            raise KpiError("请选择确认或退回。")
        confirm = form.cleaned_data["decision"] == "confirm"
        value_services.value_review(actor=request.user, row=row, confirm=confirm, note=form.cleaned_data["note"])
        messages.success(request, "已确认。" if confirm else "已退回。")
    except (KpiError, PermissionDenied) as error:
        messages.error(request, str(error))
    return redirect(_detail_url(row.kpi_id, _as_of(request)[1]))


@page()
def value_evidence(request, pk: int):
    """A reported value's evidence, from private storage: the office and leaders, or the reporting unit."""
    row = value_evidence_for(user=request.user, pk=pk)
    return FileResponse(row.evidence.open("rb"), as_attachment=True, filename=row.evidence.name.rsplit("/", 1)[-1])


@page("manage")
def edit(request, pk: int):
    kpi = _kpi_for(request.user, pk)
    form = KpiForm(request.POST or None, kpi=kpi)
    if request.method == "POST" and form.is_valid():
        try:
            kpi_update(actor=request.user, kpi=kpi, data=form.kpi_input())
        except (KpiError, PermissionDenied) as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "指标已保存。")
            return redirect(_detail_url(kpi.pk, _as_of(request)[1]))
    return render(request, "kpis/edit.html", {"kpi": kpi, "form": form, "keep": _as_of(request)[1]},
                  status=400 if form.errors else 200)


@require_POST
@page("manage")
def baseline(request, pk: int):
    kpi = _kpi_for(request.user, pk)
    form = BaselineForm(request.POST)
    try:
        if not form.is_valid():
            raise KpiError("请填写上年基数和基数来源。")
        baseline_set(actor=request.user, kpi=kpi, value=form.cleaned_data["value"], source=form.cleaned_data["source"])
        messages.success(request, "上年基数已保存。")
    except (KpiError, PermissionDenied) as error:
        messages.error(request, str(error))
    return redirect(_detail_url(kpi.pk, _as_of(request)[1]))
