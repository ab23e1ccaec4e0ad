"""The industry-chain board, the leaders' dashboard, the wall screen and figure drill-downs: every logged-in role
reads them, each as of ?as_of= for ?year= (dashboard.board_params)."""

from functools import wraps

from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse

from zhaoshang.core.decorators import page
from zhaoshang.core.query_params import QueryError
from zhaoshang.exports.views import export_response
from zhaoshang.kpis.dashboard import board_params, chain_board as chain_board_for, dashboard as dashboard_for
from zhaoshang.kpis.drill import drill_file, drill_for
from zhaoshang.kpis.errors import KpiError
from zhaoshang.kpis.registry_figures import registry_groups
from zhaoshang.targeting.candidates import board_targets

PER_PAGE = 100
SCREEN_REFRESH_MINUTES = 5
SCREEN_UNITS = 12  # units the wall shows, the worst first: more would not be legible from across the room


def _board(view):
    """Log-in required; the board's parameters parsed into `params`, a bad value answered with 400 in Chinese."""

    @page()
    @wraps(view)
    def wrapped(request):
        try:
            params = board_params(user=request.user, params=request.GET)
            return view(request, params)
        except (KpiError, QueryError) as error:
            return render(request, "kpis/drill.html", {"error": str(error)}, status=400)

    return wrapped


@_board
def chain_board(request, params):
    groups = chain_board_for(params)
    board_targets(groups)  # 招商靶向: the marked targets of each link
    return render(request, "kpis/chains.html", {"params": params, "groups": groups})


@_board
def dashboard(request, params):
    return render(request, "kpis/dashboard.html", {"board": dashboard_for(params), "params": params,
                                                   "registry_groups": registry_groups(params.as_of, params.year)})


@_board
def screen(request, params):
    return render(request, "kpis/screen.html", {"board": dashboard_for(params), "params": params,
                                                "refresh_seconds": SCREEN_REFRESH_MINUTES * 60,
                                                "refresh_minutes": SCREEN_REFRESH_MINUTES, "screen_units": SCREEN_UNITS})


@_board
def drill(request, params):
    result = drill_for(params, request.GET)
    rows = Paginator(result.rows, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "kpis/drill.html", {"drill": result, "page_obj": rows, "params": params,
                                               "query": query.urlencode()})


@_board
def drill_export(request, params):
    """The drill-down as Excel; a long list of projects is written in the background (exports)."""
    result = drill_for(params, request.GET)
    return export_response(request, rows=result.rows, kind="kpi_drill", label="指标明细", list_url=reverse("kpis:drill"),
                           build=lambda: drill_file(user=request.user, params=request.GET))
