"""Unit rules: deadlines, unit lists and their 牵头/配合 labels, measure splitting."""

import datetime

import pytest

from zhaoshang.notices.deadlines import LONG_TERM, parse_deadline
from zhaoshang.notices.measures import build_measure, split_inline, split_measure_lines
from zhaoshang.notices.model import MeasureDraft
from zhaoshang.notices.unit_groups import split_trailing_group
from zhaoshang.notices.units import is_unit_name, parse_unit_text, split_units


# -- deadlines --------------------------------------------------------------------------------------
@pytest.mark.parametrize("raw, value, due", [
    ("2025 12", "2025-12", datetime.date(2025, 12, 31)),  # the seed's two cells "2025" + "12"
    ("2025\n9", "2025-09", datetime.date(2025, 9, 30)),
    ("2025年12月底前", "2025-12", datetime.date(2025, 12, 31)),
    ("2025年12月底", "2025-12", datetime.date(2025, 12, 31)),
    ("2025年12月", "2025-12", datetime.date(2025, 12, 31)),
    ("2025年6月底前", "2025-06", datetime.date(2025, 6, 30)),
    ("2025年2月", "2025-02", datetime.date(2025, 2, 28)),
    ("2025年6月30日前", "2025-06", datetime.date(2025, 6, 30)),
    ("2025.10", "2025-10", datetime.date(2025, 10, 31)),
    ("2025-06-30", "2025-06", datetime.date(2025, 6, 30)),
    ("2025年底前", "2025-12", datetime.date(2025, 12, 31)),
])
def test_month_deadlines(raw, value, due):
    deadline = parse_deadline(raw)
    assert (deadline.value, deadline.due_date, deadline.raw) == (value, due, raw)


@pytest.mark.parametrize("raw", ["长期", "长期坚持", "持续推进", "常态化推进"])
def test_long_term_deadlines(raw):
    deadline = parse_deadline(raw)
    assert deadline.value == LONG_TERM and deadline.due_date is None and deadline.understood


@pytest.mark.parametrize("raw, due", [
    ("2025年第三季度", datetime.date(2025, 9, 30)),
    ("2025年三季度末", datetime.date(2025, 9, 30)),
    ("2025年上半年", datetime.date(2025, 6, 30)),
    ("2025年", datetime.date(2025, 12, 31)),
    ("2025年6-9月", datetime.date(2025, 9, 30)),
])
def test_other_deadlines_keep_their_text_but_know_their_last_day(raw, due):
    deadline = parse_deadline(raw)
    assert deadline.value == raw and deadline.due_date == due and deadline.understood


@pytest.mark.parametrize("raw", ["每月", "每季度", "按月调度"])
def test_recurring_deadlines_keep_their_text_without_a_doubt(raw):
    deadline = parse_deadline(raw)
    assert deadline.value == raw and deadline.due_date is None and deadline.understood


@pytest.mark.parametrize("raw", ["视情况而定", "12月底前"])
def test_deadlines_not_understood(raw):
    deadline = parse_deadline(raw)
    assert deadline.value == raw and deadline.due_date is None and not deadline.understood


def test_no_deadline():
    assert parse_deadline(None).value is None
    assert parse_deadline("  ").value is None


# -- units ------------------------------------------------------------------------------------------
def test_split_units_on_every_separator():
    assert split_units("市发改委、市经信局，市商务局,市财政局；市科技局;市人社局") == [
        "市发改委", "市经信局", "市商务局", "市财政局", "市科技局", "市人社局"]


def test_he_inside_a_name_does_not_split():
    assert split_units("市自然资源和城乡建设局") == ["市自然资源和城乡建设局"]
    assert split_units("市经济和信息化局、市发展和改革局") == ["市经济和信息化局", "市发展和改革局"]


def test_he_between_two_full_names_splits():
    assert split_units("市发改委和市经信局") == ["市发改委", "市经信局"]
    assert split_units("市商务局及各县市区") == ["市商务局", "各县市区"]


def test_brackets_inside_a_name_are_kept():
    assert split_units("市工商联、各县（市、区）人民政府") == ["市工商联", "各县（市、区）人民政府"]


def test_trailing_deng_is_dropped():
    assert split_units("市发改委、市商务局等") == ["市发改委", "市商务局"]


def test_plain_group_first_unit_is_lead():
    spec = parse_unit_text("市发改委、市经信局、市招商服务中心")
    assert spec.units == ["市发改委", "市经信局", "市招商服务中心"] and not spec.lead_labelled


def test_lead_and_cooperating_in_one_group():
    spec = parse_unit_text("市商务局牵头，市发改委、市财政局配合")
    assert spec.units == ["市商务局", "市发改委", "市财政局"] and spec.lead_labelled


def test_labelled_group_with_deadline():
    spec = parse_unit_text("责任单位：市发改委、市商务局；完成时限：2025年12月底")
    assert spec.units == ["市发改委", "市商务局"] and spec.deadline_raw == "2025年12月底"
    assert not spec.lead_labelled


def test_label_lines_lead_first_then_cooperating():
    spec = parse_unit_text("配合单位：市发改委、市财政局；牵头单位：市商务局")
    assert spec.units == ["市商务局", "市发改委", "市财政局"] and spec.lead_labelled


def test_inline_lead_mark():
    spec = parse_unit_text("市财政局、市投资促进局（牵头）")
    assert spec.units == ["市投资促进局", "市财政局"] and spec.lead_labelled


def test_not_units():
    assert parse_unit_text("2025年底前完成").units == []  # a deadline, no units
    assert parse_unit_text("含光电子、新材料等") is None
    assert not is_unit_name("重点招引高端聚烯烃")
    assert is_unit_name("各产业链招商专班")


@pytest.mark.parametrize("text, body, units", [
    ("推动建设。(潜江高新区)", "推动建设。", ["潜江高新区"]),
    ("推动建设。（市发改委、市经信局）", "推动建设。", ["市发改委", "市经信局"]),
    ("推动建设。（市发改委、市经信局）。", "推动建设。", ["市发改委", "市经信局"]),
    ("推动建设。责任单位：市商务局、市发改委", "推动建设。", ["市商务局", "市发改委"]),
    ("推动建设（试点）", "推动建设（试点）", None),
])
def test_trailing_group(text, body, units):
    got_body, spec = split_trailing_group(text)
    assert got_body == body
    assert (spec.units if spec else None) == units


# -- measures ---------------------------------------------------------------------------------------
def test_ordinal_cut_from_its_text_joins_the_next_line():
    drafts = split_measure_lines(["1.石油化工。聚焦…。(潜江高新区)", "2.", "盐化工。依托…。(市自然资源和城乡建设局)"])
    assert [d.text for d in drafts] == ["1.石油化工。聚焦…。(潜江高新区)", "2.盐化工。依托…。(市自然资源和城乡建设局)"]


@pytest.mark.parametrize("lines", [
    ["1、甲。（市商务局）", "2、乙。（市发改委）"],
    ["（1）甲。（市商务局）", "（2）乙。（市发改委）"],
    ["①甲。（市商务局）", "②乙。（市发改委）"],
])
def test_numbering_styles(lines):
    measures = [build_measure(d, None) for d in split_measure_lines(lines)]
    assert [(m.text, m.units) for m in measures] == [("甲。", ["市商务局"]), ("乙。", ["市发改委"])]


def test_out_of_sequence_number_continues_the_measure():
    drafts = split_measure_lines(["1.引进项目，其中", "3、产业链项目2个。（市商务局）"])
    assert len(drafts) == 1


def test_measures_in_one_paragraph_are_split():
    assert split_inline("1.甲。（市商务局）2.乙。（市发改委）") == ["1.甲。（市商务局）", "2.乙。（市发改委）"]
    assert split_inline("引进10.5亿元项目。（市商务局）") == ["引进10.5亿元项目。（市商务局）"]


def test_side_column_units_when_the_text_has_none():
    measure = build_measure(MeasureDraft("1.建立项目库。", unit_text="牵头单位：市商务局；配合单位：市统计局"), None)
    assert measure.text == "建立项目库。"
    assert measure.units == ["市商务局", "市统计局"] and measure.lead_labelled


# -- deadlines as other cities write them -----------------------------------------------------------
@pytest.mark.parametrize("raw, year, value, due", [
    ("2025年9月30日前", None, "2025-09", datetime.date(2025, 9, 30)),
    ("2025年6月底前完成", None, "2025-06", datetime.date(2025, 6, 30)),
    ("2025年内", None, "2025-12", datetime.date(2025, 12, 31)),
    ("２０２５年１２月", None, "2025-12", datetime.date(2025, 12, 31)),
    ("２０２５．１２", None, "2025-12", datetime.date(2025, 12, 31)),
    ("45901", None, "2025-09", datetime.date(2025, 9, 1)),  # an Excel serial date read as a number
    ("45901.0", None, "2025-09", datetime.date(2025, 9, 1)),
    ("2025-10-15 09:30:00", None, "2025-10", datetime.date(2025, 10, 15)),
    ("即日起至2025年9月", None, "2025-09", datetime.date(2025, 9, 30)),
    ("9月底前", 2025, "2025-09", datetime.date(2025, 9, 30)),
    ("年底前", 2025, "2025-12", datetime.date(2025, 12, 31)),
    ("12月31日前", 2026, "2026-12", datetime.date(2026, 12, 31)),
    ("2024年12月", 2025, "2024-12", datetime.date(2024, 12, 31)),  # its own year wins
])
def test_deadlines_from_other_cities(raw, year, value, due):
    deadline = parse_deadline(raw, year)
    assert (deadline.value, deadline.due_date, deadline.raw) == (value, due, raw)


def test_year_less_deadline_keeps_its_text_without_the_notice_year():
    assert parse_deadline("9月底前").value == "9月底前" and not parse_deadline("9月底前").understood
    assert parse_deadline("三季度末", 2025).due_date == datetime.date(2025, 9, 30)


def test_numbers_that_are_not_serial_dates():
    assert parse_deadline("12").due_date is None
    assert parse_deadline("99999").due_date is None


# -- unit groups as other cities write them ---------------------------------------------------------
@pytest.mark.parametrize("text, units, lead, deadline", [
    ("市招商局牵头，市经信局、市发改委配合；2025年6月底前完成", ["市招商局", "市经信局", "市发改委"], True, "2025年6月底前完成"),
    ("市自然资源和规划局、市财政局按职责分工负责；2025年第三季度", ["市自然资源和规划局", "市财政局"], False, "2025年第三季度"),
    ("市工商联牵头，市招商局配合；长期", ["市工商联", "市招商局"], True, "长期"),
    ("区委统战部、区工商联；每月", ["区委统战部", "区工商联"], False, "每月"),
    ("市商务局牵头，市直有关部门配合，9月底前", ["市商务局", "市直有关部门"], True, "9月底前"),
    ("牵头：市发改委；配合：市商务局、市财政局", ["市发改委", "市商务局", "市财政局"], True, None),
    ("责任单位：市发改委、市商务局（牵头）", ["市商务局", "市发改委"], True, None),
    ("市商务局牵头，各县市区负责", ["市商务局", "各县市区"], True, None),
    ("市商务局牵头负责", ["市商务局"], True, None),
    ("市发改委 市商务局", ["市发改委", "市商务局"], False, None),
])
def test_unit_groups_from_other_cities(text, units, lead, deadline):
    spec = parse_unit_text(text)
    assert (spec.units, spec.lead_labelled, spec.deadline_raw) == (units, lead, deadline)


def test_units_and_deadline_in_two_groups():
    body, spec = split_trailing_group("推动项目落地。（责任单位：市商务局、市发改委）（完成时限：2025年12月底）")
    assert body == "推动项目落地。"
    assert (spec.units, spec.deadline_raw) == (["市商务局", "市发改委"], "2025年12月底")


def test_a_bare_deadline_group_is_a_deadline_not_units():
    body, spec = split_trailing_group("推动项目落地（2025年底前完成）")
    assert (body, spec.units, spec.deadline_raw) == ("推动项目落地", [], "2025年底前完成")
    assert split_trailing_group("推动项目落地（第一批）") == ("推动项目落地（第一批）", None)


def test_di_yi_ordinals_number_measures():
    measures = [build_measure(d, None) for d in split_measure_lines(["第一，甲。（市商务局）", "第二，乙。（市发改委）"])]
    assert [(m.text, m.units) for m in measures] == [("甲。", ["市商务局"]), ("乙。", ["市发改委"])]
    assert split_measure_lines(["第一季度完成。"])[0].text == "第一季度完成。"  # no ordinal: no comma after 第一
