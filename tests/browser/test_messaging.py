"""Message channels in a browser: the office adds a 政务微信 group robot, sends a test message, sees it 已发送 in the
delivery log; the robot's key never shows on the page."""

from pathlib import Path

import pytest

from tests.browser.conftest import login
from tests.conftest import DEMO_PASSWORD
from tests.messaging.loopback import Loopback

pytestmark = [pytest.mark.browser, pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")]
SHOTS = Path("/tmp/shots/G")
KEY = "5cb94c2b-1238-4414-b830-a52152TAIL"


def test_office_adds_a_robot_and_sends_a_test_message(page):
    SHOTS.mkdir(parents=True, exist_ok=True)
    with Loopback() as robot:
        login(page, "office", DEMO_PASSWORD)
        page.goto(f"{page.base_url}/messaging/channels/")
        page.click("text=新增渠道")
        page.fill("#id_name", "督办办政务微信群")
        page.select_option("#id_kind", "wecom")
        page.fill("#id_url", f"{robot.url}/cgi-bin/webhook/send?key={KEY}")
        page.screenshot(path=str(SHOTS / "messaging-1-form.png"), full_page=True)
        page.click("#channel-form button:has-text('保存')")
        page.wait_for_selector("#channel-table >> text=督办办政务微信群")
        assert KEY not in page.content() and "****TAIL" in page.content()
        page.screenshot(path=str(SHOTS / "messaging-2-channels.png"), full_page=True)

        page.click("#channel-table button:has-text('发送测试消息')")
        page.wait_for_selector("#delivery-table")
        page.wait_for_selector("#delivery-table >> text=已发送")
        page.screenshot(path=str(SHOTS / "messaging-3-log.png"), full_page=True)
        assert "测试消息" in robot.received[0].json()["markdown"]["content"]

        page.select_option("#f-status", "failed")
        page.click("#delivery-filter button:has-text('筛选')")
        page.wait_for_selector("#delivery-table >> text=暂无发送记录")
