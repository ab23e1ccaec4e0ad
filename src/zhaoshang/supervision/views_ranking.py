"""The unit ranking page and its Excel export: both read `unit_ranking`, so they never disagree."""

import datetime

from django.shortcuts import render
from django.utils import timezone

from zhaoshang.core.decorators import page
from zhaoshang.core.downloads import download
from zhaoshang.core.query_params import query_date
from zhaoshang.plans.selectors import current_plan_for
from zhaoshang.supervision.ranking_export import ranking_title, ranking_workbook
from zhaoshang.supervision.selectors.ranking import unit_ranking


def _as_of(request) -> datetime.date:
    """?as_of=YYYY-MM-DD, else today (Beijing time)."""
    return query_date(request.GET, "as_of", label="截至日期", default=timezone.localdate())


@page()
def ranking(request):
    as_of = _as_of(request)
    plan = current_plan_for(user=request.user)
    return render(request, "supervision/ranking.html", {
        "rows": unit_ranking(user=request.user, as_of=as_of, plan=plan), "as_of": as_of, "plan": plan,
        "title": ranking_title(as_of),
    })


@page()
def ranking_export(request):
    as_of = _as_of(request)
    response = download(ranking_workbook(unit_ranking(user=request.user, as_of=as_of), as_of), f"责任单位排名-{as_of.isoformat()}.xlsx")
    return response
