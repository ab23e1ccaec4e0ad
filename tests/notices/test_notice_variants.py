"""Notices as other cities write them: a 工作目标 section before the tasks, unit groups holding their own
deadline, "第一，"/"1." measures with "（1）" details, deadlines without a year, two trailing groups."""

import datetime
import pathlib

import pytest

from zhaoshang.notices import parse_file, parse_text

FIXTURES = pathlib.Path(__file__).parent / "fixtures"


def _units(task):
    return [m.units for m in task.measures]


def _indicators(items):
    return [(i.value, i.unit, i.comparator, i.year, i.per, i.min_amount) for i in items]


# (h) 荆门: "一、工作目标" (plan goals, not a task) then "二、重点任务" with "（一）" items whose group reads
# "（X牵头，A、B配合；2025年6月底前完成）" or "（A、B按职责分工负责；2025年第三季度）".
@pytest.fixture(scope="module")
def jingmen():
    return parse_file(FIXTURES / "jingmen_prose_goals.txt")


def test_jingmen_header(jingmen):
    assert jingmen.layout == "prose"
    assert jingmen.title == "荆门市2025年招商引资攻坚行动方案"
    assert jingmen.issuer == "荆门市人民政府办公室"  # the title has no issuer: the signature
    assert jingmen.doc_number == "荆政办函〔2025〕21号"
    assert jingmen.date == datetime.date(2025, 2, 20)
    assert jingmen.warnings == []


def test_jingmen_goal_section_is_not_a_task(jingmen):
    assert [t.number for t in jingmen.tasks] == ["1", "2", "3"]
    assert [t.focus for t in jingmen.tasks] == ["重点任务"] * 3
    assert not any("工作目标" in t.target or "200个" in t.target for t in jingmen.tasks)
    assert _indicators(jingmen.goals) == [
        (200, "个", ">=", 2025, None, {"value": 1, "unit": "亿元"}),
        (15, "%", "growth", 2025, None, None),
    ]
    assert jingmen.to_dict()["goals"][0]["text"] == "全年新签约亿元以上项目200个"


def test_jingmen_units_lead_first(jingmen):
    assert [_units(t) for t in jingmen.tasks] == [
        [["市招商局", "市经信局", "市发改委"]],
        [["市工商联", "市招商局"]],
        [["市自然资源和规划局", "市财政局"]],
    ]
    assert [t.measures[0].lead_labelled for t in jingmen.tasks] == [True, True, False]
    assert jingmen.tasks[0].measures[0].text == (
        "精准开展产业链招商。聚焦化工新材料、新能源新材料两大主导产业，绘制产业链图谱，建立目标企业库。")


def test_jingmen_deadlines_inside_the_unit_group(jingmen):
    assert [t.deadline for t in jingmen.tasks] == ["2025-06", "long-term", "2025年第三季度"]
    assert [t.deadline_raw for t in jingmen.tasks] == ["2025年6月底前完成", "长期", "2025年第三季度"]
    assert jingmen.tasks[2].due_date == datetime.date(2025, 9, 30)
    assert all(t.warnings == [] for t in jingmen.tasks)


def test_jingmen_indicators(jingmen):
    first, second, third = jingmen.tasks
    assert first.indicators == []  # "两大主导产业" names scope
    assert _indicators(second.indicators) == [(6, "场", ">=", None, None, None)]  # 全年, but due 长期
    assert _indicators(third.indicators) == [(3000, "亩", ">=", None, None, None)]
    assert jingmen.chains == []  # "精准开展产业链招商" is a headline, not a chain


def test_jingmen_from_text_has_the_same_tasks():
    text = (FIXTURES / "jingmen_prose_goals.txt").read_text("utf-8")
    assert parse_text(text).to_dict() == parse_file(FIXTURES / "jingmen_prose_goals.txt").to_dict()


# (i) 西陵: "（一）" tasks, "1."/"第一，" measures, "（1）" details with the label lines after them,
# "X、Y（牵头）", deadlines "2025年9月30日前", "9月底前" (year from the title), "2025年内", "每月", full width.
@pytest.fixture(scope="module")
def xiling():
    return parse_file(FIXTURES / "xiling_prose_mixed_numbering.txt")


def test_xiling_header_and_goals(xiling):
    assert xiling.title == "西陵区2025年招商引资重点工作安排"
    assert xiling.issuer == "西陵区人民政府"
    assert xiling.date == datetime.date(2025, 1, 15)
    assert _indicators(xiling.goals) == [
        (40, "个", ">=", 2025, None, {"value": 1, "unit": "亿元"}),
        (5, "个", ">=", 2025, None, {"value": 10, "unit": "亿元"}),
        (2, "亿美元", ">=", 2025, None, None),
    ]


def test_xiling_tasks_are_the_cn_paren_items(xiling):
    assert [t.number for t in xiling.tasks] == ["1", "2", "3"]  # 三、保障措施 carries no units
    assert [t.focus for t in xiling.tasks] == ["重点任务"] * 3
    assert [len(t.measures) for t in xiling.tasks] == [2, 2, 2]
    assert xiling.tasks[0].measures[0].text == (
        "绘制新材料产业链招商图谱，建立目标企业库。梳理上下游重点企业不少于100家；每季度更新一次目标企业名单。")
    assert xiling.tasks[1].measures[0].text == "发挥异地商会作用，年内举办恳谈会2场。"  # "第一，" is gone


def test_xiling_units(xiling):
    assert [_units(t) for t in xiling.tasks] == [
        [["区商务局", "区发改局"], ["区投资促进中心"]],  # 区商务局（牵头） comes first
        [["区工商联", "区商务局"], ["区委统战部", "区工商联"]],
        [["区政务服务局"], ["区自然资源分局", "区财政局"]],
    ]
    assert [[m.lead_labelled for m in t.measures] for t in xiling.tasks] == [
        [True, False], [True, False], [False, True]]


def test_xiling_deadlines(xiling):
    assert [[m.deadline for m in t.measures] for t in xiling.tasks] == [
        ["2025-09", "2025-09"],  # "9月底前": the year is the notice's
        ["2025-12", "每月"],
        ["long-term", "2025-12"],  # "２０２５年１２月底前"
    ]
    assert [t.deadline for t in xiling.tasks] == ["2025-09", "2025-12", "2025-12"]
    assert [t.deadline_raw for t in xiling.tasks] == ["2025年9月30日前", "2025年内", "2025年12月底前"]


def test_xiling_indicators_come_from_the_measures_when_the_heading_has_none(xiling):
    first, second, third = xiling.tasks
    assert first.target.startswith("实施产业链招商行动。")
    assert [(i.text, i.value, i.unit, i.year) for i in first.indicators] == [
        ("梳理上下游重点企业不少于100家", 100, "家", 2025),
        ("每季度更新一次目标企业名单", 1, "次", 2025),
        ("全年赴长三角开展招商不少于10次", 10, "次", 2025),
    ]
    assert _indicators(second.indicators) == [(2, "场", ">=", 2025, None, None)]  # 年内, due 2025年内
    assert _indicators(third.indicators) == [(15, "个工作日", "<=", None, None, None)]


# (j) 东湖: units and deadline in two trailing groups; a year-less deadline; labels in one group.
DONGHU = """东湖市2025年招商引资工作要点
一、重点工作
（一）开展精准招商。全年引进10亿元以上项目5个。（责任单位：市商务局、市发改委）（完成时限：2025年12月底）
（二）强化平台招商。推动开发区新增入园企业20家。（责任单位：市开发区管委会）（完成时限：11月底前）
（三）做好要素保障。（牵头单位：市自然资源局；配合单位：市财政局；完成时限：2025年10月）
二、工作要求
各单位要按月报送进展。
东湖市商务局
2025年3月2日
"""


def test_donghu_two_trailing_groups():
    parsed = parse_text(DONGHU)
    assert parsed.title == "东湖市2025年招商引资工作要点"
    assert [t.deadline for t in parsed.tasks] == ["2025-12", "2025-11", "2025-10"]
    assert [_units(t) for t in parsed.tasks] == [
        [["市商务局", "市发改委"]], [["市开发区管委会"]], [["市自然资源局", "市财政局"]]]
    assert [m.text for t in parsed.tasks for m in t.measures] == [
        "开展精准招商。全年引进10亿元以上项目5个。", "强化平台招商。推动开发区新增入园企业20家。", "做好要素保障。"]
    assert _indicators(parsed.tasks[0].indicators) == [(5, "个", ">=", 2025, None, {"value": 10, "unit": "亿元"})]
    assert _indicators(parsed.tasks[1].indicators) == [(20, "家", ">=", None, None, None)]
    assert all(t.warnings == [] for t in parsed.tasks)
    assert "goals" not in parsed.to_dict()  # no 工作目标 section


# (k) the flattened table of 凤台 with other deadline cells: year-less, recurring, full-width digits.
def test_flat_table_deadline_cells_without_a_year_or_in_full_width():
    text = (FIXTURES / "fengtai_flat_number_first.txt").read_text("utf-8")
    text = text.replace("2025年12月底前", "9月底前").replace("2025年第三季度", "每季度").replace("\n长期\n", "\n２０２５年１２月\n")
    parsed = parse_text(text)
    assert [(t.deadline, t.deadline_raw) for t in parsed.tasks] == [
        ("2025-09", "9月底前"), ("每季度", "每季度"), ("2025-12", "2025年12月")]
    assert all(t.warnings == [] for t in parsed.tasks)
    assert _indicators(parsed.tasks[0].indicators) == [(12, "个", ">=", 2025, None, {"value": 1, "unit": "亿元"})]


# -- the year of an indicator -----------------------------------------------------------------------
YEARS = """潮州市2025年招商引资任务清单
序号\t工作任务\t责任单位\t完成时限
1\t全年签约亿元以上项目30个。\t市商务局\t2025年12月
2\t年内新增外资企业8家。\t市商务局\t2026年6月底前
3\t新增规上企业10家。\t市工信局\t2025年12月
4\t全年举办推介活动5场。\t市投促局\t长期
"""


def test_year_from_the_deadline_only_when_the_target_says_this_year():
    tasks = parse_text(YEARS).tasks
    assert [(i.value, i.year) for t in tasks for i in t.indicators] == [(30, 2025), (8, 2026), (10, None), (5, None)]


# (o) a web table saved as text without a 目标 column: the target is what the task's measure commits to.
FLAT_NO_TARGET = """北川市2025年招商引资重点工作任务清单
序号
工作任务
责任单位
完成时限
1
开展产业链精准招商，全年引进亿元以上项目50个。
牵头：市发改委
配合：市商务局、市财政局
9月底前
2
举办专题招商推介会不少于4场。
市贸促会、市商务局（牵头）
２０２５年１２月
"""


def test_flat_table_without_a_target_column():
    parsed = parse_text(FLAT_NO_TARGET)
    assert parsed.layout == "table"
    assert [(t.target, t.deadline) for t in parsed.tasks] == [
        ("开展产业链精准招商，全年引进亿元以上项目50个", "2025-09"), ("举办专题招商推介会不少于4场", "2025-12")]
    assert [_units(t) for t in parsed.tasks] == [[["市发改委", "市商务局", "市财政局"]], [["市商务局", "市贸促会"]]]
    assert [(i.value, i.year) for t in parsed.tasks for i in t.indicators] == [(50, 2025), (4, None)]


# (p) 江口: "1." headings over "（1）" items whose numbering restarts under each heading: the heading is the
# task (its text the headline), the "（1）" items its measures. A title ending in 工作任务, no 文号.
JIANGKOU = """江口县2025年招商引资工作任务
为完成全年招商引资目标任务，现将工作任务分解如下：
1.开展产业链招商
（1）绘制产业链图谱，全年引进项目10个。（县发改局）
（2）组建招商专班。（县商务局牵头，县经信局配合）
2.强化平台招商
（1）办好招商推介会2场。（县商务局；2025年10月底前）
江口县人民政府办公室
2025年2月1日
"""


def test_numbered_headings_over_paren_items_are_the_tasks():
    parsed = parse_text(JIANGKOU)
    assert parsed.title == "江口县2025年招商引资工作任务"
    assert parsed.issuer == "江口县人民政府办公室"
    assert [(t.focus, t.target, t.deadline) for t in parsed.tasks] == [
        ("", "开展产业链招商。绘制产业链图谱，全年引进项目10个", None),
        ("", "强化平台招商。办好招商推介会2场", "2025-10"),
    ]
    assert [[m.text for m in t.measures] for t in parsed.tasks] == [
        ["绘制产业链图谱，全年引进项目10个。", "组建招商专班。"], ["办好招商推介会2场。"]]
    assert [_units(t) for t in parsed.tasks] == [[["县发改局"], ["县商务局", "县经信局"]], [["县商务局"]]]
    assert parsed.goals == []  # "全年招商引资目标任务" in a sentence is no goal section


def test_prose_notice_as_a_web_page_reads_like_the_text():
    from zhaoshang.notices import parse_bytes

    lines = (FIXTURES / "jingmen_prose_goals.txt").read_text("utf-8").splitlines()
    page = ("<html><head><meta charset='utf-8'><title>荆门市人民政府</title></head><body>"
            "<div class='nav'>首页 &gt; 政务公开</div><div class='article'>"
            + "".join(f"<p style='text-indent:2em'>{line}</p>" for line in lines)
            + "</div><div>扫一扫在手机打开当前页</div></body></html>")
    parsed = parse_bytes(page.encode("utf-8"))
    assert (parsed.source_format, parsed.layout) == ("html", "prose")
    expected = parse_file(FIXTURES / "jingmen_prose_goals.txt").to_dict()
    assert parsed.to_dict()["tasks"] == expected["tasks"]
    assert parsed.to_dict()["goals"] == expected["goals"]
