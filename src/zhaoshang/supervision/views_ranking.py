"""The unit ranking page and its Excel export: both read `unit_ranking`, so they never disagree."""

import datetime

from django.shortcuts import render

from zhaoshang.core.decorators import page
from zhaoshang.core.downloads import download
from zhaoshang.core.query_params import query_date
from zhaoshang.plans.selectors import current_plan_for, page_as_of
from zhaoshang.supervision.ranking_export import ranking_title, ranking_workbook
from zhaoshang.supervision.selectors.overview import OverviewFilters
from zhaoshang.supervision.selectors.ranking import unit_ranking


def _as_of(request, plan) -> tuple[datetime.date, str]:
    """?as_of=YYYY-MM-DD, else today (Beijing time) or the plan's last day once its year is over; and the note."""
    return page_as_of(plan, query_date(request.GET, "as_of", label="截至日期"))


@page()
def ranking(request):
    plan = current_plan_for(user=request.user)
    as_of, as_of_note = _as_of(request, plan)
    return render(request, "supervision/ranking.html", {
        "rows": unit_ranking(user=request.user, as_of=as_of, plan=plan), "as_of": as_of, "plan": plan,
        "as_of_note": as_of_note,
        "title": ranking_title(as_of), "filters": OverviewFilters(as_of=as_of),
    })


@page()
def ranking_export(request):
    as_of = _as_of(request, current_plan_for(user=request.user))[0]
    response = download(ranking_workbook(unit_ranking(user=request.user, as_of=as_of), as_of), f"责任单位排名-{as_of.isoformat()}.xlsx")
    return response
