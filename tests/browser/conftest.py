"""Playwright driving Debian's chromium (never a downloaded browser) against the live test server.
ZHAOSHANG_CHROMIUM names another chromium; without one the browser tests are skipped, and the summary says so."""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("ZHAOSHANG_CHROMIUM", "/usr/bin/chromium")
SKIP_REASON = f"浏览器测试已跳过：未找到 chromium (ZHAOSHANG_CHROMIUM={CHROMIUM}; apt-get install chromium fonts-noto-cjk)"
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        pytest.skip(SKIP_REASON)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"],
        )
        yield browser
        browser.close()


def pytest_terminal_summary(terminalreporter):
    skipped = [r for r in terminalreporter.stats.get("skipped", []) if SKIP_REASON in str(r.longrepr)]
    if skipped:
        terminalreporter.write_line(f"{SKIP_REASON}：{len(skipped)} 项", yellow=True)


@pytest.fixture
def page(browser, live_server, transactional_db, demo):
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="zh-CN")
    page = context.new_page()
    page.base_url = live_server.url
    yield page
    context.close()


def login(page, username, password):
    page.goto(f"{page.base_url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_load_state()
