"""Industry chains (产业链) named by tasks whose target mentions 产业链.

Each measure headed by a short name and "。" ("1.石油化工。…") is a chain; its links come from a
quoted dash-joined string ("原油炼制-精细化工-新材料应用"), its weak links from lists named as
补链/薄弱环节. A 未来产业 task that lists industries ("聚焦固态电池、低空经济…等") gives future chains.
"""

import re

from zhaoshang.notices.model import Chain, Task

_CHAIN_WORD = "产业链"
_HEAD = re.compile(r"^([^。，,；;：:、（()）“”\s\d]{2,10})[。．.]")
_VERB_HEAD = re.compile(
    r"^(?:聚焦|实施|推进|加强|强化|建立|建设|开展|打造|深化|优化|完善|持续|加快|提升|围绕|依托|积极|做强|做大|培育|引进|"
    r"招引|组织|举办|落实|深挖|拓展|推动|健全|整合|统筹|探索|支持|鼓励|发挥|构建|形成|谋划|编制|制定|出台|成立|设立|"
    r"扩大|促进|坚持|抓好|做好|全力|大力|着力|创新|发展|服务|保障)"
)
# Words of a task headline ("精准开展产业链招商"), never of an industry's name.
_HEADLINE_WORD = re.compile(r"招商|产业链|开展|推进|实施|加强|强化|精准|大力|全力|着力|加快|建立|完善|优化|攻坚|行动")
_QUOTED = re.compile(r"[“\"「『]([^“”\"「」『』]+)[”\"」』]")
_DASH = re.compile(r"\s*[-－—–─]+\s*")
_CATEGORY = re.compile(r"^([^，,；;。]{0,6}?产业)")
_WEAK = re.compile(r"([^，,；;。：:]{0,80}?)等(?:薄弱环节|补链项目|补链企业|补链环节|缺失环节|缺链环节|短板环节|短板领域|短板)")
_WEAK_HINT = re.compile(r"等(?:薄弱|补链|缺失|缺链|短板)")
_FUTURE_LIST = re.compile(r"(?:聚焦|瞄准|布局|围绕|发展|培育)([^，,；;。：:]{0,120}?)等")
_LIST_LEAD_IN = ("针对", "重点招引", "招引", "引进", "聚焦", "围绕", "瞄准", "补齐", "填补", "加快", "布局", "发展", "培育")


def chain_category(target: str) -> str | None:
    """The target's leading phrase: "传统产业延链升级,…" → "传统产业"."""
    found = _CATEGORY.match(target.strip())
    if not found or _VERB_HEAD.match(found.group(1)) or found.group(1).startswith("各"):
        return None
    if _HEADLINE_WORD.search(found.group(1)):
        return None
    return found.group(1)


def chain_links(text: str) -> list[str]:
    """Links from the first quoted dash-joined string: “盐卤开采-基础化工-…” → ["盐卤开采", "基础化工", …]."""
    for quoted in _QUOTED.findall(text):
        parts = [p.strip() for p in _DASH.split(quoted) if p.strip()]
        if len(parts) >= 2:
            return parts
    return []


def weak_links(text: str) -> list[str]:
    """Items named as 补链/薄弱环节: "针对服装面料、针织产品等薄弱环节" → ["服装面料", "针织产品"]."""
    items: list[str] = []
    if not _WEAK_HINT.search(text):
        return items
    for found in _WEAK.finditer(text):
        items += _list_items(found.group(1))
    return list(dict.fromkeys(items))


def _list_items(text: str) -> list[str]:
    cut = 0
    for word in _LIST_LEAD_IN:
        index = text.rfind(word)
        if index >= 0:
            cut = max(cut, index + len(word))
    return [item.strip() for item in text[cut:].split("、") if item.strip()]


def chain_name(text: str) -> str | None:
    """A measure's short heading when it names a chain ("石油化工。聚焦…" → "石油化工"), else None."""
    found = _HEAD.match(text)
    if not found or _VERB_HEAD.match(found.group(1)) or _HEADLINE_WORD.search(found.group(1)):
        return None
    return found.group(1)


def extract_chains(tasks: list[Task]) -> list[Chain]:
    """Every chain named by tasks whose target mentions 产业链, in document order."""
    chains: list[Chain] = []
    for task in tasks:
        if _CHAIN_WORD not in task.target:
            continue
        category = chain_category(task.target)
        future = bool(category and "未来" in category) or "未来产业" in task.target
        named = [(chain_name(m.text), m) for m in task.measures]
        named = [(name, m) for name, m in named if name]
        for name, measure in named:
            chains.append(Chain(name, chain_links(measure.text), task.number, _lead(measure), category,
                                weak_links(measure.text), future))
        if not named and future:
            chains += _future_chains(task, category)
    return chains


def _future_chains(task: Task, category: str | None) -> list[Chain]:
    chains = []
    for measure in task.measures:
        found = _FUTURE_LIST.search(measure.text)
        if found:
            for name in _list_items(found.group(1)):
                chains.append(Chain(name, [], task.number, _lead(measure), category, [], True))
            break
    return chains


def _lead(measure) -> str | None:
    return measure.units[0] if measure.units else None
