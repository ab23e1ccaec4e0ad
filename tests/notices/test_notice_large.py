"""A 2 MB notice: realistic tasks repeated ~3000 times with distinct numbers, as a flattened web table and
as a prose list. Parsing must stay linear (no timing assert here: the time is measured by hand)."""

import pytest

from zhaoshang.notices import parse_text

COUNT = 3000
FOCUSES = ["产业生态招商", "应用场景招商", "要素储备招商"]
UNITS = ["市商务局", "市发改委", "市经信局", "市财政局", "市自然资源和规划局", "市投资促进中心"]


def _unit(k: int) -> str:
    return UNITS[k % len(UNITS)]


def _measure(k: int, index: int) -> str:
    return (f"聚焦第{k}号重点产业链第{index}环节，绘制产业链图谱，梳理上下游重点企业不少于{k % 90 + 10}家，"
            f"建立目标企业库并按月更新，组织赴长三角、珠三角开展专题招商活动不少于{index + 1}次，"
            "推动项目早签约、早落地、早投产，形成链主带动、配套跟进的产业集群发展格局。")


def _flat_notice() -> str:
    lines = ["大河市人民政府办公室关于印发《大河市2025年招商引资工作任务清单》的通知", "大政办发〔2025〕1号",
             "大河市2025年招商引资工作任务清单", "序号", "工作重点", "工作目标", "工作举措", "完成时限"]
    for k in range(1, COUNT + 1):
        lines += [str(k), FOCUSES[k % 3], f"全年招引亿元以上项目{k % 50 + 1}个，新增规上企业{k % 7 + 1}家",
                  f"1.{_measure(k, 1)}（{_unit(k)}）", f"2.{_measure(k, 2)}（{_unit(k + 1)}）", "2025", str(k % 12 + 1)]
    lines += ["大河市人民政府办公室", "2025年3月1日"]
    return "\n".join(lines)


def _prose_notice() -> str:
    lines = ["大河市人民政府办公室关于印发《大河市2025年招商引资工作任务清单》的通知", "大政办发〔2025〕1号",
             "各县（市、区）人民政府，市直各单位：", "现将《大河市2025年招商引资工作任务清单》印发给你们，请认真贯彻落实。"]
    for k in range(1, COUNT + 1):
        if k % 100 == 1:
            lines.append(f"{'一二三'[(k // 100) % 3]}、{FOCUSES[(k // 100) % 3]}")
        lines.append(f"{k}.{_measure(k, 1)}{_measure(k, 2)}（{_unit(k)}牵头，{_unit(k + 1)}配合；2025年{k % 12 + 1}月底前）")
    lines += ["大河市人民政府办公室", "2025年3月1日"]
    return "\n".join(lines)


@pytest.fixture(scope="module")
def flat():
    text = _flat_notice()
    assert len(text.encode("utf-8")) > 2_000_000
    return parse_text(text)


@pytest.fixture(scope="module")
def prose():
    text = _prose_notice()
    assert len(text.encode("utf-8")) > 2_000_000
    return parse_text(text)


def test_large_flat_table_reads_every_task(flat):
    assert flat.layout == "table"
    assert [t.number for t in flat.tasks] == [str(k) for k in range(1, COUNT + 1)]
    assert flat.warnings == []
    task = flat.tasks[1233]  # task 1234
    assert (task.focus, task.target) == ("应用场景招商", "全年招引亿元以上项目35个，新增规上企业3家")
    assert [m.text for m in task.measures] == [_measure(1234, 1), _measure(1234, 2)]
    assert [m.units for m in task.measures] == [["市自然资源和规划局"], ["市投资促进中心"]]  # 1234 % 6 == 4
    assert (task.deadline, task.warnings) == ("2025-11", [])


def test_large_prose_list_reads_every_task(prose):
    assert prose.layout == "prose"
    assert len(prose.tasks) == COUNT
    assert prose.warnings == []
    task = prose.tasks[2999]
    assert task.focus == FOCUSES[29 % 3]
    assert [m.text for m in task.measures] == [_measure(3000, 1) + _measure(3000, 2)]
    assert [m.units for m in task.measures] == [["市商务局", "市发改委"]]
    assert (task.deadline, task.warnings) == ("2025-01", [])
    assert all(len(t.measures) == 1 and t.measures[0].units and t.deadline for t in prose.tasks)
