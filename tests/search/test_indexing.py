"""The pure rules of the index: normalization, bigrams, pinyin initials, query terms, LIKE escaping."""

from zhaoshang.search.indexing import (document, document_grams, grams, initials, initials_pair_terms,
                                       initials_query_terms, initials_terms, is_initials_query, like_pattern, normalize,
                                       query_terms)


def test_normalize_folds_width_and_case_and_drops_whitespace():
    assert normalize("  ＡＢＣ 科技\t有限\u3000公司\n") == "abc科技有限公司"
    assert normalize("Ⅱ期１２３") == "ii期123"
    assert normalize("") == ""


def test_grams_are_the_bigrams_of_the_normalized_text():
    assert grams("楚商联合") == {"楚商", "商联", "联合"}
    assert grams("A B") == {"ab"}
    assert grams("哈哈哈") == {"哈哈"}


def test_a_one_character_text_is_its_own_gram_and_an_empty_one_has_none():
    assert grams("楚") == {"楚"}
    assert grams(" ") == set()


def test_initials_take_pinyin_first_letters_and_keep_ascii_letters_and_digits():
    assert initials("龙虎股份") == "lhgf"
    assert initials("ABC科技（武汉）有限公司") == "abckjwhyxgs"
    assert initials("3M 中国·有限") == "3mzgyx"
    assert initials("——") == ""


def test_initials_read_heteronyms_by_their_word():
    assert initials("重庆银行") == "cqyh"
    assert initials("长江存储") == "cjcc"
    assert initials("行长") == "hz"


def test_query_terms_are_the_distinct_bigrams_in_order():
    assert query_terms("武汉楚商") == ["武汉", "汉楚", "楚商"]
    assert query_terms(" 楚 商 ") == ["楚商"]
    assert query_terms("哈哈哈") == ["哈哈"]
    assert query_terms("楚") == []
    assert query_terms("") == []


def test_only_ascii_letters_and_digits_are_initials_queries():
    assert is_initials_query("lhgf")
    assert is_initials_query("3m")
    assert not is_initials_query("lh股份")
    assert not is_initials_query("50%")


def test_like_pattern_escapes_wildcards_and_the_escape_character():
    assert like_pattern("50%") == "%50\\%%"
    assert like_pattern("a_b") == "%a\\_b%"
    assert like_pattern("c\\d") == "%c\\\\d%"


def test_document_keeps_fields_apart_and_drops_empty_ones():
    text, initials_text = document(["武汉 楚商", "", None, "联合会"])
    assert text == "武汉楚商\n联合会"
    assert initials_text == "whcs\nlhh"
    assert "商联" not in document_grams(text, initials_text)  # no term across two fields
    assert document_grams(text, initials_text) == {"武汉", "汉楚", "楚商", "联合", "合会", "whc", "hcs", "cs", "lhh", "hh"}


def test_document_grams_of_short_fields():
    assert document_grams("楚", "c") == {"楚", "c"}
    assert document_grams("楚商", "cs") == {"楚商", "cs"}


def test_initials_terms_are_trigrams_and_the_tail():
    assert initials_terms("lhgfyxgs") == {"lhg", "hgf", "gfy", "fyx", "yxg", "xgs", "gs"}
    assert initials_terms("abc") == {"abc", "bc"}
    assert initials_terms("ab") == {"ab"}
    assert initials_terms("") == set()


def test_every_bigram_of_the_initials_starts_a_term():
    text = "lhgfyxgs"
    terms = initials_terms(text)
    for i in range(len(text) - 1):
        assert any(term in terms for term in initials_pair_terms(text[i:i + 2]))


def test_initials_query_terms_are_the_distinct_trigrams():
    assert initials_query_terms("LHGF") == ["lhg", "hgf"]
    assert initials_query_terms("aaaa") == ["aaa"]
    assert initials_query_terms("ab") == []


def test_initials_pair_terms():
    terms = initials_pair_terms("cs")
    assert terms[0] == "cs" and "csa" in terms and "cs9" in terms and len(terms) == 37
