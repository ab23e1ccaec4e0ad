"""Home, recycle bin and audit log pages."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from zhaoshang.accounts.models import Unit, User
from zhaoshang.core.audit_labels import ACTION_LABELS
from zhaoshang.core.audit_trail import EXPORT_COLUMNS, AuditFilter, export_rows, object_type_choices, readable
from zhaoshang.core.decorators import page
from zhaoshang.core.downloads import download
from zhaoshang.core.permissions import LEADER, OFFICE, UNIT, role_of
from zhaoshang.core.selectors import audit_log_for, deleted_object_for, recycle_bin_for
from zhaoshang.core.services import object_restore
from zhaoshang.core.xlsx import list_workbook
from zhaoshang.plans.selectors import current_plan_for


LANDING = {UNIT: "supervision:my_work", LEADER: "kpis:dashboard", OFFICE: "supervision:overview"}


@page()
def home(request):
    """Each role lands where it works: a unit on 我的工作, a leader on the 驾驶舱, the office on its overview."""
    landing = LANDING.get(role_of(request.user))
    if landing:
        return redirect(landing)
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
    """The audit log a reviewer reads: filtered by person, unit, object type, action and dates; 50 a page."""
    filters = AuditFilter(request.GET, queryset=audit_log_for(user=request.user))
    page_obj = Paginator(filters.qs, 50).get_page(request.GET.get("page"))
    return render(request, "core/audit_log.html", {
        "page_obj": page_obj, "entries": readable(page_obj.object_list), "filters": request.GET,
        "people": User.objects.select_related("unit").order_by("unit__id", "username"), "units": Unit.objects.all(),
        "types": object_type_choices(), "actions": sorted(ACTION_LABELS.items(), key=lambda c: c[1]),
        "export_query": request.GET.urlencode(),
    })


@page("audit")
def audit_export(request):
    """Exactly the rows the page shows under the same filters, every page of them."""
    entries = AuditFilter(request.GET, queryset=audit_log_for(user=request.user)).qs
    content = list_workbook(sheet_title="操作日志", title=f"操作日志（导出于{timezone.localtime():%Y-%m-%d %H:%M}）",
                            columns=EXPORT_COLUMNS, rows=export_rows(entries), wrap=True)
    return download(content, f"操作日志-{timezone.localdate().isoformat()}.xlsx")
