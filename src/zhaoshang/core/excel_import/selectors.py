"""Reads of import jobs: a person sees the files they uploaded; the office sees every upload of a kind."""

from django.http import Http404

from zhaoshang.core.excel_import.models import ImportJob
from zhaoshang.core.permissions import OFFICE, role_of


def import_jobs_for(*, user, kind: str):
    """Import jobs of importer `kind` the user may see, newest first: their own uploads (an importer's pages decide
    who may upload), and for the office every upload of the kind."""
    if role_of(user) is None:
        return ImportJob.objects.none()
    jobs = ImportJob.objects.filter(kind=kind).select_related("requested_by")
    return jobs if role_of(user) == OFFICE else jobs.filter(requested_by=user)


def import_job_for(*, user, kind: str, pk: int) -> ImportJob:
    """One job; 404 whether missing or forbidden."""
    job = import_jobs_for(user=user, kind=kind).filter(pk=pk).first()
    if job is None:
        raise Http404("导入记录不存在或无权访问")
    return job
