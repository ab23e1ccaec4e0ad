"""Changing a project after entry: editing its fields (the office, or its lead unit), deleting it to the recycle bin and
correcting a recorded stage change (the office)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from zhaoshang.core.decorators import page
from zhaoshang.core.services import PermissionDenied
from zhaoshang.projects.errors import ProjectError
from zhaoshang.projects.forms import ProjectEditForm, StageCorrectionForm
from zhaoshang.projects.selectors import current_chains, project_for, stage_change_for
from zhaoshang.projects.services.corrections import stage_change_correct
from zhaoshang.projects.services.editing import project_delete, project_update


@page("work")
def edit(request, pk: int):
    """Every field of a project but its stage; a unit edits the projects it leads."""
    project = project_for(user=request.user, pk=pk, action="work")
    form = ProjectEditForm(request.POST or None, project=project, user=request.user,
                           chains=current_chains(user=request.user))
    if request.method == "POST" and form.is_valid():
        try:
            project_update(actor=request.user, project=project, changes=form.changes())
        except (ProjectError, PermissionDenied) as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"已保存项目“{project.name}”的修改。" if form.has_changed() else "没有修改。")
            return redirect("projects:detail", pk=project.pk)
    return render(request, "projects/edit.html", {"project": project, "form": form},
                  status=400 if form.errors else 200)


@require_POST
@page("supervise")
def delete(request, pk: int):
    """To the recycle bin (the office; 回收站 restores it)."""
    project = project_for(user=request.user, pk=pk, action="work")
    project_delete(actor=request.user, project=project)
    messages.success(request, f"项目“{project.name}”已移入回收站，可在回收站恢复。")
    return redirect("projects:list")


@page("supervise")
def correct(request, pk: int):
    """The office corrects a stage change's date, note or evidence, giving a reason."""
    change = stage_change_for(user=request.user, pk=pk)
    form = StageCorrectionForm(request.POST or None, request.FILES or None,
                               initial={"happened_on": change.happened_on, "note": change.note})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            stage_change_correct(actor=request.user, change=change, happened_on=data["happened_on"], note=data["note"],
                                 reason=data["reason"], evidence=data["evidence"])
        except (ProjectError, PermissionDenied) as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "已更正阶段变更记录。")
            return redirect("projects:detail", pk=change.project_id)
    return render(request, "projects/correct.html", {"change": change, "project": change.project, "form": form},
                  status=400 if form.errors else 200)
