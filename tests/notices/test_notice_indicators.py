"""Indicators read from a target: value, unit, comparator, year, per, items, min_amount."""

import pytest

from zhaoshang.notices.indicators import extract_indicators


def _one(target):
    found = extract_indicators(target)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("target, value, unit, comparator", [
    ("引进项目10个以上", 10, "个", ">="),
    ("新增市场主体不少于500家", 500, "家", ">="),
    ("规上工业总产值达到400亿元", 400, "亿元", ">="),
    ("确保新增就业3000人", 3000, "人", ">="),
    ("至少举办招商活动4场", 4, "场", ">="),
    ("外资企业超过20家", 20, "家", ">="),
    ("新签约项目15个", 15, "个", ">="),  # a bare target number
    ("审批时间控制在5个工作日以内", 5, "个工作日", "<="),
    ("负债率不超过60%", 60, "%", "<="),
    ("签约数每年增长10%以上", 10, "%", "growth"),
    ("实际使用外资同比增长12.5%", 12.5, "%", "growth"),
    ("单位能耗下降3%", 3, "%", "decline"),
    ("成立基金3只以上", 3, "只", ">="),
    ("培育技能人才20名以上", 20, "名", ">="),
    ("建成两个产业园", 2, "个", ">="),
])
def test_comparators_and_units(target, value, unit, comparator):
    found = _one(target)
    assert (found.value, found.unit, found.comparator) == (value, unit, comparator)
    assert isinstance(found.value, type(value))  # whole numbers stay int


def test_explicit_year_in_the_clause():
    assert _one("2025年招引产业项目10个以上").year == 2025


def test_year_inherited_from_an_earlier_clause():
    found = extract_indicators("2025年招引产业项目10个以上,确保潜江高新区规上工业总产值达到400亿元")
    assert [(i.value, i.unit, i.year) for i in found] == [(10, "个", 2025), (400, "亿元", 2025)]
    assert found[1].text == "确保潜江高新区规上工业总产值达到400亿元"


def test_no_year_when_none_comes_before():
    assert _one("引进项目10个，2026年底前完成").year is None


def test_per_chain():
    found = _one("传统产业延链升级,各产业链2025年招引亿元以上项目1")
    assert (found.value, found.unit, found.per, found.year) == (1, "个", "chain", 2025)
    assert found.text == "各产业链2025年招引亿元以上项目1"


def test_lost_measure_word_reads_as_ge():
    found = _one("各产业链2025年招引亿元以上项目1")
    assert (found.value, found.unit) == (1, "个")


def test_each_with_items():
    found = _one("现代服务业提档升级,确保2025年招引生产性服务业、生活性服务业项目各1")
    assert (found.value, found.unit, found.per, found.items) == (1, "个", "each", ["生产性服务业", "生活性服务业"])
    assert _one("拓展多应用场景,确保2025年招引数字经济、能源项目各1").items == ["数字经济", "能源"]


def test_money_threshold_is_min_amount_of_the_count():
    found = _one("2025年招引亿元以上项目1个")
    assert found.min_amount == {"value": 1, "unit": "亿元"} and (found.value, found.unit) == (1, "个")
    found = _one("新增楚商回乡投资额亿元以上的注册企业18家以上")
    assert found.min_amount == {"value": 1, "unit": "亿元"} and (found.value, found.unit) == (18, "家")
    found = _one("引进5000万元以上项目3个")
    assert found.min_amount == {"value": 5000, "unit": "万元"} and found.value == 3


def test_money_alone_is_its_own_indicator():
    found = _one("固定资产投资完成50亿元")
    assert (found.value, found.unit, found.min_amount) == (50, "亿元", None)


def test_quoted_numbers_are_names():
    assert extract_indicators("持续推进“6411”全生命周期高效服务") == []
    assert extract_indicators("推进\"1+N+M+L\"平台建设") == []
    assert extract_indicators("编制《50万吨铝产业基地发展规划》") == []


def test_years_months_and_ranks_are_not_counts():
    assert extract_indicators("2025年6月底前建成资源要素数据库") == []
    assert extract_indicators("综合排名保持全省第1") == []


def test_two_indicators_in_one_clause_split_at_the_enumeration_comma():
    found = extract_indicators("楚商回乡项目签约数每年增长10%以上、开工项目投资额每年增长8%以上")
    assert [(i.text, i.value, i.comparator) for i in found] == [
        ("楚商回乡项目签约数每年增长10%以上", 10, "growth"),
        ("开工项目投资额每年增长8%以上", 8, "growth"),
    ]


def test_enumerated_things_counted_together_stay_one_indicator():
    found = _one("成立产业基金、并购基金、科创基金3只以上")
    assert found.text == "成立产业基金、并购基金、科创基金3只以上" and found.per is None


def test_no_numbers_no_indicators():
    assert extract_indicators("形成资源要素库,汇编全市产业高质量发展扶持相关政策") == []
    assert extract_indicators("") == []


# -- plan goals (工作目标) ----------------------------------------------------------------------------
def test_goal_section_runs_to_the_next_heading():
    from zhaoshang.notices.goals import extract_goals, goal_text

    lines = ["一、工作目标", "全年新签约亿元以上项目200个，到位资金增长15%。", "二、重点任务", "（一）引进项目3个。（市商务局）"]
    assert goal_text(lines) == "全年新签约亿元以上项目200个，到位资金增长15%。"
    assert [(g.value, g.unit, g.comparator, g.year) for g in extract_goals(lines, 2025)] == [
        (200, "个", ">=", 2025), (15, "%", "growth", 2025)]


def test_goal_forms():
    from zhaoshang.notices.goals import goal_text

    assert goal_text(["（一）主要目标。全年引进项目20个。", "1.工业项目10个", "（二）基本原则", "坚持项目为王。"]) == (
        "全年引进项目20个。工业项目10个。")
    assert goal_text(["2025年全市招商引资目标：新签约项目100个。", "现通知如下。"]) == "新签约项目100个。"
    assert goal_text(["工作目标", "引进项目20个。", "重点任务", "1.引进项目。"]) == "引进项目20个。"
    assert goal_text(["目标：入库项目不少于100个。"]) == ""  # a task's field label, not a plan goal
