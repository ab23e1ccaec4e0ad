"""The needs list as an Excel sheet, exactly as filtered on the page (same selector, same filter)."""

from django.utils import timezone

from zhaoshang.core.xlsx import EXPORT_LIMIT, Progress, list_workbook
from zhaoshang.needs.selectors import NeedRow, need_listing, need_rows
from zhaoshang.search.notes import export_title

COLUMNS = (("编号", 14), ("诉求事项", 30), ("类型", 10), ("项目", 26), ("企业", 24), ("承办单位", 16), ("状态", 8),
           ("提出时间", 17), ("受理时限", 17), ("受理时间", 17), ("办结时限", 11), ("办结时间", 17), ("灯色", 8),
           ("灯色说明", 12), ("办理答复", 40), ("满意度", 10), ("催办次数", 8))


def _when(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


def need_values(row: NeedRow) -> list:
    need = row.need
    return [need.number, need.title, need.get_need_type_display(), need.project.name if need.project else "",
            need.enterprise.name if need.enterprise else "", need.unit.display_name, need.get_status_display(),
            _when(need.raised_at), _when(need.accept_due), _when(need.accepted_at), need.settle_due.isoformat(),
            _when(need.settled_at), row.light.label, row.light.reason, need.reply, need.get_satisfaction_display(),
            need.urge_count]


def needs_workbook(rows: list[NeedRow], title: str, progress: Progress | None = None) -> bytes:
    """Title in row 1, headers in row 2, one row per need from row 3."""
    return list_workbook(sheet_title="企业诉求", title=title, columns=COLUMNS, rows=(need_values(r) for r in rows), freeze="C3",
                         progress=progress, total=len(rows))


def need_list_file(*, user, params, progress: Progress | None = None) -> tuple[bytes, str]:
    """The needs list as filtered by `params` (the page's query string) as a workbook, and its file name: what the
    list's export link downloads, or an export job writes (exports.jobs)."""
    listing = need_listing(user=user, params=params)
    today = timezone.localdate()
    title = export_title(f"企业诉求办理情况（截至{today.year}年{today.month}月{today.day}日）", truncated=listing.truncated,
                         query=params.get("q", ""), noun="诉求", counter="件")
    return needs_workbook(need_rows(listing.rows[:EXPORT_LIMIT + 1]), title, progress), f"企业诉求-{today.isoformat()}.xlsx"
