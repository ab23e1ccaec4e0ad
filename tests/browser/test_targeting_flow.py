"""招商靶向 in a browser: the office imports a 企查查 export into the enterprise directory, finds a firm by two
characters, opens the chain's candidates, marks the firm a target and turns it into a project lead."""

from pathlib import Path

import pytest

from tests.browser.conftest import login
from tests.conftest import DEMO_PASSWORD
from tests.excel_files import xlsx
from zhaoshang.plans.models import ChainLink
from zhaoshang.projects.models import Project

pytestmark = [pytest.mark.browser, pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")]
SHOTS = Path("/tmp/shots")
HEADERS = ("企业名称", "统一社会信用代码", "登记状态", "法定代表人", "注册资本", "成立日期", "所属行业", "经营范围", "所属省份", "所属城市")


def test_office_imports_finds_marks_and_makes_a_lead(page, demo):
    link = ChainLink.objects.filter(is_weak=True, chain__plan=demo).select_related("chain").first()
    workbook = xlsx([HEADERS,
                     ("澜汐新材料科技有限公司", "", "存续", "周某", "5000万人民币", "2015-03-02", "纺织业",
                      f"{link.name}的研发、生产与销售；货物进出口", "浙江省", "绍兴市"),
                     ("澜汐贸易有限公司", "", "注销", "吴某", "100万人民币", "2012-01-05", "批发业",
                      f"{link.name}销售", "浙江省", "杭州市")])
    SHOTS.mkdir(parents=True, exist_ok=True)
    login(page, "office", DEMO_PASSWORD)

    page.goto(f"{page.base_url}/registries/enterprise/import/")
    page.set_input_files("#import-upload input[type=file]", files=[{
        "name": "企查查导出.xlsx", "buffer": workbook,
        "mimeType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}])
    page.click("#import-upload button[type=submit]")
    page.wait_for_selector("text=确认导入全部2行")
    page.screenshot(path=str(SHOTS / "targeting-1-import-checked.png"), full_page=True)
    page.click("text=确认导入全部2行")
    page.wait_for_load_state()

    page.goto(f"{page.base_url}/registries/enterprise/?q=澜汐")
    page.wait_for_selector("#registry-table >> text=澜汐新材料科技有限公司")
    page.screenshot(path=str(SHOTS / "targeting-2-directory-search.png"), full_page=True)

    page.goto(f"{page.base_url}/targeting/candidates/?chain={link.chain_id}")
    page.wait_for_selector(f"#link-{link.pk} >> text=澜汐新材料科技有限公司")
    assert page.locator("text=澜汐贸易有限公司").count() == 0  # 注销: not a candidate
    page.screenshot(path=str(SHOTS / "targeting-3-chain-links.png"), full_page=True)
    page.click(f"#link-{link.pk} >> text=查看排名")
    row = page.locator("#candidate-table tr", has_text="澜汐新材料科技有限公司")
    assert f"经营范围含“{link.name}”" in row.inner_text()
    page.screenshot(path=str(SHOTS / "targeting-4-ranked.png"), full_page=True)
    row.locator("text=标记为目标企业").click()
    page.wait_for_selector("text=已将“澜汐新材料科技有限公司”标记为目标企业")
    page.screenshot(path=str(SHOTS / "targeting-5-marked.png"), full_page=True)

    page.locator("#target-table tr", has_text="澜汐新材料科技有限公司").locator("text=转为线索").click()
    page.fill("#amount_wan", "20000")
    page.screenshot(path=str(SHOTS / "targeting-6-lead-form.png"), full_page=True)
    page.click("text=生成线索项目")
    page.wait_for_selector("text=已转为线索项目")
    page.screenshot(path=str(SHOTS / "targeting-7-project.png"), full_page=True)
    project = Project.objects.get(chain_link=link, enterprises__name="澜汐新材料科技有限公司")
    assert project.stage == "lead" and page.url.endswith(f"/projects/{project.pk}/")
