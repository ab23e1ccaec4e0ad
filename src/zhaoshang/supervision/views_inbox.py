"""The office's review inbox (待审核) and batch 催办 of overdue assignments."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse

from zhaoshang.accounts.models import Unit
from zhaoshang.core.decorators import page
from zhaoshang.core.pagination import CountedPaginator
from zhaoshang.core.query_params import query_id
from zhaoshang.core.services import PermissionDenied
from zhaoshang.supervision.errors import SupervisionError
from zhaoshang.supervision.forms_inbox import ReviewBatchForm, UrgeBatchForm
from zhaoshang.supervision.models import ProgressReport
from zhaoshang.supervision.selectors.inbox import ALIVE_REPORT, inbox_rows, waiting_reports
from zhaoshang.supervision.selectors.work import statuses_for, supervised_assignments, urge_counts
from zhaoshang.supervision.services.batch_urge import assignments_urge
from zhaoshang.supervision.services.review_inbox import reports_review

PAGE_SIZE = 30


def _first_error(form) -> str:
    return next(iter(form.errors.values()))[0]


@page("supervise")
def inbox(request):
    """GET lists the waiting reports; POST accepts or returns the ticked ones (or one row's) and comes back."""
    unit_id = query_id(request.GET, "unit", label="责任单位")
    if request.method == "POST":
        form = ReviewBatchForm(request.POST, reports=ProgressReport.objects.restrict(request.user, "supervise").filter(ALIVE_REPORT))
        try:
            if not form.is_valid():
                raise SupervisionError(_first_error(form))
            result = reports_review(actor=request.user, reports=list(form.cleaned_data["report"]),
                                    decision=form.cleaned_data["decision"], reason=form.cleaned_data["reason"])
        except (SupervisionError, PermissionDenied) as error:
            messages.error(request, str(error))
        else:
            (messages.warning if result.skipped else messages.success)(request, result.summary)
        return redirect(request.get_full_path())
    reports = waiting_reports(user=request.user, unit_id=unit_id)
    page_obj = CountedPaginator(reports, PAGE_SIZE, reports.count()).get_page(request.GET.get("page"))
    return render(request, "supervision/inbox.html", {
        "page_obj": page_obj, "rows": inbox_rows(page_obj.object_list), "unit_id": unit_id,
        "units": Unit.objects.filter(pk__in=waiting_reports(user=request.user).values("assignment__unit_id")),
    })


@page("supervise")
def urge_batch(request):
    """Every overdue assignment (filtered by unit if asked), ticked; one message urges all the ticked ones."""
    unit_id = query_id(request.GET, "unit", label="责任单位")
    form = UrgeBatchForm(request.POST or None, assignments=supervised_assignments(user=request.user))
    if request.method == "POST":
        try:
            if not form.is_valid():
                raise SupervisionError(_first_error(form))
            urges = assignments_urge(actor=request.user, assignments=list(form.cleaned_data["assignment"]),
                                     message=form.cleaned_data["message"])
        except (SupervisionError, PermissionDenied) as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"已向{len({u.assignment.unit_id for u in urges})}个单位催办{len(urges)}项工作。")
            return redirect(f"{reverse('supervision:urge_batch')}{'?unit=' + str(unit_id) if unit_id else ''}")
    overdue = sorted((s for s in statuses_for(user=request.user, unit_id=unit_id) if s.missing),
                     key=lambda s: (s.assignment.unit.display_name, s.assignment.measure.task.sort_key, s.assignment.measure.ordinal))
    chosen = {int(v) for v in request.POST.getlist("assignment") if v.isdigit()} if request.method == "POST" else None
    urged = urge_counts([s.assignment.pk for s in overdue])
    return render(request, "supervision/urge_batch.html", {
        "form": form, "rows": [(s, urged.get(s.assignment.pk, 0)) for s in overdue], "chosen": chosen, "unit_id": unit_id,
        "units": Unit.objects.restrict(request.user, "view"),
    }, status=400 if form.errors else 200)
