"""Numbers as a leader reads them: large amounts in 亿元, events whole, growth in words, texts cut at a sentence."""

from decimal import Decimal

import pytest

from zhaoshang.core.formatting import clip_at_sentence, format_quantity, format_wan, format_whole, growth_text
from zhaoshang.kpis import display
from zhaoshang.kpis.figures import Figure
from zhaoshang.kpis.models import Kpi
from zhaoshang.supervision.lights import Light


def test_no_135000_wan_and_no_trailing_zeros():
    assert format_wan(Decimal("135000.00")) == "13.5亿元"
    assert format_wan(Decimal("9800.50")) == "9800.5万元"
    assert format_quantity(Decimal("135000"), "万元") == "13.5亿元"
    assert format_quantity(Decimal("400.0000"), "亿元") == "400亿元"


@pytest.mark.parametrize(("value", "shown"), [(Decimal("20.03"), "20"), (Decimal("2.5"), "3"), (Decimal("0.4"), "0"), (7, "7")])
def test_events_are_whole_numbers(value, shown):
    assert format_whole(value) == shown
    assert format_quantity(value, "次", whole=True) == f"{shown}次"


def test_growth_is_said_in_words_and_a_small_base_is_flagged():
    assert growth_text(Decimal("12.50"), Decimal("8")) == "同比增长12.5%（目标增长8%）"
    assert growth_text(Decimal("-87.71"), Decimal("8")) == "同比下降87.7%（目标增长8%）"
    small = growth_text(Decimal("200"), Decimal("10"), baseline=Decimal("2"))
    assert small.startswith("同比增长200%") and "基数仅2" in small and "仅供参考" in small
    assert "%" in growth_text(None, Decimal("10")) and "-" not in growth_text(Decimal("-5"), Decimal("10"))


def test_long_texts_are_cut_only_at_a_sentence_end():
    text = "第一句话说完了。第二句话也很长很长很长；第三句话。"
    assert clip_at_sentence(text, 100) == text
    assert clip_at_sentence(text, 20) == "第一句话说完了。第二句话也很长很长很长；"
    assert clip_at_sentence("没有句号的一整段很长的文字", 5) == "没有句号的一整段很长的文字"


def _figure(kind, unit, goal, actual, expected=None, percent=None, baseline=None):
    kpi = Kpi(kind=kind, unit=unit, goal=Decimal(goal), comparator="growth" if kind.startswith("growth") else ">=",
              baseline=baseline)
    return Figure(kpi, Decimal(goal), actual, expected, percent, Light.YELLOW, "", None)


def test_figures_read_as_a_leader_reads_them():
    events = _figure("registry_count", "次", "52", Decimal(20), expected=Decimal("20.03"), percent=38.46)
    assert display.expected_text(events) == "20次" and display.actual_text(events) == "20次"
    assert display.percent_text(events) == "38.5%"
    amount = _figure("amount_sum", "万元", "200000", Decimal("135000.00"), expected=Decimal("116666.6667"))
    assert display.actual_text(amount) == "13.5亿元" and display.expected_text(amount) == "11.67亿元"
    growth = _figure("growth_count", "%", "10", Decimal("-87.71"), expected=Decimal(10), percent=-877.1, baseline=Decimal(15))
    assert display.percent_text(growth) == "同比下降87.7%（目标增长10%）" and display.goal_text(growth) == "增长10%"
    assert "-877" not in display.percent_text(growth)
