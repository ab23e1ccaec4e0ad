"""The directory's own pages beside the generic registry pages: the visit statistics (走访统计) and their export."""

from django.shortcuts import render
from django.utils import timezone

from zhaoshang.core.decorators import page
from zhaoshang.core.downloads import download
from zhaoshang.core.query_params import query_year
from zhaoshang.core.xlsx import list_workbook
from zhaoshang.targeting.choices import VisitKind
from zhaoshang.targeting.selectors import visit_stats, visit_stats_rows


def _year(request) -> int:
    return query_year(request.GET, default=timezone.localdate().year)


@page("view")
def visit_statistics(request):
    """Visits of a year (this year unless ?year=) per unit and per 专班, each linking to its visits."""
    stats = visit_stats(year=_year(request))
    return render(request, "targeting/visit_stats.html", {"stats": stats, "years": range(stats.year - 3, stats.year + 2)})


@page("view")
def visit_statistics_export(request):
    stats = visit_stats(year=_year(request))
    columns = [("分组", 10), ("单位/专班", 24), ("合计", 8), *[(label, 8) for label in VisitKind.labels],
               ("涉及企业", 10), ("涉及项目", 10)]
    content = list_workbook(sheet_title="走访统计", title=f"{stats.year}年走访/对接统计（共{stats.total}次）", columns=columns,
                            rows=visit_stats_rows(stats))
    return download(content, f"{stats.year}年走访对接统计.xlsx")
