"""Putting rows into the index and finding them again: 1-, 2-, 3- and 6-character queries, initials, order, limits."""

import pytest

from zhaoshang.search.selectors import SearchHits, search_ids
from zhaoshang.search.services import search_index_clear, search_index_drop, search_index_put

pytestmark = pytest.mark.django_db

NAMES = {
    1: ["武汉楚商联合会", "楚商之家"],
    2: ["龙虎股份有限公司", "LHGF"],
    3: ["青禾华美化工有限公司", "氯碱 化工"],
    4: ["湖北 ABC 科技有限公司", ""],
    5: ["百分之50%增长研究院"],
    6: ["a_b 实验室"],
    7: ["楚天商贸"],
}


@pytest.fixture
def indexed():
    search_index_put("enterprise", NAMES.items())


def ids(query: str, kind: str = "enterprise", **kwargs) -> list[int]:
    return search_ids(kind, query, **kwargs).ids


def test_two_character_query_finds_the_word_inside_a_name(indexed):
    assert ids("楚商") == [1]
    assert ids("氯碱") == [3]


def test_three_and_six_character_queries(indexed):
    assert ids("楚商联") == [1]
    assert ids("华美化工有限") == [3]
    assert ids("有限公司") == [4, 3, 2]


def test_query_is_normalized_like_the_text(indexed):
    assert ids("abc科技") == [4]
    assert ids("ＡＢＣ") == [4]
    assert ids(" 楚 商 联 ") == [1]


def test_a_match_never_spans_two_fields(indexed):
    assert ids("联合会楚") == []
    assert ids("氯碱化工") == [3]  # one field: whitespace inside it is removed


def test_pinyin_initials_match_ascii_queries(indexed):
    assert ids("lhgf") == [2]
    assert ids("LHGF") == [2]
    assert ids("whcs") == [1]
    assert ids("qhhm") == [3]
    assert ids("cs") == [1]  # 武汉楚商 → whcs, 楚商之家 → cszj; 楚天商贸 → ctsm holds no "cs"
    assert ids("hgyx") == [3]


def test_initials_queries_of_two_three_and_more_letters(indexed):
    assert ids("lh") == [2, 1]  # the start of lhgfyxgs; 联合会 → lhh
    assert ids("gs") == [4, 3, 2]  # the tail of …yxgs
    assert ids("lhg") == [2]
    assert ids("ab") == [6, 4]  # "a_b 实验室" → absys; "ABC" is in the text and in the initials
    assert ids("abc") == [4]
    assert ids("abckjyxgs") == [4]
    assert ids("zz") == [5]  # 百分之50%增长 → bfz50zz…
    assert ids("qq") == []


def test_a_query_repeating_its_terms_is_checked_whole():
    search_index_put("park", [(1, ["哈哈哈"]), (2, ["哈哈"]), (3, ["aaaa"]), (4, ["aaa"]), (5, ["阿阿阿阿"])])
    assert search_ids("park", "哈哈哈").ids == [1]
    assert search_ids("park", "哈哈").ids == [2, 1]
    assert search_ids("park", "aaaa").ids == [5, 3]
    assert search_ids("park", "aaa").ids == [5, 4, 3]


def test_initials_do_not_match_chinese_queries(indexed):
    assert ids("lh股份") == []


def test_like_wildcards_in_the_query_are_literal(indexed):
    assert ids("50%") == [5]
    assert ids("%") == [5]
    assert ids("0%增") == [5]
    assert ids("a_b") == [6]
    assert ids("_") == [6]
    assert ids("%%") == []
    assert ids("a%b") == []


def test_newest_first_and_truncated():
    search_index_put("park", [(n, [f"光谷科技园{n}号"]) for n in range(1, 31)])
    hits = search_ids("park", "科技", limit=10)
    assert hits == SearchHits(ids=list(range(30, 20, -1)), truncated=True)
    assert search_ids("park", "光谷科技园", limit=30) == SearchHits(ids=list(range(30, 0, -1)), truncated=False)
    assert search_ids("park", "园", limit=5) == SearchHits(ids=[30, 29, 28, 27, 26], truncated=True)
    assert search_ids("park", "园2", limit=100).ids == [29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 2]
    assert search_ids("park", "ggkjy", limit=3) == SearchHits(ids=[30, 29, 28], truncated=True)


def test_one_character_query(indexed):
    assert ids("楚") == [7, 1]
    assert ids("h") == [4, 3, 2, 1]  # initials of 湖北 / 华美 / 龙虎 / 武汉
    assert ids("氯") == [3]


def test_empty_and_unknown(indexed):
    assert search_ids("enterprise", "  ") == SearchHits(ids=[], truncated=False)
    assert ids("不存在的名字") == []
    assert ids("楚商", kind="nothing-indexed") == []


def test_putting_a_row_again_replaces_its_text(indexed):
    search_index_put("enterprise", [(1, ["华中光电研究院"])])
    assert ids("楚商") == []
    assert ids("光电") == [1]
    assert ids("whcs") == []
    assert ids("hzgd") == [1]


def test_putting_a_row_without_text_drops_it(indexed):
    search_index_put("enterprise", [(7, ["", "  "])])
    assert ids("楚天") == []


def test_putting_the_same_rows_again_changes_nothing(indexed):
    search_index_put("enterprise", NAMES.items())
    assert ids("楚商") == [1]
    assert ids("有限公司") == [4, 3, 2]


def test_the_last_document_of_a_row_wins_within_one_put():
    search_index_put("enterprise", [(9, ["甲乙丙"]), (9, ["丁戊己"])])
    assert ids("甲乙") == []
    assert ids("丁戊") == [9]


def test_drop_removes_rows(indexed):
    search_index_drop("enterprise", [1, 3, 999])
    assert ids("楚商") == []
    assert ids("有限公司") == [4, 2]
    assert ids("楚") == [7]
    search_index_drop("never-indexed", [1])


def test_kinds_do_not_mix(indexed):
    search_index_put("chushang", [(1, ["楚商回乡项目"]), (50, ["楚商大会"])])
    assert ids("楚商") == [1]
    assert ids("楚商", kind="chushang") == [50, 1]
    assert ids("楚", kind="chushang") == [50, 1]
    search_index_clear("chushang")
    assert ids("楚商", kind="chushang") == []
    assert ids("楚商") == [1]


def test_clear_removes_every_row_of_the_kind(indexed):
    search_index_clear("enterprise")
    assert ids("有限公司") == [] and ids("楚") == [] and ids("lhgf") == []
    search_index_put("enterprise", [(2, ["龙虎股份"])])
    assert ids("lhgf") == [2]


def test_a_kind_is_at_most_thirty_characters():
    with pytest.raises(ValueError):
        search_index_put("k" * 31, [(1, ["名称"])])


def test_ten_thousand_rows_are_written_in_batches(django_assert_max_num_queries):
    rows = [(n, [f"湖北第{n}号新材料科技有限公司", f"光谷{n % 97}路"]) for n in range(1, 10_001)]
    with django_assert_max_num_queries(100):
        search_index_put("land", rows)
    assert search_ids("land", "第9999号").ids == [9999]
    assert search_ids("land", "新材料", limit=3).ids == [10000, 9999, 9998]
