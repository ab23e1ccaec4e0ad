"""Reading the plan: list, overview (focus → target → task → measures), search, export, the original file."""

from django.http import FileResponse
from django.shortcuts import render

from zhaoshang.accounts.models import Unit
from zhaoshang.core.decorators import page
from zhaoshang.core.downloads import download
from zhaoshang.core.query_params import query_id
from zhaoshang.plans.exports import plan_workbook
from zhaoshang.plans.selectors import chains_for, measure_search, notice_upload_for, plan_for, plan_outline, plans_for


@page()
def plan_list(request):
    return render(request, "plans/plan_list.html", {"plans": plans_for(user=request.user)})


@page()
def plan_detail(request, pk: int):
    plan = plan_for(user=request.user, pk=pk)
    outline = plan_outline(plan)
    return render(request, "plans/plan_detail.html", {
        "plan": plan,
        "outline": outline,
        "task_count": sum(block.task_count for block in outline),
        "chains": chains_for(user=request.user, plan=plan),
        "original": plan.uploads.filter(status="applied").first(),
    })


@page()
def plan_search(request, pk: int):
    plan = plan_for(user=request.user, pk=pk)
    text = request.GET.get("q", "").strip()[:100]
    unit_id = query_id(request.GET, "unit", label="责任单位")
    searched = bool(text or unit_id)
    results = measure_search(user=request.user, plan=plan, text=text, unit_id=unit_id) if searched else []
    template = "plans/_search_results.html" if request.htmx else "plans/search.html"
    return render(request, template, {
        "plan": plan, "q": text, "unit_id": unit_id, "results": results, "searched": searched,
        "units": Unit.objects.restrict(request.user, "view"),
    })


@page()
def upload_file(request, pk: int):
    """The original notice file, served only to users who may see the plan."""
    plan_upload = notice_upload_for(user=request.user, pk=pk)
    return FileResponse(plan_upload.file.open("rb"), as_attachment=True, filename=plan_upload.filename)


@page()
def plan_export(request, pk: int):
    """The plan (or one unit's part of it, ?unit=ID) as an Excel workbook."""
    plan = plan_for(user=request.user, pk=pk)
    unit_id = query_id(request.GET, "unit", label="责任单位")
    response = download(plan_workbook(plan, unit_id), f"{plan.title}{f'-单位{unit_id}' if unit_id else ''}.xlsx")
    return response
