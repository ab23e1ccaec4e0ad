"""The review inbox's batch actions: accept or return many waiting reports at once, each through the one
review service (`report_accept` / `report_return`), so each is checked, audited and told as if done alone."""

from dataclasses import dataclass, field

from zhaoshang.core.services import require
from zhaoshang.supervision.errors import SupervisionError
from zhaoshang.supervision.models import ProgressReport
from zhaoshang.supervision.services.reports import report_accept, report_return

ACCEPT, RETURN = "accept", "return"


@dataclass
class BatchResult:
    """What a batch review did: the reports reviewed, and those skipped with the reason (e.g. reviewed meanwhile)."""

    done: list[ProgressReport] = field(default_factory=list)
    skipped: list[tuple[ProgressReport, str]] = field(default_factory=list)

    @property
    def summary(self) -> str:
        text = f"已处理{len(self.done)}份报告"
        if self.skipped:
            text += f"，{len(self.skipped)}份未处理（" + "；".join(f"{r.period_label}：{why}" for r, why in self.skipped[:3]) + "）"
        return text + "。"


def _check(decision: str, reason: str) -> None:
    if decision not in (ACCEPT, RETURN):
        raise SupervisionError("审核结论应为“通过”或“退回”。")
    if decision == RETURN and not reason.strip():
        raise SupervisionError("退回时请填写理由。")


def report_review(*, actor, report: ProgressReport, decision: str, reason: str = "") -> ProgressReport:
    """Accept or return one report; one no longer waiting (reviewed meanwhile, or never submitted) is a
    conflict (`ReportConflict`, raised by the review service under the row lock)."""
    require(actor, "supervise")
    _check(decision, reason)
    if decision == ACCEPT:
        return report_accept(actor=actor, report=report)
    return report_return(actor=actor, report=report, reason=reason)


def reports_review(*, actor, reports: list[ProgressReport], decision: str, reason: str = "") -> BatchResult:
    """Accept or return each report in its own transaction; one no longer waiting is skipped, not fatal.

    Returning needs a reason for the whole batch (checked before anything is written)."""
    require(actor, "supervise")
    _check(decision, reason)
    if not reports:
        raise SupervisionError("请先勾选要审核的报告。")
    result = BatchResult()
    for report in reports:
        try:
            result.done.append(report_review(actor=actor, report=report, decision=decision, reason=reason))
        except SupervisionError as error:
            result.skipped.append((report, str(error)))
    return result
