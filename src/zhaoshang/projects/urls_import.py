"""The project ledger import pages (core.excel_import.views), mounted at /projects/import/ (before the projects
app's own URLs). The office imports any unit's projects; a unit user imports its own unit's."""

from zhaoshang.core.excel_import.views import ImportPages
from zhaoshang.core.permissions import UNIT, role_of
from zhaoshang.projects.ledger import KIND


def _notes(user) -> list[str]:
    notes = ["同一企业的相似项目视为重复，不会重复录入。"]
    if role_of(user) == UNIT:
        notes.append("责任单位只能导入本单位牵头的项目。")
    return notes


pages = ImportPages(
    kind=KIND, namespace="project_import", title="导入项目台账", template_filename="项目台账导入模板.xlsx",
    back_url="projects:list", back_label="项目库", done_label="查看项目库", permission="work", notes=_notes,
)
app_name = pages.namespace
urlpatterns = pages.urlpatterns()
