"""The pipeline list and kanban, and their Excel export: all three read the same filter (`filtered_projects`)."""

from urllib.parse import quote

from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from zhaoshang.core.decorators import page
from zhaoshang.core.pagination import CountedPaginator
from zhaoshang.core.permissions import can
from zhaoshang.exports.views import export_response
from zhaoshang.projects.choices import Channel, Stage, State
from zhaoshang.projects.exports import project_list_file
from zhaoshang.projects.filters import BANDS
from zhaoshang.projects.selectors import (cohort_counts, filter_options, kanban_for, list_params, list_totals,
                                         project_listing, project_rows)

PER_PAGE = 50
PK_SLOT = 9_876_543_210  # stands for the pk in a URL reversed once


def _with_urls(objects, **names):
    """Set `attribute="url name"` on each object: its URL (one taking the pk), reversed once and then joined as a
    string, for a `{% url %}` per row costs more than the rest of the row."""
    parts = {attribute: reverse(name, args=[PK_SLOT]).split(str(PK_SLOT)) for attribute, name in names.items()}
    for obj in objects:
        for attribute, (head, tail) in parts.items():
            setattr(obj, attribute, f"{head}{obj.pk}{tail}")
    return objects


def _params(request) -> dict:
    return list_params(request.GET)


def _chosen(choices, value: str) -> list[tuple[str, str, bool]]:
    """(value, label, selected) of a fixed filter's choices."""
    return [(key, label, key == value) for key, label in choices]


def _query(params: dict) -> str:
    """The filter as a query string, for the links that keep it (export, the other view)."""
    return "&".join(f"{quote(k)}={quote(v)}" for k, v in params.items())


def _filter_context(request, params: dict) -> dict:
    """What the filter form draws: its options, each marked when chosen."""
    return {
        **filter_options(user=request.user, params=params), "can_work": can(request.user, "work"),
        "stages": _chosen(Stage.choices, params.get("stage")), "states": _chosen(State.choices, params.get("state")),
        "channels": _chosen(Channel.choices, params.get("channel")),
        "bands": _chosen([(key, value[0]) for key, value in BANDS.items()], params.get("band")),
    }


@page()
def pipeline(request):
    params = _params(request)
    listing = project_listing(user=request.user, params=params)
    projects = listing.rows
    totals = list_totals(user=request.user, params=params, projects=projects)
    page_obj = CountedPaginator(projects, PER_PAGE, totals["count"]).get_page(request.GET.get("page"))
    page_obj.object_list = _with_urls(project_rows(page_obj.object_list), url="projects:detail")
    _with_urls([e for row in page_obj.object_list for e in row.enterprises], url="projects:enterprise")
    results = {"filters": params, "query": _query(params), "page_obj": page_obj, "totals": totals,
               "truncated": listing.truncated}
    if request.htmx:  # a filter changed: the results only (the form and the cohort line stay as they are)
        return render(request, "projects/_pipeline_results.html", results)
    year = timezone.localdate().year
    return render(request, "projects/pipeline.html", {**results, **_filter_context(request, params), "year": year,
                                                      "cohort": cohort_counts(user=request.user, year=year)})


@page()
def kanban(request):
    params = _params(request)
    board = kanban_for(user=request.user, params=params)
    columns = board.rows
    for column in columns:
        _with_urls(column["cards"], url="projects:detail", move_url="projects:move")
    return render(request, "projects/kanban.html", {
        **_filter_context(request, params), "filters": params, "query": _query(params), "columns": columns,
        "total_count": sum(c["count"] for c in columns), "total_amount": sum(c["amount_wan"] for c in columns),
        "truncated": board.truncated,
    })


@page()
def export(request):
    """The list exactly as filtered (every page), as Excel; phones masked for roles other than the office. A long list
    is written in the background (exports)."""
    rows = project_listing(user=request.user, params=_params(request)).rows
    return export_response(request, rows=rows, kind="projects", label="项目库", list_url=reverse("projects:list"),
                           build=lambda: project_list_file(user=request.user, params=request.GET))
