"""The pure scoring of 招商靶向: words of a link and its chain, points and reasons in words."""

from decimal import Decimal

from zhaoshang.targeting.scoring import Firm, firm_score, terms_for

LINK = terms_for(chain_name="电子化学品", link_name="电子级氢氟酸", weak=True)


def test_a_link_named_in_the_business_scope_scores_above_one_that_is_not():
    named = firm_score(Firm(name="甲材料有限公司", business_scope="电子级氢氟酸的生产与销售"), LINK)
    other = firm_score(Firm(name="乙材料有限公司", business_scope="日用化学品销售；化学品仓储"), LINK)
    assert named.points > other.points
    assert named.reasons[0] == "经营范围含“电子级氢氟酸”（补链环节“电子级氢氟酸”）"


def test_the_full_name_outranks_any_number_of_its_pieces():
    pieces = firm_score(Firm(name="甲公司", business_scope="氢氟酸、电子级试剂、湿电子化学品、氟化工"), LINK)
    assert pieces.points == 6 + 1 < firm_score(Firm(name="乙公司", business_scope="电子级氢氟酸"), LINK).points  # +1: 化学品 of the chain


def test_a_word_inside_a_longer_word_found_does_not_count_twice():
    once = firm_score(Firm(name="甲公司", business_scope="电子级氢氟酸"), LINK)
    assert once.points == 8  # the full name only, not 氢氟酸 and 电子级 again


def test_synonyms_name_and_code_count_with_their_reasons():
    score = firm_score(Firm(name="丙氟化工股份有限公司", business_scope="湿电子化学品研发", industry_code="c2614"), LINK)
    assert "企业名称含“氟化工”" in score.reasons
    assert "经营范围含“湿电子化学品”（补链环节“电子级氢氟酸”）" in score.reasons
    assert "行业代码C2614属电子化学品产业链" in score.reasons
    assert score.points == 3 + 4 + 1 + 2  # 湿电子化学品 in scope; 氟化工 in the name; 化学品 of the chain; C26


def test_size_ownership_listing_and_ties_add_points_in_words():
    bare = firm_score(Firm(name="丁公司", business_scope="氢氟酸"), LINK)
    rich = firm_score(Firm(name="丁公司", business_scope="氢氟酸", is_listed=True, ownership="central_soe",
                           registered_capital_wan=Decimal("80000"), ties=("楚商张某引荐",)), LINK)
    assert rich.points == bare.points + 1 + 1 + 2 + 3
    assert {"上市企业", "央企", "注册资本5亿元以上", "楚商张某引荐"} <= set(rich.reasons)
    mid = firm_score(Firm(name="丁公司", business_scope="氢氟酸", registered_capital_wan=Decimal("10000")), LINK)
    assert "注册资本1亿元以上" in mid.reasons and mid.points == bare.points + 1


def test_generic_words_alone_do_not_point_at_a_link():
    terms = terms_for(chain_name="纺织服装", link_name="设计研发")
    assert terms.link_words == ("设计研发",)
    assert firm_score(Firm(name="戊科技公司", business_scope="技术研发；产品设计"), terms).points == 0


def test_the_directory_filing_counts():
    assert "企业名录已归入补链环节“电子级氢氟酸”" in firm_score(Firm(name="己公司", filed_under="link"), LINK).reasons
