"""Header extraction (title, issuer, 文号, date) and chain extraction rules."""

import datetime

import pytest

from zhaoshang.notices.chains import chain_category, chain_links, chain_name, extract_chains, weak_links
from zhaoshang.notices.header import extract_header, parse_date, parse_doc_number
from zhaoshang.notices.model import Measure, Task


@pytest.mark.parametrize("text", [
    "潜政办发〔2025〕11号", "潜政办发[2025]11号", "潜政办发【2025】11号", "潜政办发（2025）11号",
    "潜政办发(2025)11号", "潜政办发［2025］11号", "文  号:潜政办发〔2025〕11号", "关于转发潜政办发〔2025〕11号文件",
])
def test_doc_number_variants(text):
    assert parse_doc_number(text) == "潜政办发〔2025〕11号"


def test_doc_number_absent():
    assert parse_doc_number("文  号:无") is None


@pytest.mark.parametrize("text, date", [
    ("2025年6月19日", datetime.date(2025, 6, 19)),
    ("发文日期: 2025年06月19日 08:45:00", datetime.date(2025, 6, 19)),
    ("2025-06-19", datetime.date(2025, 6, 19)),
    ("二〇二五年六月十九日", datetime.date(2025, 6, 19)),
    ("二〇二五年十二月三十一日", datetime.date(2025, 12, 31)),
])
def test_dates(text, date):
    assert parse_date(text) == date


def test_printed_notice_title_issuer_and_metadata():
    header = extract_header([
        "索 引 号: 011396186/2025-27499 发布机构: 市招商服务中心 发文日期: 2025年06月19日 08:45:00 "
        "文  号:潜政办发〔2025〕11号 文  号:无 发布日期: 2025年06月20日 16:00:00",
        "市人民政府办公室",
        "关于印发《创新务实推进新发展阶段招商引资",
        "工作任务清单》的通知",
        "2025年6月19日",
    ])
    assert header.title == "创新务实推进新发展阶段招商引资工作任务清单"
    assert header.notice_title == "市人民政府办公室关于印发《创新务实推进新发展阶段招商引资工作任务清单》的通知"
    assert header.issuer == "市人民政府办公室"
    assert header.publisher == "市招商服务中心"
    assert header.doc_number == "潜政办发〔2025〕11号"
    assert header.date == datetime.date(2025, 6, 19)  # 发文日期, not 发布日期


def test_signature_date_when_no_metadata():
    header = extract_header(["丰城市人民政府办公室关于印发《丰城市招商引资任务清单》的通知", "丰城市人民政府办公室", "2025年1月8日"])
    assert header.date == datetime.date(2025, 1, 8)
    assert header.issuer == "丰城市人民政府办公室"


def test_plain_list_title_and_signature_after_the_list():
    header = extract_header(["丰城市2025年招商引资工作任务清单"], ["丰城市商务局", "2025年2月1日"])
    assert header.title == header.notice_title == "丰城市2025年招商引资工作任务清单"
    assert header.issuer == "丰城市商务局"
    assert header.date == datetime.date(2025, 2, 1)


def test_publish_date_is_the_last_resort():
    header = extract_header(["丰城市2025年招商引资工作任务清单", "发布日期：2025-03-04"])
    assert header.date == datetime.date(2025, 3, 4)


# -- chains -----------------------------------------------------------------------------------------
def test_chain_parts():
    assert chain_name("石油化工。聚焦“减油增化”延链方向") == "石油化工"
    assert chain_name("聚焦生产性服务业提质。重点发展电商服务") is None  # a verb, not a chain name
    assert chain_links("打造“原油炼制-精细化工-新材料应用”的绿色化工产业链") == ["原油炼制", "精细化工", "新材料应用"]
    assert chain_links("聚焦“减油增化”延链方向，打造“原油炼制—精细化工”产业链") == ["原油炼制", "精细化工"]
    assert chain_links("打造中部地区光电材料聚集区") == []
    assert weak_links("针对服装面料、针织产品、高端商务男装等薄弱环节开展专项补链行动") == ["服装面料", "针织产品", "高端商务男装"]
    assert weak_links("聚焦创新药研发等领域,重点招引医药中间体、诊断试剂、医用敷料等补链项目;") == ["医药中间体", "诊断试剂", "医用敷料"]
    assert weak_links("招引延链补链项目") == []
    assert chain_category("传统产业延链升级,各产业链2025年招引亿元以上项目1") == "传统产业"
    assert chain_category("2025年通过平台招引3个以上产业项目") is None


def _task(number, target, *measures):
    return Task(number=number, target=target, measures=[Measure(text, units) for text, units in measures])


def test_chains_only_from_tasks_whose_target_names_chains():
    tasks = [
        _task("1", "新兴产业锻粗壮骨,各产业链2025年招引亿元以上项目1",
              ("光电材料。重点招引光通信器件、新型显示模组等补链项目。", ["市招商服务中心"])),
        _task("7", "确保2025年招引生产性服务业、生活性服务业项目各1",
              ("聚焦生产性服务业提质。重点发展电商服务。", ["市发改委"]),
              ("文旅融合。打造“线上-线下”闭环。", ["市文化旅游局"])),
    ]
    chains = extract_chains(tasks)
    assert [(c.name, c.task, c.lead_unit, c.category, c.weak_links, c.future) for c in chains] == [
        ("光电材料", "1", "市招商服务中心", "新兴产业", ["光通信器件", "新型显示模组"], False)]


def test_future_industries_listed_in_one_measure():
    task = _task("4", "未来产业前瞻布局,各产业链2025年招引亿元以上项目1",
                 ("聚焦固态电池、低空经济、氢能源、人型机器人等战略性新兴领域,推动形成“研发-制造-应用”的完整产业链。",
                  ["市发改委", "市经信局"]))
    chains = extract_chains([task])
    assert [c.name for c in chains] == ["固态电池", "低空经济", "氢能源", "人型机器人"]
    assert all(c.future and c.links == [] and c.lead_unit == "市发改委" and c.task == "4" for c in chains)
