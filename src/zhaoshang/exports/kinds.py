"""The lists an export job can write: each kind names the function that writes its workbook (the same one its page's
export link calls), run as the user who asked, with the list's query string."""

from django.http import QueryDict

from zhaoshang.core.xlsx import Progress
from zhaoshang.exports.models import ExportJob
from zhaoshang.kpis.drill import drill_file
from zhaoshang.meetings.exports import meeting_list_file
from zhaoshang.needs.exports import need_list_file
from zhaoshang.projects.exports import project_list_file
from zhaoshang.registries.catalog import registry_named
from zhaoshang.registries.exports import registry_file


def export_file(job: ExportJob, progress: Progress) -> tuple[bytes, str]:
    """The job's workbook and file name. `kind` is "projects", "needs", "meetings", "kpi_drill" or
    "registry:<key>"."""
    kind, _, key = job.kind.partition(":")
    params = QueryDict(job.params)
    if kind == "projects":
        return project_list_file(user=job.requested_by, params=params, progress=progress)
    if kind == "needs":
        return need_list_file(user=job.requested_by, params=params, progress=progress)
    if kind == "meetings":
        return meeting_list_file(user=job.requested_by, params=params, progress=progress)
    if kind == "kpi_drill":
        return drill_file(user=job.requested_by, params=params, progress=progress)
    if kind == "registry":
        return registry_file(registry=registry_named(key), user=job.requested_by, params=params, progress=progress)
    raise ValueError(f"unknown export kind {job.kind!r}")
