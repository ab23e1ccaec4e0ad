"""以商引商成效 as an Excel workbook: one line per referring row, then the totals (each project counted once)."""

from django.utils import timezone

from zhaoshang.core.xlsx import list_workbook
from zhaoshang.network.selectors import ReferralSummary

COLUMNS = [("引荐来源类型", 12), ("引荐来源", 30), ("编号", 8), ("引荐项目数", 12), ("签约及以后", 12),
           ("计划总投资(万元)", 16), ("引荐项目", 60)]


def referrals_workbook(summary: ReferralSummary) -> bytes:
    def lines():
        for row in summary.rows:
            yield [row.kind_label, row.name, row.entry_id, row.count, row.signed, row.amount_wan,
                   "、".join(p.name for p in row.projects)]
        yield ["合计（项目去重）", "", "", summary.projects, summary.signed, summary.amount_wan, ""]

    title = f"以商引商成效（导出时间：{timezone.localtime():%Y-%m-%d %H:%M}；统计范围为本账号可见的项目）"
    return list_workbook(sheet_title="以商引商成效", title=title, columns=COLUMNS, rows=lines(), wrap=True)
