"""The bulletin (通报) as a Word document in official style, laid out from collected BulletinData."""

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from zhaoshang.core import docx_style as style
from zhaoshang.core.formatting import clip_at_sentence
from zhaoshang.reports.bulletin_data import BulletinData, Headline
from zhaoshang.reports.letterhead import Letterhead, letterhead_for
from zhaoshang.supervision.lights import LIGHT_LABELS, Light

TITLE = "招商引资工作任务清单落实情况通报"
SECTIONS = ("一、总体情况", "二、目标指标完成情况", "三、各工作重点推进情况", "四、红灯、黄灯事项", "五、责任单位排名",
            "六、需协调解决的问题")
LIGHTS_SHOWN = (Light.GREEN, Light.BLUE, Light.YELLOW, Light.RED, Light.GREY)


def _date(day) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _rate(value: float | None) -> str:
    return "—" if value is None else f"{value:g}%"


def _lights_text(counts: dict[str, int]) -> str:
    return "、".join(f"{LIGHT_LABELS[light]}{counts[light.value]}项" for light in LIGHTS_SHOWN)


def _overall(document, data: BulletinData) -> None:
    h: Headline = data.headline
    style.heading(document, SECTIONS[0])
    style.paragraph(document, (
        f"截至{_date(data.as_of)}，《{data.plan_title}》共有工作任务{h.tasks}项、工作举措{h.measures}条，"
        f"分解为责任分工{h.assignments}项，涉及责任单位{h.units}个。"
        f"按任务计（以牵头单位进展为准）：{_lights_text(h.task_lights)}；"
        f"按责任分工计：{_lights_text(h.lights)}，已完成{h.done}项。"))
    style.paragraph(document, (
        f"各责任单位累计应报送进展{h.due_periods}期次，按时报送{h.on_time}期次，按时报送率{_rate(h.on_time_rate)}；"
        f"累计催办{h.urged}次，退回报告{h.returned}次；尚有{h.open_problems}个问题待协调解决。"))


def _targets(document, data: BulletinData) -> None:
    """Every indicator as the indicator pages show it on the bulletin's date; the chains' and channels' parts."""
    t = data.targets
    style.heading(document, SECTIONS[1])
    if not t.rows:
        style.paragraph(document, "本任务清单尚未设置目标指标。")
        return
    style.paragraph(document, (
        f"截至{_date(data.as_of)}，共有目标指标{t.total}项，已达到目标{t.met}项；{_lights_text(t.lights)}。"
        + (f"尚未引进计划总投资1亿元以上项目的产业链：{'、'.join(t.chains_lacking_yi)}。" if t.chains_lacking_yi else "")))
    style.subheading(document, "（一）各项目标指标")
    _target_table(document, t.rows, first="任务")
    if t.chains:
        style.subheading(document, "（二）分产业链")
        _target_table(document, t.chains, first="产业链")
    if t.channels:
        style.subheading(document, f"（{'三' if t.chains else '二'}）分招引渠道")
        _target_table(document, t.channels, first="渠道")
    style.paragraph(document, "注：完成值、序时进度与指标总览页面按同一口径计算（截至通报日期）；序时进度为按时间进度应完成的数量，"
                              "项目、活动等计数取整数；增长类指标以同比增减幅度表述。")


def _target_table(document, rows, *, first: str) -> None:
    """One line per indicator (parts indented under theirs); the chain and channel tables name the part only."""
    figures = [[row.goal, row.actual, row.expected, row.completion, row.light_label] for row in rows]
    if first == "任务":
        names = [["" if row.is_part else row.tasks, f"　└ {row.text}" if row.is_part else row.text] for row in rows]
        style.table(document, ["任务", "指标", "目标", "完成", "序时进度", "完成率", "灯色"],
                    [name + values for name, values in zip(names, figures)], [16, 56, 20, 20, 18, 22, 12])
    else:
        style.table(document, [first, "目标", "完成", "序时进度", "完成率", "灯色"],
                    [[row.text] + values for row, values in zip(rows, figures)], [56, 24, 24, 18, 30, 12])


def _focuses(document, data: BulletinData) -> None:
    style.heading(document, SECTIONS[2])
    rows = []
    for focus in data.focuses:
        numbers = "、".join(focus.task_numbers)
        lights = focus.task_lights
        rows.append([focus.name, f"{len(focus.task_numbers)}（{numbers}）", focus.assignments, lights["red"],
                     lights["yellow"], lights["blue"], lights["green"], lights["grey"], f"{focus.completion:g}%"])
    if not rows:
        style.paragraph(document, "暂无工作重点。")
        return
    style.table(document, ["工作重点", "任务（序号）", "责任分工", "红灯", "黄灯", "蓝灯", "绿灯", "灰灯", "平均进度"],
                rows, [28, 36, 14, 12, 12, 12, 12, 12, 18])
    style.paragraph(document, "注：任务灯色取牵头单位责任分工灯色中最差者；平均进度为各责任分工最近报送完成进度的平均值。")


def _light_list(document, label: str, items) -> None:
    style.subheading(document, f"{label}事项（{len(items)}项）")
    if not items:
        style.paragraph(document, f"无{label}事项。")
        return
    rows = [[r.task_name or f"任务{r.task_number}", f"{r.measure_ordinal}. {clip_at_sentence(r.measure_text, 80)}", f"{r.unit}（{r.role}）", r.reason]
            for r in items]
    style.table(document, ["任务", "工作举措", "责任单位", "原因"], rows, [16, 78, 32, 30])


def _lights(document, data: BulletinData) -> None:
    style.heading(document, SECTIONS[3])
    _light_list(document, "（一）红灯", data.red)
    _light_list(document, "（二）黄灯", data.yellow)


def _ranking(document, data: BulletinData) -> None:
    style.heading(document, SECTIONS[4])
    style.paragraph(document, "排序规则：按时报送率从高到低，其次完成进度从高到低，再次催办、退回次数从少到多；各项相同的并列。")
    rows = [[r.rank, r.unit_name, r.assignments, r.due_periods, r.on_time, r.missing, _rate(r.on_time_rate),
             f"{r.completion:g}%", r.urged, r.returned, r.light_label] for r in data.ranking]
    style.table(document, ["排名", "责任单位", "分工", "应报", "按时", "缺报", "按时报送率", "完成进度", "催办", "退回", "灯色"],
                rows, [12, 30, 12, 12, 12, 12, 15, 14, 12, 12, 13])


def _problems(document, data: BulletinData) -> None:
    style.heading(document, SECTIONS[5])
    if not data.problems:
        style.paragraph(document, "本期无需协调解决的问题。")
        return
    for index, problem in enumerate(data.problems, start=1):
        owner = f"（协调责任单位：{problem.owner}）" if problem.owner else ""
        style.paragraph(document, f"{index}. {problem.task_name or f'任务{problem.task_number}'}，{problem.unit}反映：{clip_at_sentence(problem.text, 300)}{owner}")


def _signature(document, head: Letterhead, data: BulletinData) -> None:
    style.paragraph(document)
    for text in (head.issuer, _date(data.as_of)):
        style.paragraph(document, text, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)


def bulletin_docx(data: BulletinData) -> bytes:
    """The bulletin under GB/T 9704: the office's red header with 文号 and 期号, title, period, 主送, the six sections,
    the issuer and date, the colophon (抄送, 印发); page numbers and document properties from the house style."""
    head = letterhead_for(year=data.as_of.year, seq=data.issue_seq, issue=True)
    document = Document()
    style.setup(document, title=f"{TITLE}（{data.period_label}）", author=head.issuer)
    style.letterhead(document, mark=head.mark, number=head.number, red=head.red)
    style.title(document, TITLE)
    style.paragraph(document, f"（{data.period_label}）", font=style.SUBHEADING_FONT,
                    align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    style.paragraph(document)
    style.recipients(document, head.main_to)
    for section in (_overall, _targets, _focuses, _lights, _ranking, _problems):
        section(document, data)
    _signature(document, head, data)
    style.colophon(document, copy_to=head.copy_to, issuer=head.issuer, issued_on=data.as_of)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
