"""Reads of export jobs: each user sees only the exports they asked for."""

from django.http import Http404

from zhaoshang.exports.models import ExportJob


def exports_for(*, user):
    """The user's export jobs, newest first."""
    return ExportJob.objects.filter(requested_by=user)


def export_for(*, user, pk: int) -> ExportJob:
    """One of the user's export jobs; 404 whether missing or someone else's."""
    job = exports_for(user=user).filter(pk=pk).first()
    if job is None:
        raise Http404("导出任务不存在或无权访问")
    return job
