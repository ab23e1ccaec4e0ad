"""A unit clerk reports the current month with a file: an error keeps the text and the file, the fix submits both,
and the report shows on 我的工作."""

from pathlib import Path

import pytest

from tests.browser.conftest import login
from tests.conftest import DEMO_PASSWORD
from zhaoshang.accounts.models import User
from zhaoshang.plans.models import Assignment, Plan
from zhaoshang.plans.selectors import ALIVE_ASSIGNMENT, default_as_of
from zhaoshang.supervision.choices import ReportStatus
from zhaoshang.supervision.models import ProgressReport
from zhaoshang.supervision.selectors.status import statuses_as_of

pytestmark = [pytest.mark.browser, pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")]
SHOTS = Path("/tmp/shots/engineer-c")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"
TEXT = "本月走访对接企业5家，签约项目1个"


def _open_assignment(user):
    """One of the unit's assignments whose current period it may still report (a finished plan's last period)."""
    today = default_as_of(Plan.objects.get())
    assignments = Assignment.objects.filter(ALIVE_ASSIGNMENT, unit=user.unit).select_related("measure__task__plan")
    for status in statuses_as_of(assignments, today).values():
        current = status.current(today)
        report = current and ProgressReport.objects.filter(assignment=status.assignment, period_key=current.key).first()
        if current and (report is None or report.status in (ReportStatus.DRAFT, ReportStatus.RETURNED)):
            return status.assignment, current
    pytest.skip("本单位没有可报送本期的举措")


def test_unit_reports_the_current_month_with_a_file(page):
    SHOTS.mkdir(parents=True, exist_ok=True)
    user = User.objects.get(username="fgw")
    assignment, current = _open_assignment(user)
    login(page, "fgw", DEMO_PASSWORD)
    page.goto(f"{page.base_url}/supervision/assignments/{assignment.pk}/report/")
    assert page.locator("#period-label").inner_text() == current.label  # the current period, not the oldest gap
    assert page.locator("#period-select").input_value() == current.key

    page.fill("#id_done_text", TEXT)
    page.fill("#id_percent", "150")
    page.set_input_files("#id_evidence", files=[{"name": "签约协议.pdf", "mimeType": "application/pdf", "buffer": PDF}])
    page.click("#report-form button[name=submit]")
    page.wait_for_selector("#error-percent")
    page.screenshot(path=str(SHOTS / "report-error.png"), full_page=True)
    assert page.locator("#id_done_text").input_value() == TEXT  # the text is kept
    assert page.locator("#id_percent").input_value() == "150"
    assert "签约协议.pdf" in page.locator("#draft-attachments").inner_text()  # and so is the file
    assert page.locator("#period-label").inner_text() == current.label

    page.fill("#id_percent", "60")
    page.click("#report-form button[name=submit]")
    page.wait_for_selector("text=已报送。")
    page.screenshot(path=str(SHOTS / "report-submitted.png"), full_page=True)
    report = ProgressReport.objects.get(assignment=assignment, period_key=current.key)
    assert report.status == ReportStatus.SUBMITTED and report.percent == 60 and report.done_text == TEXT
    assert [a.filename for a in report.attachments.all()] == ["签约协议.pdf"]

    page.goto(f"{page.base_url}/supervision/my/")
    submitted = page.locator("#submitted")
    assert current.label in submitted.inner_text() and "附件1个" in submitted.inner_text()
    page.screenshot(path=str(SHOTS / "my-work.png"), full_page=True)
