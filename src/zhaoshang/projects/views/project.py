"""One project: its page with the timeline and phase clock, moving its stage, its evidence; a new project; an enterprise."""

from django.contrib import messages
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from zhaoshang.core.decorators import page
from zhaoshang.core.permissions import can, can_work_on_unit, listing_action
from zhaoshang.core.services import PermissionDenied
from zhaoshang.projects.choices import Stage
from zhaoshang.projects.clock import stage_spans
from zhaoshang.projects.errors import PossibleDuplicate, ProjectError
from zhaoshang.projects.flags import clock_rules
from zhaoshang.projects.forms import MOVES, ProjectForm, StageMoveForm
from zhaoshang.projects.selectors import (current_chains, enterprise_contacts, enterprise_page_for, evidence_for, project_for,
                                          project_history, project_page_for, project_trail, stage_entries)
from zhaoshang.projects.services.lifecycle import project_stage_change
from zhaoshang.projects.services.projects import project_create
from zhaoshang.projects.trail import trail_rows
from zhaoshang.finance.selectors import clauses_for
from zhaoshang.registries.links import links_of

STAGE_LABELS = dict(Stage.choices)
CLAUSES_SHOWN = 20


@page()
def detail(request, pk: int):
    project = project_page_for(user=request.user, pk=pk)
    history = project_history(project)
    spans = stage_spans(stage_entries(history), timezone.localdate(), clock_rules())
    return render(request, "projects/detail.html", {
        "project": project, "history": history, "enterprises": project.enterprises.prefetch_related("contacts"),
        "spans": [(STAGE_LABELS.get(s.stage, s.stage), s) for s in spans], "tags": project.tags.all(),
        "can_move": can_work_on_unit(request.user, project.lead_unit_id), "can_office": can(request.user, "supervise"),
        "trail": trail_rows(project_trail(project)) if can(request.user, "audit") else None,
        "move_form": StageMoveForm(initial={"stage": project.stage, "from_stage": project.stage, "from_state": project.state}),
        "registry_links": links_of(user=request.user, kind="project", obj=project),
        "policy_clauses": list(clauses_for(project)[:CLAUSES_SHOWN]),
    })


def _next_url(request, project) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("projects:detail", args=[project.pk])


@page("work")
def move(request, pk: int):
    """The small form a kanban move (or the detail page) opens: stage, date, note, optional evidence."""
    project = project_for(user=request.user, pk=pk, action="work")
    stage = request.GET.get("stage", "")
    seen = request.GET.get("from", "")  # the kanban column the card was dragged from
    form = StageMoveForm(request.POST or None, request.FILES or None, initial={
        "stage": stage if stage in dict(MOVES) else project.stage,
        "from_stage": seen if seen in dict(Stage.choices) else project.stage,
        "from_state": "" if seen in dict(Stage.choices) else project.state,
    })
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            project_stage_change(actor=request.user, project=project, stage=data["stage"], happened_on=data["happened_on"],
                                 note=data["note"], evidence=data["evidence"], expected_stage=data["from_stage"] or None,
                                 expected_state=data["from_state"] or None)
        except (ProjectError, PermissionDenied) as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"“{project.name}”已变更为{dict(MOVES)[data['stage']]}。")
            if request.htmx:
                return HttpResponse(status=204, headers={"HX-Redirect": _next_url(request, project)})
            return redirect(_next_url(request, project))
    context = {"project": project, "form": form, "next": _next_url(request, project) if request.method == "POST" else
               request.GET.get("next", "")}
    if request.htmx:  # htmx swaps only 2xx answers: the errors come back in a 200
        return render(request, "projects/_move_form.html", context)
    return render(request, "projects/move.html", context, status=400 if form.errors else 200)


@page()
def evidence(request, pk: int):
    """A stage change's evidence, served only to those who list its project (files live in private storage)."""
    change = evidence_for(user=request.user, pk=pk)
    return FileResponse(change.evidence.open("rb"), as_attachment=True, filename=change.evidence.name.rsplit("/", 1)[-1])


@page("work")
def new(request):
    """A unit enters its own unit's projects, the office anyone's; a possible duplicate asks to confirm."""
    form = ProjectForm(request.POST or None, user=request.user, chains=current_chains(user=request.user))
    duplicate = None
    if request.method == "POST" and form.is_valid():
        try:
            project = project_create(actor=request.user, data=form.project_input(),
                                     allow_duplicate=form.cleaned_data["allow_duplicate"])
        except PossibleDuplicate as error:
            duplicate = error.existing
        except (ProjectError, PermissionDenied) as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"已录入项目“{project.name}”。")
            return redirect("projects:detail", pk=project.pk)
    failed = request.method == "POST" and (form.errors or duplicate)
    linked = duplicate is not None and (listing_action(request.user) == "view" or
                                        can_work_on_unit(request.user, duplicate.lead_unit_id))
    return render(request, "projects/new.html", {"form": form, "duplicate": duplicate, "duplicate_linked": linked},
                  status=400 if failed else 200)


@page()
def enterprise(request, pk: int):
    company, projects = enterprise_page_for(user=request.user, pk=pk)
    contacts = enterprise_contacts(user=request.user, enterprise=company)
    return render(request, "projects/enterprise.html", {"enterprise": company, "projects": projects, "contacts": contacts,
                                                        "registry_links": links_of(user=request.user, kind="enterprise", obj=company)})
