"""The bulletin (通报) as a Word document in official style, laid out from collected BulletinData."""

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from zhaoshang.core import docx_style as style
from zhaoshang.reports.bulletin_data import BulletinData, Headline
from zhaoshang.supervision.lights import LIGHT_LABELS, Light

TITLE = "招商引资工作任务清单落实情况通报"
SECTIONS = ("一、总体情况", "二、各工作重点推进情况", "三、红灯、黄灯事项", "四、责任单位排名", "五、需协调解决的问题")
ISSUER = "招商引资工作领导小组办公室"
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


def _focuses(document, data: BulletinData) -> None:
    style.heading(document, SECTIONS[1])
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
    rows = [[f"任务{r.task_number}", f"{r.measure_ordinal}. {_short(r.measure_text, 60)}", f"{r.unit}（{r.role}）", r.reason]
            for r in items]
    style.table(document, ["任务", "工作举措", "责任单位", "原因"], rows, [16, 78, 32, 30])


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _lights(document, data: BulletinData) -> None:
    style.heading(document, SECTIONS[2])
    _light_list(document, "（一）红灯", data.red)
    _light_list(document, "（二）黄灯", data.yellow)


def _ranking(document, data: BulletinData) -> None:
    style.heading(document, SECTIONS[3])
    style.paragraph(document, "排序规则：按时报送率从高到低，其次完成进度从高到低，再次催办、退回次数从少到多；各项相同的并列。")
    rows = [[r.rank, r.unit_name, r.assignments, r.due_periods, r.on_time, r.missing, _rate(r.on_time_rate),
             f"{r.completion:g}%", r.urged, r.returned, r.light_label] for r in data.ranking]
    style.table(document, ["排名", "责任单位", "分工", "应报", "按时", "缺报", "按时报送率", "完成进度", "催办", "退回", "灯色"],
                rows, [12, 30, 12, 12, 12, 12, 15, 14, 12, 12, 13])


def _problems(document, data: BulletinData) -> None:
    style.heading(document, SECTIONS[4])
    if not data.problems:
        style.paragraph(document, "本期无需协调解决的问题。")
        return
    for index, problem in enumerate(data.problems, start=1):
        owner = f"（协调责任单位：{problem.owner}）" if problem.owner else ""
        style.paragraph(document, f"{index}. 任务{problem.task_number}，{problem.unit}反映：{_short(problem.text, 300)}{owner}")


def _signature(document, data: BulletinData) -> None:
    style.paragraph(document)
    for text in (ISSUER, _date(data.as_of)):
        style.paragraph(document, text, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)


def bulletin_docx(data: BulletinData) -> bytes:
    """The bulletin: title, period, the five sections, the issuer."""
    document = Document()
    style.setup(document)
    document.core_properties.title = f"{TITLE}（{data.period_label}）"
    style.title(document, TITLE)
    style.paragraph(document, f"（{data.period_label}）", font=style.SUBHEADING_FONT,
                    align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    style.paragraph(document)
    for section in (_overall, _focuses, _lights, _ranking, _problems, _signature):
        section(document, data)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
