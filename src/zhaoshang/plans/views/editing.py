"""The office edits chains and archives or deletes plans; a unit edits its contact on its own assignments."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from zhaoshang.core.decorators import page
from zhaoshang.core.permissions import get_for
from zhaoshang.plans.errors import PlanError
from zhaoshang.plans.forms import AssignmentContactForm, ChainForm, ChainMergeForm
from zhaoshang.plans.models import Assignment, Chain
from zhaoshang.plans.selectors import ALIVE_ASSIGNMENT, plan_for
from zhaoshang.plans.services.assignments import assignment_update
from zhaoshang.plans.services.chains import chain_create, chain_merge, chain_update
from zhaoshang.plans.services.lifecycle import plan_delete, plan_set_archived


@page("work")
def assignment_edit(request, pk: int):
    assignment = get_for(request.user, "work", Assignment.objects.filter(ALIVE_ASSIGNMENT), pk=pk)
    form = AssignmentContactForm(request.POST or None, initial={
        "contact_person": assignment.contact_person, "contact_phone": assignment.contact_phone, "note": assignment.note,
    })
    if request.method == "POST" and form.is_valid():
        try:
            assignment = assignment_update(actor=request.user, assignment=assignment, **form.cleaned_data)
        except PlanError as error:
            form.add_error(None, str(error))
        else:
            return render(request, "plans/_assignment_contact.html", {"assignment": assignment, "can_edit": True})
    return render(request, "plans/_assignment_form.html", {"assignment": assignment, "form": form})


@page("manage")
def chain_new(request, pk: int):
    plan = plan_for(user=request.user, pk=pk, action="manage")
    form = ChainForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            chain_create(actor=request.user, plan=plan, **form.cleaned_data)
        except PlanError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "已添加产业链。")
            return redirect("plans:detail", pk=plan.pk)
    return render(request, "plans/chain_form.html", {"plan": plan, "form": form, "title": "添加产业链"})


@page("manage")
def chain_edit(request, pk: int):
    chain = get_for(request.user, "manage", Chain.objects.select_related("plan"), pk=pk)
    form = ChainForm(request.POST or None, initial=ChainForm.initial_for(chain))
    merge_form = ChainMergeForm(chain=chain)
    if request.method == "POST" and form.is_valid():
        try:
            chain_update(actor=request.user, chain=chain, **form.cleaned_data)
        except PlanError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "已保存产业链。")
            return redirect("plans:detail", pk=chain.plan_id)
    return render(request, "plans/chain_form.html", {
        "plan": chain.plan, "chain": chain, "form": form, "merge_form": merge_form, "title": f"编辑产业链：{chain.name}",
    })


@page("manage")
def chain_merge_view(request, pk: int):
    chain = get_for(request.user, "manage", Chain.objects, pk=pk)
    form = ChainMergeForm(request.POST or None, chain=chain)
    if request.method == "POST" and form.is_valid():
        try:
            into = chain_merge(actor=request.user, source=chain, into=form.cleaned_data["into"])
        except PlanError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"已将“{chain.name}”合并到“{into.name}”。")
        return redirect("plans:detail", pk=chain.plan_id)
    return redirect("plans:chain_edit", pk=chain.pk)


@require_POST
@page("manage")
def plan_archive(request, pk: int):
    plan = plan_for(user=request.user, pk=pk, action="manage")
    archived = request.POST.get("archived") != "0"
    plan_set_archived(actor=request.user, plan=plan, archived=archived)
    messages.success(request, "已归档，清单转为只读。" if archived else "已取消归档。")
    return redirect("plans:detail", pk=plan.pk)


@require_POST
@page("manage")
def plan_remove(request, pk: int):
    plan = plan_for(user=request.user, pk=pk, action="manage")
    plan_delete(actor=request.user, plan=plan)
    messages.success(request, f"《{plan.title}》已移入回收站，可在回收站恢复。")
    return redirect("plans:list")
