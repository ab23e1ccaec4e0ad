"""Chinese numerals and ordinals as documents write them; telephone numbers as people type them."""

import pytest

from zhaoshang.core.numerals import chinese_numeral, heading_ordinal, paren_ordinal
from zhaoshang.core.phones import PHONE_ERROR, normalize_phone, phone_error
from zhaoshang.notices.ordinals import to_int


@pytest.mark.parametrize(("number", "text"), [(1, "一"), (10, "十"), (11, "十一"), (12, "十二"), (20, "二十"), (21, "二十一"),
                                              (99, "九十九"), (100, "一百"), (105, "一百零五"), (110, "一百一十"),
                                              (1010, "一千零一十"), (2025, "二千零二十五")])
def test_chinese_numerals(number, text):
    assert chinese_numeral(number) == text


def test_numerals_read_back_by_the_notice_parser():
    assert all(to_int(chinese_numeral(n)) == n for n in range(1, 10000))


def test_ordinals():
    assert [paren_ordinal(n) for n in (1, 10, 11, 12)] == ["（一）", "（十）", "（十一）", "（十二）"]
    assert heading_ordinal(11) == "十一、"
    with pytest.raises(ValueError):
        chinese_numeral(-1)


@pytest.mark.parametrize(("typed", "stored"), [
    ("13812345678", "13812345678"), ("+86 138 1234 5678", "13812345678"), ("8613812345678", "13812345678"),
    ("010-12345678", "010-12345678"), ("02787654321", "027-87654321"), ("(0731)8555123", "0731-8555123"),
    ("0731－85551234", "0731-85551234"), ("0755-12345678-8001", "0755-12345678-8001"),
])
def test_valid_numbers_in_one_written_form(typed, stored):
    assert normalize_phone(typed) == stored and phone_error(typed) is None


@pytest.mark.parametrize("typed", ["12812345678", "1381234567", "138123456789", "85551234", "027-123456", "abc",
                                   "138-1234-5678x"])
def test_invalid_numbers_get_the_chinese_error(typed):
    assert normalize_phone(typed) is None and phone_error(typed) == PHONE_ERROR


def test_an_empty_number_is_no_error():
    assert phone_error("  ") is None
