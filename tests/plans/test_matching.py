"""Measures of a revised notice keep their rows: matched by text, then by position."""

from zhaoshang.plans.diff import notice_diff
from zhaoshang.plans.matching import match_measures

OLD = ["建立资源要素数据库。", "汇编形成产业政策包。", "整合银行、保险等金融机构信贷资源。"]


def test_unchanged_measures_pair_by_position():
    assert match_measures(OLD, OLD) == [0, 1, 2]


def test_an_inserted_measure_is_new_and_the_others_keep_their_rows():
    new = [OLD[0], "举办项目推介会，发布投资机会清单。", OLD[1], OLD[2]]
    assert match_measures(OLD, new) == [0, None, 1, 2]


def test_a_reworded_measure_keeps_its_row_and_a_removed_one_is_left_out():
    new = ["建立涵盖土地、矿产的资源要素数据库。", OLD[2]]
    assert match_measures(OLD, new) == [0, 2]


def test_a_rewritten_measure_in_place_still_pairs_by_position():
    assert match_measures(["甲乙丙丁"], ["完全不同的内容"]) == [0]


def _notice(measures):
    return {"tasks": [{"number": "9", "focus": "要素", "target": "目标", "deadline": "2025-09",
                       "measures": [{"text": t, "units": ["市发改委"]} for t in measures]}]}


def test_diff_reports_an_insertion_as_one_addition():
    new = [OLD[0], "举办项目推介会，发布投资机会清单。", OLD[1], OLD[2]]
    changes = notice_diff(_notice(OLD), _notice(new))
    assert [(c.kind, c.where) for c in changes] == [("added", "任务9 举措2")]


def test_diff_reports_a_removal():
    changes = notice_diff(_notice(OLD), _notice([OLD[0], OLD[2]]))
    assert [(c.kind, c.where) for c in changes] == [("removed", "任务9 原举措2")]
