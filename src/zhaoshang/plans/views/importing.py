"""The office imports a notice: upload → preview (units, doubtful fields, changes, corrections) → confirm."""

from django.contrib import messages
from django.shortcuts import redirect, render

from zhaoshang.core.decorators import page
from zhaoshang.core.query_params import query_id
from zhaoshang.notices import NoticeError
from zhaoshang.plans.errors import PlanError
from zhaoshang.plans.forms import NoticeUploadForm
from zhaoshang.plans.import_preview import import_preview
from zhaoshang.plans.selectors import pending_upload_for, plan_for, plans_for
from zhaoshang.plans.services.corrections import CorrectionsInvalid, upload_corrections_save
from zhaoshang.plans.services.importing import CREATE_UNIT, notice_apply, notice_discard, notice_upload


@page("manage")
def import_upload(request):
    plan_id = request.POST.get("plan") or request.GET.get("plan") or ""
    form = NoticeUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        chosen = query_id({"plan": plan_id}, "plan", label="清单")
        plan = plan_for(user=request.user, pk=chosen, action="manage") if chosen else None
        upload = form.cleaned_data["file"]
        try:
            record = notice_upload(actor=request.user, filename=upload.name, data=upload.read(), plan=plan)
        except NoticeError as error:
            form.add_error("file", str(error))
        else:
            return redirect("plans:import_preview", pk=record.pk)
    return render(request, "plans/import_upload.html", {
        "form": form, "plans": plans_for(user=request.user), "plan_id": plan_id,
    }, status=400 if form.errors else 200)


@page("manage")
def import_preview_page(request, pk: int):
    upload = pending_upload_for(user=request.user, pk=pk)
    if request.method == "POST":
        if "discard" in request.POST:
            notice_discard(upload=upload, actor=request.user)
            messages.info(request, "已放弃本次导入。")
            return redirect("plans:import")
        fixes = {key: value for key, value in request.POST.items() if key.startswith("fix:")}
        try:
            saved = upload_corrections_save(upload=upload, actor=request.user, data=fixes) if fixes else None
        except CorrectionsInvalid as error:
            messages.error(request, str(error))
            preview = import_preview(upload, typed=fixes, errors=error.errors)
            return render(request, "plans/import_preview.html", {"preview": preview, "CREATE_UNIT": CREATE_UNIT}, status=400)
        if "confirm" not in request.POST:
            messages.success(request, f"已保存更正（共{len(saved or [])}处），确认导入时套用。")
            return redirect("plans:import_preview", pk=upload.pk)
        upload.refresh_from_db()
        choices = {key[5:]: value for key, value in request.POST.items() if key.startswith("unit:") and value}
        try:
            plan = notice_apply(upload=upload, actor=request.user, unit_choices=choices)
        except PlanError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"已导入《{plan.title}》。")
            return redirect("plans:detail", pk=plan.pk)
    return render(request, "plans/import_preview.html", {"preview": import_preview(upload), "CREATE_UNIT": CREATE_UNIT})
