"""The meeting list and the action-item list as Excel sheets, exactly as filtered on their pages."""

from django.utils import timezone

from zhaoshang.core.xlsx import EXPORT_LIMIT, Progress, list_workbook
from zhaoshang.meetings.selectors.meetings import ActionRow, meeting_listing
from zhaoshang.search.notes import export_title

MEETING_COLUMNS = (("期数", 6), ("会议名称", 34), ("类型", 14), ("日期", 12), ("地点", 20), ("主持人", 12), ("状态", 8),
                   ("议定事项", 10), ("交办事项", 10))
ACTION_COLUMNS = (("会议", 30), ("会议日期", 12), ("工作事项", 48), ("责任单位", 16), ("完成时限", 12), ("状态", 8),
                  ("完成日期", 12), ("灯色", 8), ("灯色说明", 16), ("落实情况", 40), ("催办次数", 8))


def meetings_workbook(meetings, title: str, progress: Progress | None = None) -> bytes:
    rows = ([m.number, m.title, m.get_kind_display(), m.date.isoformat(), m.place, m.chair, m.get_status_display(),
             m.decision_count, m.action_count] for m in meetings)
    return list_workbook(sheet_title="会议", title=title, columns=MEETING_COLUMNS, rows=rows, freeze="B3",
                         progress=progress, total=meetings.count() if progress else 0)


def meeting_list_file(*, user, params, progress: Progress | None = None) -> tuple[bytes, str]:
    """The meeting list as filtered by `params` (the page's query string) as a workbook, and its file name: what the
    list's export link downloads, or an export job writes (exports.jobs)."""
    today = timezone.localdate()
    listing = meeting_listing(user=user, params=params)
    title = export_title(f"会商调度会议（截至{today:%Y-%m-%d}）", truncated=listing.truncated, query=params.get("q", ""),
                         noun="会议", counter="次")
    return meetings_workbook(listing.rows[:EXPORT_LIMIT + 1], title, progress), f"会商调度会议-{today.isoformat()}.xlsx"


def actions_workbook(rows: list[ActionRow], title: str) -> bytes:
    values = [[r.item.meeting.title, r.item.meeting.date.isoformat(), r.item.text, r.item.owner_unit.display_name,
               r.item.due_date.isoformat(), r.item.get_status_display(), r.item.done_on.isoformat() if r.item.done_on else "",
               r.light.label, r.light.reason, r.item.progress, r.item.urge_count] for r in rows]
    return list_workbook(sheet_title="交办事项", title=title, columns=ACTION_COLUMNS, rows=values, freeze="B3")
