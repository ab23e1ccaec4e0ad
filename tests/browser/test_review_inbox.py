"""The office's review inbox in a browser: open it from the menu, accept one report, return one with a reason;
the unit finds the returned report, with the reason, on 我的工作."""

import datetime
from pathlib import Path

import pytest

from tests.browser.conftest import login
from tests.conftest import DEMO_PASSWORD, month
from zhaoshang.accounts.models import User
from zhaoshang.plans.models import Assignment
from zhaoshang.supervision.models import ProgressReport
from zhaoshang.supervision.services.reports import ReportInput, report_save

pytestmark = [pytest.mark.browser, pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")]
SHOTS = Path("/tmp/shots/A")


def _submit(username, task_number, text, percent):
    user = User.objects.get(username=username)
    assignment = Assignment.objects.filter(unit=user.unit, measure__task__number=task_number).first()
    return report_save(actor=user, assignment=assignment, submit=True, period=month(datetime.date(2025, 8, 10)),
                       data=ReportInput(done_text=text, percent=percent, problems="用地指标不足" if percent > 30 else ""))


def test_office_accepts_one_and_returns_one_from_the_inbox(page, browser):
    SHOTS.mkdir(parents=True, exist_ok=True)
    kept = _submit("fgw", "4", "完成石化产业链招商图谱，走访企业5家", 30)
    sent_back = _submit("nyncj", "5", "对接农业企业3家", 40)
    login(page, "office", DEMO_PASSWORD)
    assert page.locator("#nav-inbox .badge").inner_text() == "2"
    page.click("#nav-inbox")
    page.wait_for_selector("#inbox-rows")
    assert page.locator("#inbox-rows tbody tr").count() == 2
    assert "进度" in page.locator(f"#report-{sent_back.pk}").inner_text() or "首次报送" in page.locator(f"#report-{sent_back.pk}").inner_text()
    page.screenshot(path=str(SHOTS / "inbox.png"), full_page=True)

    page.locator(f"#report-{kept.pk} button[value=accept]").click()
    page.wait_for_selector("text=已处理1份报告")
    assert page.locator(f"#report-{kept.pk}").count() == 0

    row = page.locator(f"#report-{sent_back.pk}")
    row.locator("text=退回…").click()
    row.locator("textarea[name=reason]").fill("请补充对接企业名称和洽谈进度")
    page.wait_for_timeout(400)  # the collapse has opened
    page.screenshot(path=str(SHOTS / "inbox-return.png"), full_page=True)
    row.locator("button[value=return]").click()
    page.wait_for_selector("text=没有等待审核的报告")
    assert page.locator("#nav-inbox .badge").count() == 0
    page.screenshot(path=str(SHOTS / "inbox-empty.png"), full_page=True)
    assert ProgressReport.objects.get(pk=kept.pk).status == "accepted"
    assert ProgressReport.objects.get(pk=sent_back.pk).status == "returned"

    unit = browser.new_context(viewport={"width": 1366, "height": 768}, locale="zh-CN").new_page()
    unit.base_url = page.base_url
    login(unit, "nyncj", DEMO_PASSWORD)
    unit.goto(f"{unit.base_url}/supervision/my/")
    assert unit.locator("text=请补充对接企业名称和洽谈进度").count() >= 1
    unit.screenshot(path=str(SHOTS / "unit-my-work.png"), full_page=True)


def test_office_reviews_in_a_batch_and_reads_its_notifications(page):
    SHOTS.mkdir(parents=True, exist_ok=True)
    first = _submit("fgw", "4", "走访企业5家", 30)
    second = _submit("nyncj", "5", "对接农业企业3家", 40)
    login(page, "office", DEMO_PASSWORD)
    page.goto(f"{page.base_url}/supervision/notifications/")
    assert page.locator("#group-submitted").count() == 1 and page.locator("#group-problem").count() == 1
    page.screenshot(path=str(SHOTS / "notifications.png"), full_page=True)
    page.click("#read-all")
    page.wait_for_selector("text=标为已读")
    assert page.locator("#bell .badge").count() == 0

    page.goto(f"{page.base_url}/supervision/inbox/")
    page.check("input[data-check-all=report]")
    assert page.locator("input[name=report][form=batch]:checked").count() == 2
    page.click("#batch-accept")
    page.wait_for_selector("text=已处理2份报告")
    assert {r.status for r in ProgressReport.objects.filter(pk__in=[first.pk, second.pk])} == {"accepted"}


def test_office_urges_the_overdue_in_one_go_from_the_overview(page):
    from zhaoshang.supervision.models import Urge

    login(page, "office", DEMO_PASSWORD)
    page.goto(f"{page.base_url}/supervision/")
    page.click("#overview-urge")
    page.wait_for_selector("#urge-rows")
    boxes = page.locator("input[name=assignment]")
    total = boxes.count()
    assert total > 3 and page.locator("input[name=assignment]:checked").count() == total
    boxes.first.uncheck()
    page.fill("textarea[name=message]", "请于本周五前补报逾期进展")
    page.screenshot(path=str(SHOTS / "urge-batch.png"), full_page=False)
    page.click("#urge-submit")
    page.wait_for_selector(f"text=催办{total - 1}项工作")
    assert Urge.objects.filter(message="请于本周五前补报逾期进展").count() == total - 1
