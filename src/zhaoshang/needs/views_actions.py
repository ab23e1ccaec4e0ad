"""What is done to a need: accept and settle (its unit), rate, route and urge (the office).

Each answers the htmx row on the list, else goes back to the need's page."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from zhaoshang.core.decorators import page
from zhaoshang.core.permissions import OFFICE, role_of
from zhaoshang.core.services import PermissionDenied
from zhaoshang.needs.errors import NeedError
from zhaoshang.needs.forms import RateForm, RouteForm, SettleForm
from zhaoshang.needs.selectors import NeedRow, light_of, need_for
from zhaoshang.needs.services.tickets import need_accept, need_rate, need_route, need_settle, need_urge
from zhaoshang.needs.views import need_page


def _done(request, need, message: str, error: Exception | None = None):
    if request.htmx:
        need = need_for(user=request.user, pk=need.pk)
        return render(request, "needs/_row.html", {"row": NeedRow(need, light_of(need)), "error": str(error or ""),
                                                   "is_office": role_of(request.user) == OFFICE})
    if error:
        messages.error(request, str(error))
    else:
        messages.success(request, message)
    return redirect("needs:detail", pk=need.pk)


def _run(request, need, message: str, write):
    try:
        write()
    except (NeedError, PermissionDenied) as error:
        return _done(request, need, message, error)
    return _done(request, need, message)


@require_POST
@page("work")
def accept(request, pk: int):
    need = need_for(user=request.user, pk=pk, action="work")
    return _run(request, need, "已受理。", lambda: need_accept(actor=request.user, need=need))


@require_POST
@page("work")
def settle(request, pk: int):
    need = need_for(user=request.user, pk=pk, action="work")
    form = SettleForm(request.POST)
    reply = form.cleaned_data["reply"] if form.is_valid() else ""
    return _run(request, need, "已办结。", lambda: need_settle(actor=request.user, need=need, reply=reply))


@require_POST
@page("supervise")
def rate(request, pk: int):
    need = need_for(user=request.user, pk=pk)
    form = RateForm(request.POST)
    data = form.cleaned_data if form.is_valid() else {"satisfaction": "", "note": ""}
    return _run(request, need, "已记录企业满意度。",
                lambda: need_rate(actor=request.user, need=need, satisfaction=data["satisfaction"], note=data["note"]))


@require_POST
@page("supervise")
def route(request, pk: int):
    """转办 with a reason; a missing unit or reason re-renders the need's page with what was typed."""
    need = need_for(user=request.user, pk=pk)
    form = RouteForm(request.POST, need=need)
    if form.is_valid():
        try:
            need_route(actor=request.user, need=need, unit=form.cleaned_data["unit"], reason=form.cleaned_data["reason"])
        except (NeedError, PermissionDenied) as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"已转办至{form.cleaned_data['unit'].display_name}。")
            return redirect("needs:detail", pk=need.pk)
    return need_page(request, need, route_form=form)


@require_POST
@page("supervise")
def urge(request, pk: int):
    need = need_for(user=request.user, pk=pk)
    message = request.POST.get("message", "").strip() or "请加快办理，按时答复企业。"
    return _run(request, need, "已催办。", lambda: need_urge(actor=request.user, need=need, message=message))
