"""The first guess of an indicator's kind and filter from the notice's words (any city's notice)."""

from decimal import Decimal

import pytest

from zhaoshang.kpis.derive import derive, milestone

TAGS = {"农业场景": 1, "新型工业化": 2, "生产性服务业": 3, "生活性服务业": 4, "数字经济": 5, "能源": 6}
CHAINS = [(11, "汽车零部件"), (12, "新能源电池")]


def ind(text, value=1, unit="个", comparator=">=", per="", items=(), min_amount_wan=None):
    return {"text": text, "value": value, "unit": unit, "comparator": comparator, "per": per, "items": list(items),
            "min_amount_wan": min_amount_wan, "year": 2026}


@pytest.mark.parametrize("text, unit, comparator, kind, stage", [
    ("2026年招引亿元以上项目5个", "个", ">=", "project_count", "signed"),
    ("新增注册企业20家以上", "家", ">=", "project_count", "registered"),
    ("新开工项目8个", "个", ">=", "project_count", "started"),
    ("签约项目投资总额达到50亿元", "亿元", ">=", "amount_sum", "signed"),
    ("外资项目签约数每年增长10%以上", "%", "growth", "growth_count", "signed"),
    ("开工项目投资额每年增长8%以上", "%", "growth", "growth_amount", "started"),
    ("规上工业总产值达到400亿元", "亿元", ">=", "reported", "signed"),
    ("建成孵化器2个", "个", ">=", "reported", "signed"),
    ("成立产业基金3只以上", "只", ">=", "reported", "signed"),
])
def test_kind_and_stage_from_the_words(text, unit, comparator, kind, stage):
    spec = derive(ind(text, unit=unit, comparator=comparator), "", TAGS, [])
    assert (spec.kind, spec.stage) == (kind, stage)
    if kind.startswith("growth"):
        assert spec.unit == "%" and spec.comparator == ">="


def test_per_chain_makes_one_part_per_chain_of_the_target():
    spec = derive(ind("各产业链招引亿元以上项目1个", per="chain", min_amount_wan=Decimal(10000)), "", TAGS, CHAINS)
    assert [(p.label, p.chain_id) for p in spec.parts] == [("汽车零部件", 11), ("新能源电池", 12)]
    assert spec.min_amount_wan == Decimal(10000) and spec.chain_ids == [11, 12]


def test_per_item_matches_tags_by_name():
    spec = derive(ind("招引数字经济、能源项目各1个", per="each", items=["数字经济", "能源"]), "", TAGS, [])
    assert [(p.label, p.tag_ids) for p in spec.parts] == [("数字经济", [5]), ("能源", [6])]


def test_channel_and_scenario_tags_from_the_indicator_or_its_target():
    platform = derive(ind("通过平台招引3个以上产业项目"), "创新平台招商", TAGS, [])
    assert platform.channel == "platform"
    farm = derive(ind("招引产业项目2个以上"), "农业现代化应用场景招商", TAGS, [])
    assert farm.tag_ids == [1] and farm.channel == ""
    returnees = derive(ind("开工项目投资额每年增长8%以上", unit="%", comparator="growth"), "楚商回乡项目签约数每年增长", TAGS, [])
    assert returnees.channel == "chushang"


def test_a_target_without_numbers_is_a_milestone():
    spec = milestone("建立企业需求服务响应机制")
    assert (spec.kind, spec.goal, spec.unit) == ("milestone", 1, "项")
