"""Indicators: the numbers a target commits to ("2025年招引产业项目10个以上" → 10 个, >=, 2025).

Rules: comparator from 以上/不少于/达到/确保/至少/超过 (">="), 以内/不超过 ("<="), 增长…% ("growth"),
default ">="; year from "2025年" in the clause, else the nearest earlier year in the target;
per "chain" for 各产业链, "each" for "…项目各1" (with the named items); a money threshold that
qualifies what is counted becomes min_amount of the count; numbers in quotes are names.
"""

import bisect
import re
from dataclasses import dataclass

from zhaoshang.notices.model import Indicator
from zhaoshang.notices.ordinals import to_int

MEASURE_WORDS = (
    "个工作日", "工作日", "个月", "个小时", "小时", "天", "亿美元", "万美元", "美元", "亿元", "万元", "千元", "元", "万平方米", "平方米", "万吨", "吨", "万人次", "人次", "万人", "万户", "个", "家", "只",
    "名", "项", "场", "次", "所", "座", "条", "人", "户", "期", "套", "台", "亩", "栋", "届", "批", "支", "处", "位", "件",
    "篇", "%", "％", "倍", "千瓦", "兆瓦", "万千瓦", "公里", "千米", "米", "部", "款", "类", "种", "间", "张", "本", "辆",
)
MONEY = ("亿元", "万元", "千元", "元", "亿美元", "万美元", "美元")
_DURATIONS = ("个工作日", "工作日", "个月", "个小时", "小时", "天")
_CN_COUNT_WORDS = "个家项只名场次所座支处位件"  # not 条: "两条产业链" names scope
_UNIT_ALT = "|".join(re.escape(w) for w in sorted(MEASURE_WORDS, key=len, reverse=True))
_QUANTITY = re.compile(rf"(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>{_UNIT_ALT})?")
_CN_QUANTITY = re.compile(rf"(?<![第每周星])(?P<num>[一二两三四五六七八九十]{{1,3}})(?P<unit>[{_CN_COUNT_WORDS}])(?![性龙])")
_BARE_MONEY = re.compile(r"(?<![\d.一二三四五六七八九十百千万])(?P<unit>亿元|万元)(?=以上|及以上)")
_YEAR = re.compile(r"(20\d{2})\s*年")
_QUOTED = re.compile(r"“[^“”]*”|\"[^\"\n]*\"|《[^《》]*》|‘[^‘’]*’|「[^「」]*」|『[^『』]*』|＂[^＂]*＂")
_SENTENCE = re.compile(r"[^。；;！!？?]+[。；;！!？?]?")
_ENUMERATOR = re.compile(r"^[一二三四五六七八九十]{1,2}是\s*[，,：:]?")  # "一是" opening a listed item
_CLAUSE_BREAK = re.compile(r"[，,；;。！!？?\n]")
_GROWTH = re.compile(r"(?:增长|提高|提升|增加|增幅|增速|上升)")
_DECLINE = re.compile(r"(?:下降|降低|减少)")
_AT_MOST_BEFORE = re.compile(r"(?:不超过|不高于|控制在|低于|少于|不大于|压缩至|压缩到|压减至|缩短至|缩短到|降至|降到|减少至)$")
_AT_MOST_AFTER = re.compile(r"^[\u4e00-\u9fff]{0,4}?(?:以内|以下|之内)")
_AT_LEAST_END = re.compile(r"(?:不少于|不低于)$")
_EACH = re.compile(r"各\s*$")
_PER_CHAIN = re.compile(r"(?:各|每个|每条)(?:重点)?产业链")
_ITEM_NOUNS = re.compile(r"(?:产业项目|类项目|项目|企业|平台|基金|活动)$")
_THRESHOLD = re.compile(r"(?:\d+(?:\.\d+)?)?(?:亿元|万元)(?:及)?以上的?")
_SCOPE = re.compile(r"[一二两三四五六七八九十\d]+[条个类大项](?:产业链|产业|领域|行业|板块)?$")
_LEAD_IN_VERBS = ("招引", "引进", "引入", "建成", "成立", "新增", "实现", "完成", "培育", "打造", "建设", "设立", "举办",
                  "落地", "签约", "开工", "投产", "争取", "储备", "谋划", "确保", "力争", "推动", "新建", "组建")


@dataclass
class _Quantity:
    value: int | float
    unit: str
    start: int
    end: int
    kind: str  # count / money / percent
    min_amount: dict | None = None


def mask_quotes(text: str) -> str:
    """The text with every quoted or bracketed name blanked out, same length ("“6411”" → "“＿＿＿＿”")."""
    return _QUOTED.sub(lambda m: m.group(0)[0] + "＿" * (len(m.group(0)) - 2) + m.group(0)[-1], text)


def _number(raw: str) -> int | float:
    value = float(raw) if "." in raw else int(raw)
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _quantities(masked: str, start: int, end: int) -> list[_Quantity]:
    found = []
    clause = masked[start:end]
    for match in _QUANTITY.finditer(clause):
        unit, raw = match.group("unit"), match.group("num")
        tail = clause[match.end("num"):]
        if len(raw) == 4 and tail.lstrip().startswith("年") or tail.startswith(("月", "日", "季度", "+", "＋")):
            continue
        if not unit:
            if clause[match.end():].strip(" 　）)") == "" and not clause[:match.start()].endswith("第"):  # "项目1": the measure word was lost
                unit = "个"
            else:
                continue
        if unit in _DURATIONS and clause[match.end():].startswith(("内", "之内")):
            continue  # "3个月内开工": a time window qualifying the target, not a target
        unit = "%" if unit == "％" else unit
        kind = "money" if unit in MONEY else "percent" if unit == "%" else "count"
        found.append(_Quantity(_number(raw), unit, start + match.start(), start + match.end(), kind))
    for match in _CN_QUANTITY.finditer(clause):
        value = to_int(match.group("num"))
        if value:
            found.append(_Quantity(value, match.group("unit"), start + match.start(), start + match.end(), "count"))
    for match in _BARE_MONEY.finditer(clause):  # "亿元以上" with no digit means 1亿元
        found.append(_Quantity(1, match.group("unit"), start + match.start(), start + match.end(), "money"))
    return sorted(found, key=lambda q: q.start)


def extract_indicators(target: str) -> list[Indicator]:
    """Every indicator of one target text, in order."""
    if not target:
        return []
    masked = mask_quotes(target)
    years = [(m.start(), int(m.group(1))) for m in _YEAR.finditer(masked)]  # found once: targets can be long
    indicators: list[Indicator] = []
    start = 0
    for brk in [*(m.start() for m in _CLAUSE_BREAK.finditer(masked)), len(masked)]:
        if brk > start:
            indicators += _clause_indicators(target, masked, start, brk, years)
        start = brk + 1
    return indicators


def _clause_indicators(target: str, masked: str, start: int, end: int, years: list) -> list[Indicator]:
    quantities = _quantities(masked, start, end)
    counted = []
    for index, qty in enumerate(quantities):
        later = [q for q in quantities[index + 1:] if q.kind == "count" and "、" not in masked[qty.end:q.start]]
        if qty.kind == "money" and later:
            later[0].min_amount = {"value": qty.value, "unit": qty.unit}
            continue
        counted.append(qty)
    result = []
    part_start = start
    for index, qty in enumerate(counted):
        if index:
            between = masked.rfind("、", counted[index - 1].end, qty.start)
            part_start = between + 1 if between >= 0 else part_start
        part_end = end
        if index + 1 < len(counted):
            nxt = masked.rfind("、", qty.end, counted[index + 1].start)
            part_end = nxt if nxt >= 0 else end
        result.append(_indicator(target, masked, qty, (part_start, part_end, start), years))
    return result


def _indicator(target: str, masked: str, qty: _Quantity, span: tuple[int, int, int], years: list) -> Indicator:
    part_start, part_end, clause_start = span
    before = masked[part_start:qty.start]
    after = masked[qty.end:part_end]
    text = target[part_start:part_end].strip(" 　、")
    indicator = Indicator(text=text, value=qty.value, unit=qty.unit, comparator=_comparator(qty, before, after))
    indicator.year = _year(years, part_start, part_end)
    indicator.min_amount = qty.min_amount
    clause_before = masked[clause_start:qty.start]
    if _EACH.search(before):
        indicator.per, indicator.items = "each", _each_items(target[part_start:qty.start])
    elif _PER_CHAIN.search(clause_before):
        indicator.per = "chain"
    return indicator


def _comparator(qty: _Quantity, before: str, after: str) -> str:
    if qty.kind == "percent" and _GROWTH.search(before):
        return "growth"
    if qty.kind == "percent" and _DECLINE.search(before):
        return "decline"
    if _AT_LEAST_END.search(before.strip()):
        return ">="
    if qty.unit in ("位", "名") and before.rstrip().endswith("前"):
        return "<="  # 进入全省前10位: a rank
    if _AT_MOST_AFTER.match(after.strip()) or _AT_MOST_BEFORE.search(before.strip()):
        return "<="
    return ">="


def _year(years: list[tuple[int, int]], part_start: int, part_end: int) -> int | None:
    """The first year written in the part, else the nearest one before it (years: (position, year))."""
    at = bisect.bisect_left(years, (part_start, 0))
    if at < len(years) and years[at][0] < part_end:
        return years[at][1]
    return years[at - 1][1] if at else None


def _each_items(text: str) -> list[str]:
    """"确保2025年招引生产性服务业、生活性服务业项目各" → ["生产性服务业", "生活性服务业"]."""
    text = _EACH.sub("", text).strip()
    text = _ITEM_NOUNS.sub("", _THRESHOLD.sub("", text))
    text = _SCOPE.sub("", text)
    items = [i.strip() for i in re.split(r"[、/和及]", text) if i.strip()]
    if items:
        items[0] = strip_lead_in(items[0])
    return [i for i in items if i]


def target_from_text(text: str) -> str:
    """A target for a task stated only as prose: its headline sentence plus every sentence stating a number."""
    sentences = [s.strip() for s in _SENTENCE.findall(text) if s.strip()]
    if not sentences:
        return text.strip()
    chosen = [sentences[0]] + [_ENUMERATOR.sub("", s) for s in sentences[1:] if extract_indicators(s)]
    return "".join(chosen).rstrip("。；;")


def number_sentences(text: str) -> list[str]:
    """The sentences of a text that state a number ("全年举办推介会不少于6场。"), end punctuation dropped."""
    sentences = (s.strip().rstrip("。；;！!？?") for s in _SENTENCE.findall(text))
    return [s for s in sentences if s and extract_indicators(s)]


def strip_lead_in(text: str) -> str:
    """Drop what precedes a list's first item: "确保2025年招引数字经济" → "数字经济"."""
    cut = 0
    for verb in _LEAD_IN_VERBS:
        index = text.rfind(verb)
        if index >= 0:
            cut = max(cut, index + len(verb))
    year = list(_YEAR.finditer(text))
    if year:
        cut = max(cut, year[-1].end())
    return text[cut:].strip(" ，,：:")
