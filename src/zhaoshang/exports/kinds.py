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


WRITERS = {"projects": project_list_file, "needs": need_list_file, "meetings": meeting_list_file, "kpi_drill": drill_file}


def export_file(job: ExportJob, progress: Progress) -> tuple[bytes, str]:
    """The job's workbook and file name. `kind` is one of WRITERS, or "registry:<key>"."""
    kind, _, key = job.kind.partition(":")
    params = QueryDict(job.params)
    if kind == "registry":
        return registry_file(registry=registry_named(key), user=job.requested_by, params=params, progress=progress)
    if kind not in WRITERS:
        raise ValueError(f"unknown export kind {job.kind!r}")
    return WRITERS[kind](user=job.requested_by, params=params, progress=progress)
