"""Log-in, units list and a unit's page (its measures across the plan)."""

from django.contrib.auth import views as auth_views
from django.shortcuts import render

from zhaoshang.accounts.forms import LoginForm
from zhaoshang.accounts.models import Unit
from zhaoshang.accounts.selectors import units_for
from zhaoshang.core.decorators import page
from zhaoshang.core.permissions import can_work_on_unit, get_for
from zhaoshang.plans.selectors import assignments_for, current_plan_for


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


@page()
def unit_list(request):
    return render(request, "accounts/unit_list.html", {"units": units_for(user=request.user)})


@page()
def unit_detail(request, pk: int):
    unit = get_for(request.user, "view", Unit.objects, pk=pk)
    plan = current_plan_for(user=request.user)
    assignments = list(assignments_for(user=request.user, plan=plan, unit_id=unit.pk)) if plan else []
    return render(request, "accounts/unit_detail.html", {
        "unit": unit,
        "plan": plan,
        "assignments": assignments,
        "lead_count": sum(a.is_lead for a in assignments),
        "can_edit": can_work_on_unit(request.user, unit.pk) and plan is not None and not plan.is_archived,
    })
