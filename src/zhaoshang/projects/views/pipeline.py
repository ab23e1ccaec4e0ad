"""The pipeline list and kanban, and their Excel export: all three read `projects_for` with the same filter."""

from urllib.parse import quote

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from zhaoshang.core.decorators import page
from zhaoshang.core.permissions import can
from zhaoshang.projects.choices import Channel, Stage, State
from zhaoshang.projects.exports import pipeline_workbook
from zhaoshang.projects.filters import BANDS
from zhaoshang.projects.flags import attach_clocks
from zhaoshang.projects.selectors import cohort_counts, filter_options, kanban_for, pipeline_totals, projects_for

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PER_PAGE = 50


def _params(request) -> dict:
    """The filter's query-string values (empty ones dropped, the page number left out)."""
    return {key: value for key, value in request.GET.items() if value and key != "page"}


def _filter_context(request, params: dict) -> dict:
    query = "&".join(f"{quote(k)}={quote(v)}" for k, v in params.items())
    return {
        **filter_options(user=request.user), "filters": params, "query": query, "can_work": can(request.user, "work"),
        "stages": Stage.choices, "states": State.choices, "channels": Channel.choices,
        "bands": [(key, value[0]) for key, value in BANDS.items()],
    }


@page()
def pipeline(request):
    params = _params(request)
    projects = projects_for(user=request.user, params=params)
    page_obj = Paginator(projects, PER_PAGE).get_page(request.GET.get("page"))
    page_obj.object_list = attach_clocks(page_obj.object_list)
    year = timezone.localdate().year
    context = {**_filter_context(request, params), "page_obj": page_obj, "totals": pipeline_totals(projects),
               "year": year, "cohort": cohort_counts(user=request.user, year=year)}
    template = "projects/_pipeline_results.html" if request.htmx else "projects/pipeline.html"
    return render(request, template, context)


@page()
def kanban(request):
    params = _params(request)
    columns = kanban_for(user=request.user, params=params)
    return render(request, "projects/kanban.html", {
        **_filter_context(request, params), "columns": columns,
        "total_count": sum(c["count"] for c in columns), "total_amount": sum(c["amount_wan"] for c in columns),
    })


@page()
def export(request):
    """The list exactly as filtered (every page), as Excel; phones masked for roles other than the office."""
    params = _params(request)
    now = timezone.localtime()
    title = f"项目库（导出时间{now:%Y-%m-%d %H:%M}）"
    response = HttpResponse(pipeline_workbook(projects_for(user=request.user, params=params), request.user, title),
                            content_type=XLSX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(f'项目库-{now:%Y%m%d}.xlsx')}"
    return response
