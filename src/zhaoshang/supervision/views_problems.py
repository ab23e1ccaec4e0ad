"""The coordination list (需协调解决的问题): the office gives each problem an owner and an outcome."""

from django.shortcuts import render

from zhaoshang.accounts.models import Unit
from zhaoshang.core.decorators import page
from zhaoshang.core.permissions import can, get_for
from zhaoshang.core.query_params import query_id
from zhaoshang.supervision.errors import SupervisionError
from zhaoshang.supervision.models import Problem
from zhaoshang.supervision.selectors.overview import problems_for
from zhaoshang.supervision.services.urging import problem_update


@page()
def problem_list(request):
    status = request.GET.get("status", "open")
    unit_id = query_id(request.GET, "unit", label="责任单位")
    problems = problems_for(user=request.user, unit_id=unit_id)
    if status in ("open", "resolved"):
        problems = problems.filter(status=status)
    return render(request, "supervision/problems.html", {
        "problems": problems, "status": status, "unit": Unit.objects.filter(pk=unit_id).first() if unit_id else None, "units": Unit.objects.all(), "can_edit": can(request.user, "supervise"),
    })


@page("supervise")
def problem_edit(request, pk: int):
    problem = get_for(request.user, "view", Problem.objects.select_related("report__assignment__unit", "owner_unit"), pk=pk)
    error = ""
    if request.method == "POST":
        owner = Unit.objects.filter(pk=request.POST.get("owner_unit") or 0).first()
        try:
            problem = problem_update(actor=request.user, problem=problem, owner_unit=owner,
                                     outcome=request.POST.get("outcome", ""), resolved=bool(request.POST.get("resolved")))
        except SupervisionError as exc:
            error = str(exc)
    return render(request, "supervision/_problem_row.html", {
        "p": problem, "units": Unit.objects.all(), "can_edit": True, "error": error,
    })
