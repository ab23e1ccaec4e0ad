"""Prose notices from three invented cities: （一）…（责任单位：…；完成时限：…）, label lines, and （X牵头，A、B配合）."""

import datetime
import pathlib

import pytest

from zhaoshang.notices import parse_file

FIXTURES = pathlib.Path(__file__).parent / "fixtures"


def _units(task):
    return [m.units for m in task.measures]


def _indicators(task):
    return [(i.value, i.unit, i.comparator, i.year, i.per, i.min_amount) for i in task.indicators]


# (a) 临江: "一、" focus headings, "（一）" items ending in （责任单位：…；完成时限：…）; 保障措施 is not a task.
@pytest.fixture(scope="module")
def linjiang():
    return parse_file(FIXTURES / "linjiang_prose_responsible.txt")


def test_linjiang_header(linjiang):
    assert linjiang.title == "临江市2025年招商引资重点任务清单"
    assert linjiang.notice_title == "临江市人民政府办公室关于印发《临江市2025年招商引资重点任务清单》的通知"
    assert linjiang.issuer == "临江市人民政府办公室"
    assert linjiang.doc_number == "临政办发〔2025〕8号"
    assert linjiang.date == datetime.date(2025, 3, 10)
    assert linjiang.layout == "prose"


def test_linjiang_tasks_focus_and_deadlines(linjiang):
    assert [t.number for t in linjiang.tasks] == ["1", "2", "3", "4"]  # 三、保障措施 items carry no units
    assert [t.focus for t in linjiang.tasks] == ["产业链精准招商", "产业链精准招商", "以商招商", "以商招商"]
    assert [t.deadline for t in linjiang.tasks] == ["2025-12", "2025-06", "2025年第三季度", "long-term"]
    assert linjiang.tasks[2].due_date == datetime.date(2025, 9, 30)
    assert [t.deadline_raw for t in linjiang.tasks] == ["2025年12月底", "2025年6月底前", "2025年第三季度", "长期坚持"]


def test_linjiang_units_lead_first(linjiang):
    assert [_units(t) for t in linjiang.tasks] == [
        [["市发改委", "市商务局"]],
        [["市商务局", "市统计局"]],
        [["市工商联", "市商务局", "各县（市、区）人民政府"]],
        [["市招商服务中心"]],
    ]
    assert all(not m.lead_labelled for t in linjiang.tasks for m in t.measures)


def test_linjiang_measure_text_loses_the_unit_group(linjiang):
    assert linjiang.tasks[1].measures[0].text == "建立重点招商项目库，全年新入库项目不少于50个。"
    assert linjiang.tasks[3].target == "持续开展驻点招商，常态化对接长三角、珠三角地区企业"


def test_linjiang_indicators(linjiang):
    first, second, third, fourth = linjiang.tasks
    assert _indicators(first) == [
        (8, "个", ">=", 2025, None, {"value": 1, "unit": "亿元"}),
        (2, "个", ">=", 2025, None, {"value": 10, "unit": "亿元"}),
    ]
    assert first.indicators[1].text == "其中10亿元以上项目2个"
    assert _indicators(second) == [(50, "个", ">=", 2025, None, None)]  # 全年, due 2025年6月底前
    assert _indicators(third) == [(15, "%", "growth", None, None, None)]
    assert fourth.indicators == []
    assert linjiang.chains == []  # "两条产业链" but no chain-named measures


# (b) 云溪: "1．"/"2、" items followed by 牵头单位：/配合单位：/完成时限： lines; 目标：/举措： fields.
@pytest.fixture(scope="module")
def yunxi():
    return parse_file(FIXTURES / "yunxi_prose_labels.txt")


def test_yunxi_header(yunxi):
    assert yunxi.title == "云溪市2025年招商引资工作任务分解表"
    assert yunxi.issuer == "云溪市招商引资工作领导小组办公室"
    assert yunxi.doc_number == "云招商办〔2025〕3号"  # written with [ ]
    assert yunxi.date == datetime.date(2025, 2, 18)  # the signature after the list


def test_yunxi_tasks(yunxi):
    assert [t.number for t in yunxi.tasks] == ["1", "2", "3", "4"]
    assert [t.focus for t in yunxi.tasks] == ["项目招引", "项目招引", "平台招商", "平台招商"]
    assert [t.deadline for t in yunxi.tasks] == ["2025-12", "2025-06", "2025年第四季度", "long-term"]
    assert yunxi.tasks[1].target == "建设招商项目库。入库项目不少于100个，2025年6月底前完成"
    assert yunxi.tasks[1].measures[0].text == "梳理全市闲置土地、标准厂房等可招商资源，建立项目库并每月更新。"
    assert yunxi.tasks[3].measures[0].text == "用好“云溪招商”网络平台，实现线上签约项目投资额占比不低于20%。"


def test_yunxi_labelled_units(yunxi):
    assert [_units(t) for t in yunxi.tasks] == [
        [["市经济和信息化局", "市发展和改革局", "云溪经开区管委会"]],
        [["市商务局", "市自然资源和规划局", "市住房和城乡建设局"]],
        [["市商务局", "市贸促会"]],
        [["市招商服务中心", "市融媒体中心"]],
    ]
    assert [t.measures[0].lead_labelled for t in yunxi.tasks] == [True, True, True, False]


def test_yunxi_indicators(yunxi):
    assert _indicators(yunxi.tasks[0]) == [
        (12, "个", ">=", 2025, None, None),
        (3, "个", ">=", 2025, None, {"value": 5, "unit": "亿元"}),
    ]
    assert _indicators(yunxi.tasks[1]) == [(100, "个", ">=", None, None, None)]  # the year comes after
    assert _indicators(yunxi.tasks[2]) == [(6, "场", ">=", 2025, None, None)]  # 全年, due 2025年第四季度
    assert _indicators(yunxi.tasks[3]) == [(20, "%", ">=", None, None, None)]
    assert yunxi.warnings == []


# (c) 南屿: "1." items ending in （X牵头，A、B配合）; no deadlines; title without 《》; date in Chinese numerals.
@pytest.fixture(scope="module")
def nanyu():
    return parse_file(FIXTURES / "nanyu_prose_lead_co.txt")


def test_nanyu_header(nanyu):
    assert nanyu.title == "南屿市2025年招商引资攻坚行动任务清单"
    assert nanyu.issuer == "南屿市商务局"
    assert nanyu.doc_number == "南商发〔2025〕15号"  # written with （ ）
    assert nanyu.date == datetime.date(2025, 4, 8)  # 二〇二五年四月八日


def test_nanyu_lead_and_cooperating_units(nanyu):
    assert [_units(t) for t in nanyu.tasks] == [
        [["市商务局", "市发改委", "市工信局"]],
        [["市财政局", "市税务局"]],
        [["市行政审批局", "市自然资源局", "市住建局"]],
        [["市政府办", "各县区"]],
    ]
    assert all(m.lead_labelled for t in nanyu.tasks for m in t.measures)
    assert nanyu.tasks[0].measures[0].text == "全年引进世界500强、中国500强企业投资项目3个以上。"


def test_nanyu_missing_deadlines_are_warned(nanyu):
    assert [t.deadline for t in nanyu.tasks] == [None, None, None, None]
    assert all("未识别到工作时限" in t.warnings for t in nanyu.tasks)


def test_nanyu_indicators(nanyu):
    assert _indicators(nanyu.tasks[0]) == [(3, "个", ">=", None, None, None)]  # "500强" is not a count
    assert _indicators(nanyu.tasks[1]) == [(5, "家", ">=", None, None, None), (10, "%", "growth", None, None, None)]
    assert _indicators(nanyu.tasks[2]) == [(20, "个工作日", "<=", None, None, None)]  # 压缩至…以内
    assert _indicators(nanyu.tasks[3]) == [(1, "次", ">=", None, None, None)]
