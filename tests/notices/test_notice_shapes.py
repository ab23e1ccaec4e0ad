"""The published shapes issue 14 names, each on a short invented notice."""

from zhaoshang.notices import parse_text
from zhaoshang.notices.script import to_simplified
from zhaoshang.notices.units import parse_unit_text

HEAD = "区人民政府办公室关于印发重点工作任务分解的通知\n区政办发〔2026〕3号\n区人民政府办公室\n2026年1月20日\n"


def test_labels_apart_by_two_spaces_read_lead_then_co_units():
    spec = parse_unit_text("牵头单位:市商务局  责任单位:市发改委、市经信局")
    assert spec.units == ["市商务局", "市发改委", "市经信局"] and spec.lead_labelled


def test_joint_leads_then_shared_duty_keep_collective_units():
    spec = parse_unit_text("市商务局、市财政局牵头,各县市区政府及市直相关单位按职责分工负责")
    assert spec.units == ["市商务局", "市财政局", "各县市区政府", "市直相关单位"] and spec.lead_labelled


def test_unit_followed_by_deng_bumen_is_the_unit():
    assert parse_unit_text("区住建局、区水务局等部门").units == ["区住建局", "区水务局"]
    assert parse_unit_text("市级各有关部门").units == ["市级各有关部门"]


def test_deadline_after_the_units_inside_a_labelled_group():
    spec = parse_unit_text("牵头单位:市自然资源和规划局;责任单位:市发改委、市水务局等部门,长期坚持")
    assert spec.units == ["市自然资源和规划局", "市发改委", "市水务局"] and spec.deadline_raw == "长期坚持"


def test_dated_deadline_inside_a_measure_sentence_is_the_task_deadline():
    notice = parse_text(HEAD + "一、优化营商环境\n1.清理涉企收费目录，2026年10月底前完成公开。(区发改局)\n")
    assert notice.tasks[0].deadline == "2026-10"


def test_traditional_characters_come_out_simplified_with_phrase_artefacts_undone():
    assert to_simplified("推進營商環境最佳化，牽頭單位:市商務局") == "推进营商环境优化，牵头单位:市商务局"
    assert to_simplified("推进营商环境优化") == "推进营商环境优化"  # simplified text untouched
    notice = parse_text(to_traditional(HEAD + "一、優化營商環境\n1.建立企業服務專員制度。(牽頭單位:市商務局;責任單位:市發改委)\n"))
    assert notice.tasks[0].measures[0].units == ["市商务局", "市发改委"]
    assert notice.tasks[0].measures[0].text.startswith("建立企业服务专员制度")
    assert any("繁体" in w for w in notice.warnings)


def to_traditional(text: str) -> str:
    from opencc import OpenCC

    return OpenCC("s2hk").convert(text)


def test_pipe_rows_with_letter_spaced_header_and_an_extra_column():
    text = HEAD + "\n".join([
        "序号 | 任 务 名 称 | 指 标 要 求 | 牵 头 部 门 | 配 合 部 门 | 目 标 类 型 |",
        "1 | 招引亿元以上项目 | 新签约30个 | 区商务局 | 区发改局、各街道办事处 | A类 |",
        "2 | 新增规上工业企业 | 新增15家 | 区经信局 | 区统计局 | B类 |",
        "3 | 实际使用外资 | 增长10% | 区商务局 | 区财政局 | A类 |",
    ])
    notice = parse_text(text)
    assert [t.target for t in notice.tasks] == ["新签约30个", "新增15家", "增长10%"]
    assert notice.tasks[0].measures[0].units == ["区商务局", "区发改局", "各街道办事处"]


def test_one_cell_per_line_with_terminators_and_a_supervision_column():
    rows = [["1", "优化营商环境", "推行企业开办一日办结。", "王副区长", "区政务服务局", "区市场监管局", "全年", "季度督查"],
            ["2", "推进政务服务全程网办。", "王副区长", "区政务服务局", "区大数据中心", "每季度末", "专项督查"]]
    lines = [f"{c} |" for c in ["序号", "重点工作", "工作任务", "责任领导", "牵头单位", "责任单位", "完成时限", "监督方式"]]
    for row in rows:
        lines += [""] + [f"{c} |" for c in row]
    notice = parse_text(HEAD + "\n".join(lines) + "\n")
    assert [t.focus for t in notice.tasks] == ["优化营商环境", "优化营商环境"]
    assert [t.deadline for t in notice.tasks] == ["2026-12", "每季度末"]
    assert notice.tasks[1].measures[0].units == ["区政务服务局", "区大数据中心"]  # the leader is a person


def test_a_list_cut_off_mid_way_keeps_what_was_found_with_a_warning():
    text = HEAD + "一、优化营商环境\n1.推行企业开办一日办结。(区政务服务局)\n2.推进涉企收费目录清单公开，建立动态"
    notice = parse_text(text)
    assert [t.number for t in notice.tasks] == ["1", "2"] and notice.doc_number == "区政办发〔2026〕3号"
    assert any("不完整" in w for w in notice.warnings)


def test_progress_report_rows_without_numbers_are_numbered_in_order():
    from pathlib import Path

    from zhaoshang.notices import parse_file

    corpus = Path(__file__).parent / "corpus" / "docs"
    for path in sorted(corpus.glob("03_progress-report-unnumbered.*")):
        notice = parse_file(path)
        assert [t.number for t in notice.tasks] == ["1", "2", "3"], path.name
        assert notice.tasks[0].target == "全年新签约亿元以上项目30个", path.name
