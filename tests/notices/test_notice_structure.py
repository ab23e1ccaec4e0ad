"""Unit groups mixing styles, a deadline alone in a bracket, "一是…；二是…" lists, headings over numbered
sub-items, and lists without 工作重点 — each in a short notice with expected values written by hand."""

import datetime

import pytest

from zhaoshang.notices import parse_text
from zhaoshang.notices.unit_groups import split_trailing_group
from zhaoshang.notices.units import parse_unit_text


def _units(task):
    return [m.units for m in task.measures]


def _texts(task):
    return [m.text for m in task.measures]


# -- 1. one bracket, two styles: lead first, then the co-units --------------------------------------
@pytest.mark.parametrize("text, units, lead, deadline", [
    ("市商务局牵头；配合单位：市发改委、市财政局", ["市商务局", "市发改委", "市财政局"], True, None),
    ("牵头单位：市商务局；配合单位：市发改委、市财政局", ["市商务局", "市发改委", "市财政局"], True, None),
    ("市商务局牵头，配合单位：市发改委；2025年底前完成", ["市商务局", "市发改委"], True, "2025年底前完成"),
    ("配合单位：市发改委；市商务局牵头", ["市商务局", "市发改委"], True, None),  # the lead written last
    ("市商务局；配合单位：市发改委", ["市商务局", "市发改委"], True, None),  # unlabelled before 配合: the lead
    ("责任单位：市商务局；2025年9月底前", ["市商务局"], False, "2025年9月底前"),
])
def test_unit_group_mixing_styles(text, units, lead, deadline):
    spec = parse_unit_text(text)
    assert (spec.units, spec.lead_labelled, spec.deadline_raw) == (units, lead, deadline)


# -- 2. a deadline alone in a bracket ----------------------------------------------------------------
@pytest.mark.parametrize("text, body, units, deadline", [
    ("建立项目库。（市商务局）（2025年底前完成）", "建立项目库。", ["市商务局"], "2025年底前完成"),
    ("建立项目库。（2025年9月底前）", "建立项目库。", [], "2025年9月底前"),
    ("开展专项行动（长期坚持）", "开展专项行动", [], "长期坚持"),
    ("开展专项行动。（市商务局） 2025年12月底前", "开展专项行动。", ["市商务局"], "2025年12月底前"),  # cells run together
])
def test_deadline_bracket_is_split_off(text, body, units, deadline):
    got_body, spec = split_trailing_group(text)
    assert (got_body, spec.units, spec.deadline_raw) == (body, units, deadline)


# 汉川: "（一）" leaf tasks naming their own units, a heading task "（四）" over numbered measures, a group
# mixing styles, a deadline bracket with the units on a "责任单位：" line, and "一是…；二是…；三是…".
HANCHUAN = """汉川市人民政府办公室关于印发汉川市2025年招商引资重点任务清单的通知
川政办发〔2025〕12号
各镇人民政府，市直有关单位：
现将《汉川市2025年招商引资重点任务清单》印发给你们，请认真抓好落实。
一、产业链招商
（一）做强主导产业链条。全年引进亿元以上项目20个。（市商务局牵头；配合单位：市发改委、市财政局）（2025年底前完成）
（二）强化平台招商。一是办好招商推介会不少于4场；二是用好“汉川招商”网络平台；三是建设科技企业孵化器1个。（牵头单位：市商务局；配合单位：市科技局、市经信局；完成时限：2025年11月底前）
（三）开展驻点招商。组建3个驻点招商小分队。（2025年9月底前）
责任单位：市投资促进中心
二、要素保障
（四）保障项目用地
1.优先保障重大项目用地指标。（市自然资源局牵头，市发改委配合）
2.开展批而未供土地专项处置，全年处置500亩。（市自然资源局；2025年10月底前）
汉川市人民政府办公室
2025年3月5日
"""


@pytest.fixture(scope="module")
def hanchuan():
    return parse_text(HANCHUAN)


def test_hanchuan_header(hanchuan):
    assert hanchuan.title == "汉川市2025年招商引资重点任务清单"
    assert hanchuan.issuer == "汉川市人民政府办公室"
    assert hanchuan.doc_number == "川政办发〔2025〕12号"
    assert hanchuan.date == datetime.date(2025, 3, 5)
    assert hanchuan.layout == "prose"
    assert hanchuan.warnings == []


def test_hanchuan_tasks(hanchuan):
    assert [t.number for t in hanchuan.tasks] == ["1", "2", "3", "4"]
    assert [t.focus for t in hanchuan.tasks] == ["产业链招商", "产业链招商", "产业链招商", "要素保障"]
    assert [t.target for t in hanchuan.tasks] == [
        "做强主导产业链条。全年引进亿元以上项目20个",
        "强化平台招商。办好招商推介会不少于4场；建设科技企业孵化器1个",  # 一是/三是 dropped, 二是 states no number
        "开展驻点招商。组建3个驻点招商小分队",
        "保障项目用地。开展批而未供土地专项处置，全年处置500亩",  # the heading, then its measures' numbers
    ]
    assert all(t.warnings == [] for t in hanchuan.tasks)


def test_hanchuan_mixed_group_lead_first(hanchuan):
    first = hanchuan.tasks[0]
    assert _texts(first) == ["做强主导产业链条。全年引进亿元以上项目20个。"]
    assert _units(first) == [["市商务局", "市发改委", "市财政局"]]
    assert first.measures[0].lead_labelled
    assert (first.deadline, first.deadline_raw) == ("2025-12", "2025年底前完成")


def test_hanchuan_yi_shi_er_shi_is_one_measure_per_item(hanchuan):
    second = hanchuan.tasks[1]
    assert _texts(second) == ["办好招商推介会不少于4场。", "用好“汉川招商”网络平台。", "建设科技企业孵化器1个。"]
    assert _units(second) == [["市商务局", "市科技局", "市经信局"]] * 3
    assert [m.deadline for m in second.measures] == ["2025-11"] * 3
    assert second.deadline == "2025-11"


def test_hanchuan_deadline_bracket_and_unit_line(hanchuan):
    third = hanchuan.tasks[2]
    assert _texts(third) == ["开展驻点招商。组建3个驻点招商小分队。"]  # the bracket is gone from the text
    assert _units(third) == [["市投资促进中心"]]
    assert (third.deadline, third.deadline_raw) == ("2025-09", "2025年9月底前")


def test_hanchuan_heading_over_measures_is_the_task(hanchuan):
    fourth = hanchuan.tasks[3]
    assert _texts(fourth) == ["优先保障重大项目用地指标。", "开展批而未供土地专项处置，全年处置500亩。"]
    assert _units(fourth) == [["市自然资源局", "市发改委"], ["市自然资源局"]]
    assert [m.deadline for m in fourth.measures] == [None, "2025-10"]
    assert fourth.deadline == "2025-10"
    assert [(i.value, i.unit, i.year) for i in fourth.indicators] == [(500, "亩", 2025)]  # 全年, due 2025


# -- 3. 一是/二是 in a table cell, and inside numbered measures --------------------------------------
LISTS_IN_CELLS = """洪湖市2025年招商引资工作任务清单
序号\t工作目标\t工作举措\t责任单位\t完成时限
1\t全年引进亿元以上项目20个\t强化平台招商，一是办好推介会4场；二是用好网络平台。\t市商务局、市科技局\t2025年12月
2\t新增外资企业5家\t"1.组织赴港招商，一是对接商协会；二是举办推介会。
2.建立外资项目库。"\t市商务局\t2025年10月
3\t开展驻点招商\t一是在长三角设立驻点（市投资促进中心）；二是在珠三角设立驻点（市商务局）。\t\t长期
"""


def test_lists_in_table_cells():
    parsed = parse_text(LISTS_IN_CELLS)
    first, second, third = parsed.tasks
    # the lead-in is not in the target column, so it opens the first measure
    assert _texts(first) == ["强化平台招商，办好推介会4场。", "用好网络平台。"]
    assert _units(first) == [["市商务局", "市科技局"]] * 2
    # measures the author numbered keep their 一是/二是 as detail
    assert _texts(second) == ["组织赴港招商，一是对接商协会；二是举办推介会。", "建立外资项目库。"]
    # items with their own unit groups keep them
    assert _texts(third) == ["在长三角设立驻点。", "在珠三角设立驻点。"]
    assert _units(third) == [["市投资促进中心"], ["市商务局"]]


# -- 4. headings over numbered sub-items ---------------------------------------------------------------
# 枝江: "一、" chapters, "（一）" sections, "1." headings over "（1）" measures; "（二）" holds a leaf task.
ZHIJIANG = """枝江市2025年招商引资工作方案
一、工作目标
全年签约亿元以上项目50个。
二、重点任务
（一）产业链招商
1.绘制产业链招商图谱
（1）梳理目标企业不少于200家。（市经信局）
（2）每季度更新图谱。（市发改委；2025年底前）
2.组建产业链招商专班
（1）组建6个专班。（市招商服务中心牵头，各专班配合）
（二）以商招商
1.举办恳谈会2场。（市工商联；2025年10月底前）
三、保障措施
（一）加强组织领导。
枝江市人民政府
2025年2月8日
"""


def test_four_levels_headings_become_tasks_and_focuses():
    parsed = parse_text(ZHIJIANG)
    assert [(t.focus, t.target) for t in parsed.tasks] == [
        ("产业链招商", "绘制产业链招商图谱。梳理目标企业不少于200家"),
        ("产业链招商", "组建产业链招商专班。组建6个专班"),
        ("以商招商", "举办恳谈会2场"),  # "（二）" is a section like "（一）": its item is the task
    ]
    assert [_texts(t) for t in parsed.tasks] == [
        ["梳理目标企业不少于200家。", "每季度更新图谱。"], ["组建6个专班。"], ["举办恳谈会2场。"]]
    assert [_units(t) for t in parsed.tasks] == [
        [["市经信局"], ["市发改委"]], [["市招商服务中心", "各专班"]], [["市工商联"]]]
    assert [t.deadline for t in parsed.tasks] == ["2025-12", None, "2025-10"]
    assert not any("举措未识别到责任单位" in w for t in parsed.tasks for w in t.warnings)
    assert [(g.value, g.unit) for g in parsed.goals] == [(50, "个")]


# 松滋: "（一）" headings whose "1." items number on across them: the headings are focuses.
SONGZI = """松滋市2025年招商引资工作要点
（一）招大引强
1.全年引进亿元以上项目30个。（市招商服务中心；2025年12月底前）
2.引进500强企业项目2个。（市商务局牵头，市发改委配合；2025年12月底前）
（二）优化服务
3.推行项目全程代办。（市政务服务局；长期）
4.建立项目用地保障清单。（市自然资源局；2025年6月底前）
"""


def test_sub_items_numbered_on_are_the_tasks():
    parsed = parse_text(SONGZI)
    assert [(t.number, t.focus, t.target) for t in parsed.tasks] == [
        ("1", "招大引强", "全年引进亿元以上项目30个"),
        ("2", "招大引强", "引进500强企业项目2个"),
        ("3", "优化服务", "推行项目全程代办"),
        ("4", "优化服务", "建立项目用地保障清单"),
    ]
    assert [t.deadline for t in parsed.tasks] == ["2025-12", "2025-12", "long-term", "2025-06"]
    assert all(t.warnings == [] for t in parsed.tasks)


# 远安: a task naming its units over numbered sub-items that name none: they are its measures.
YUANAN = """远安县2025年招商引资工作任务
一、驻点招商
（一）开展驻点招商，全年签约项目10个。（县投资促进中心牵头，县商务局配合；2025年12月底前）
1.在长三角设立驻点。
2.在珠三角设立驻点，对接企业不少于50家。
（二）举办推介会3场。（县商务局；2025年10月底前）
"""


def test_task_units_apply_to_its_sub_items():
    parsed = parse_text(YUANAN)
    first, second = parsed.tasks
    assert first.target == "开展驻点招商，全年签约项目10个"
    assert _texts(first) == ["在长三角设立驻点。", "在珠三角设立驻点，对接企业不少于50家。"]
    assert _units(first) == [["县投资促进中心", "县商务局"]] * 2
    assert [m.deadline for m in first.measures] == ["2025-12", "2025-12"]
    assert (second.target, _units(second), second.deadline) == ("举办推介会3场", [["县商务局"]], "2025-10")


def test_unnumbered_heading_between_items_is_not_item_text():
    parsed = parse_text(SONGZI.replace("（二）优化服务\n", "（二）优化服务\n").replace(
        "2025年12月底前）\n（二）", "2025年12月底前）\n第二部分 服务保障\n（二）"))
    assert _texts(parsed.tasks[1]) == ["引进500强企业项目2个。"]
    assert _units(parsed.tasks[1]) == [["市商务局", "市发改委"]]


# -- 5. 工作重点: warned per task only when the list has them at all --------------------------------
NO_FOCUS = """潜山市2025年招商引资任务清单
序号\t工作任务\t责任单位\t完成时限
1\t全年签约亿元以上项目30个。\t市商务局\t2025年12月
2\t举办招商推介会4场。\t市投资促进中心\t2025年10月
"""

SOME_FOCUS = """潜山市2025年招商引资任务清单
序号\t工作重点\t工作任务\t责任单位\t完成时限
1\t\t全年签约亿元以上项目30个。\t市商务局\t2025年12月
2\t平台招商\t举办招商推介会4场。\t市投资促进中心\t2025年10月
"""


def test_a_list_without_focuses_is_not_warned_task_by_task():
    parsed = parse_text(NO_FOCUS)
    assert [t.focus for t in parsed.tasks] == ["", ""]
    assert all(t.warnings == [] for t in parsed.tasks)
    assert not any("工作重点" in w for w in parsed.warnings)


def test_a_missing_focus_among_others_is_warned():
    parsed = parse_text(SOME_FOCUS)
    assert [t.warnings for t in parsed.tasks] == [["未识别到工作重点"], []]
