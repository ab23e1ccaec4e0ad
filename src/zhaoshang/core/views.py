"""Home, recycle bin and audit log pages."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from zhaoshang.core.decorators import page
from zhaoshang.core.selectors import audit_log_for, deleted_object_for, recycle_bin_for
from zhaoshang.core.services import object_restore
from zhaoshang.plans.selectors import current_plan_for


@page()
def home(request):
    plan = current_plan_for(user=request.user)
    if plan is None:
        return redirect("plans:list")
    return redirect("plans:detail", pk=plan.pk)


@page("audit")
def recycle_bin(request):
    return render(request, "core/recycle_bin.html", {"entries": recycle_bin_for(user=request.user)})


@require_POST
@page("manage")
def restore(request, label: str, pk: int):
    obj = deleted_object_for(user=request.user, model_label=label, pk=pk)
    if obj is None:
        raise Http404("对象不存在或无权访问")
    object_restore(obj=obj, actor=request.user)
    messages.success(request, f"已恢复：{obj}")
    return redirect("core:recycle_bin")


@page("audit")
def audit_log(request):
    entries = audit_log_for(user=request.user, object_type=request.GET.get("type", ""))
    page_obj = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "core/audit_log.html", {"page_obj": page_obj})
