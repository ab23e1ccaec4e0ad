"""Flattened tables (one cell per line) other than the seed: punctuation and numbering variants, other column
orders, a 责任单位 column, a merged 时限 cell."""

import pathlib
import re

from zhaoshang.notices import parse_file, parse_text

FIXTURES = pathlib.Path(__file__).parent / "fixtures"
SEED = pathlib.Path(__file__).resolve().parents[2] / "src" / "zhaoshang" / "demo" / "demo_data" / "qianjiang-2025-zhaoshang-task-list.txt"
_HALF = str.maketrans("（），；", "(),;")


def _half_width(value):
    if isinstance(value, dict):
        return {k: _half_width(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_half_width(v) for v in value]
    return value.translate(_HALF) if isinstance(value, str) else value


def test_seed_with_full_width_punctuation_and_other_ordinals_parses_the_same():
    text = SEED.read_text("utf-8")
    expected = _half_width(parse_text(text).to_dict())
    full_width = text.replace("(", "（").replace(")", "）").replace(",", "，").replace(";", "；")
    for ordinal in (r"\1、", r"（\1）", r"\1．"):
        variant = re.sub(r"(?m)^(\d)\.", ordinal, full_width)
        assert _half_width(parse_text(variant).to_dict()) == expected, ordinal


def test_number_first_columns_with_a_units_column():
    parsed = parse_file(FIXTURES / "fengtai_flat_number_first.txt")
    assert parsed.title == "凤台县2025年招商引资工作任务清单"
    assert [(t.number, t.focus, t.target, t.deadline) for t in parsed.tasks] == [
        ("1", "产业链招商", "全年引进亿元以上项目12个", "2025-12"),
        ("2", "以商招商", "举办招商推介活动不少于3场", "2025年第三季度"),
        ("3", "优化服务", "项目签约后3个月内开工率达到80%", "long-term"),
    ]
    assert [[(m.text, m.units, m.lead_labelled) for m in t.measures] for t in parsed.tasks] == [
        [("绘制产业链招商图谱，建立目标企业清单；", ["县发改委", "县经信局"], False),
         ("组建产业链招商专班，开展精准招商。", ["县发改委", "县经信局"], False)],
        [("组织参加进博会、中博会等展会活动。", ["县商务局"], False)],
        [("实行重点项目“一对一”代办服务，协调解决要素保障问题。", ["县政务服务中心", "县自然资源局"], True)],
    ]
    # "3个月内" is a time window, not a target
    assert [[(i.value, i.unit) for i in t.indicators] for t in parsed.tasks] == [[(12, "个")], [(3, "场")], [(80, "%")]]


def test_merged_deadline_cell_printed_once_is_shared_with_a_warning():
    parsed = parse_file(FIXTURES / "flat_merged_deadline.txt")
    assert [(t.number, t.target, t.deadline) for t in parsed.tasks] == [
        ("1", "引进项目5个", "2025-10"), ("2", "引进项目5个", "2025-10"), ("3", "签约项目增长10%", "2025-12")]
    assert parsed.tasks[1].warnings == ["工作时限沿用上一项任务（原表格合并单元格）"]
    assert [[m.units for m in t.measures] for t in parsed.tasks] == [
        [["市商务局"], ["市发改委", "市统计局"]], [["市招商中心"]], [["市商务局"]]]


def test_rows_copied_with_tabs_are_a_table():
    text = (
        "湖滨区2025年招商引资任务清单\n"
        "序号\t工作重点\t工作目标\t工作措施\t责任单位\t完成时限\n"
        "1\t产业招商\t引进项目8个\t开展产业链招商。\t区商务局、区发改局\t2025年12月\n"
        "2\t\t新增企业5家\t优化企业服务。\t区市场监管局\t长期\n"
    )
    parsed = parse_text(text)
    assert (parsed.title, parsed.layout) == ("湖滨区2025年招商引资任务清单", "rows")
    assert [(t.number, t.focus, t.target, t.deadline) for t in parsed.tasks] == [
        ("1", "产业招商", "引进项目8个", "2025-12"), ("2", "产业招商", "新增企业5家", "long-term")]
    assert [t.measures[0].units for t in parsed.tasks] == [["区商务局", "区发改局"], ["区市场监管局"]]


def test_csv_export_is_a_table():
    text = '序号,工作重点,目标,工作举措,责任单位,完成时限\n1,产业招商,引进项目8个,"1.开展招商。\n2.建立台账。","区商务局,区发改局",2025年12月\n'
    parsed = parse_text(text)
    assert [(m.text, m.units) for m in parsed.tasks[0].measures] == [
        ("开展招商。", ["区商务局", "区发改局"]), ("建立台账。", ["区商务局", "区发改局"])]


def test_side_cells_with_one_line_per_measure():
    # built as a CSV so that cells can hold several lines
    text = (
        "序号,工作举措,责任单位,完成时限\n"
        '1,"1.编制招商图谱。\n2.开展驻点招商。","1.市发改委\n2.市商务局、市财政局","2025年6月底前\n2025年11月底前"\n'
        '2,"1.举办推介会。\n2.走访企业。","市投促局\n市工商联",2025年9月\n'
    )
    first, second = parse_text(text).tasks
    assert [(m.units, m.deadline) for m in first.measures] == [(["市发改委"], "2025-06"), (["市商务局", "市财政局"], "2025-11")]
    assert (first.deadline, first.deadline_raw) == ("2025-11", "2025年11月底前")  # the last measure's
    # unit lines without ordinals are one list for every measure of the row
    assert [m.units for m in second.measures] == [["市投促局", "市工商联"], ["市投促局", "市工商联"]]
    assert second.target == "举办推介会"  # no 目标 column: the task text's headline


def test_a_web_table_flattened_one_cell_per_line_reads_like_the_table():
    from zhaoshang.notices.html_reader import read_html

    page = FIXTURES / "qingwan_table.html"
    flattened = "\n".join(read_html(page.read_bytes()).lines())  # rowspan cells appear once
    as_text, as_html = parse_text(flattened).to_dict(), parse_file(page).to_dict()
    assert as_text["layout"] == "table"
    assert as_text["tasks"] == as_html["tasks"]
    assert as_text["chains"] == as_html["chains"]
    assert {k: as_text[k] for k in ("title", "issuer", "doc_number", "date")} == {
        k: as_html[k] for k in ("title", "issuer", "doc_number", "date")}
