"""The growth baselines import pages (core.excel_import.views), mounted at /kpis/baselines/import/ (before the
indicators' own URLs). Only those who may manage indicators (the office) import, as with the baseline form."""

from zhaoshang.core.excel_import.views import ImportPages
from zhaoshang.kpis.baseline_import import KIND
from zhaoshang.plans.selectors import current_plan_for


def _notes(user) -> list[str]:
    plan = current_plan_for(user=user)
    if plan is None:
        return ["尚未导入任务清单，没有需要填写上年基数的指标。"]
    return [f"导入的是指标总览当前显示的任务清单“{plan.title}”；模板已列出其中需要上年基数的同比增长类指标。",
            "已有的上年基数将被覆盖，每次修改都记入操作日志。"]


pages = ImportPages(
    kind=KIND, namespace="kpi_baseline_import", title="导入上年基数", template_filename="上年基数导入模板.xlsx",
    back_url="kpis:overview", back_label="指标总览", done_label="查看指标总览", permission="manage", notes=_notes,
)
app_name = pages.namespace
urlpatterns = pages.urlpatterns()
