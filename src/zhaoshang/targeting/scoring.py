"""How well a directory enterprise fits a chain's link (招商靶向), in points with the reasons in words.

Pure Python (jieba, no Django): `terms_for` turns a chain and a link into the words to look for, `firm_score` scores
one enterprise against them. The weights, each with its reason:

| what | points |
| --- | --- |
| 经营范围 names the link's full name | +8 |
| 经营范围 names another word of the link (its jieba words, or a synonym from `SYNONYMS`) | +3 each, at most +6 |
| (经营范围 in all, capped at) | 9 |
| the enterprise's name names a word of the link | +4 |
| 所属行业 names a word of the link | +2 |
| a word of the chain (not of the link) in 经营范围, name or 所属行业 | +1 |
| 行业代码 under one of the chain's code prefixes (`CODE_PREFIXES`, 国民经济行业分类) | +2 |
| the directory already files the firm under this link / only under this chain | +2 / +1 |
| listed | +1 |
| central or local SOE | +1 |
| registered capital ≥ 5亿元 / ≥ 1亿元 | +2 / +1 |
| existing ties (a 楚商 who founded it or referred it) | +3 |

Words are matched as substrings of the enterprise's texts; a word inside a longer word already matched (氢氟酸 inside
电子级氢氟酸) does not count twice. The tables are industry vocabulary, never a place's name."""

import logging
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

import jieba

jieba.setLogLevel(logging.WARNING)

PHRASE_POINTS, WORD_POINTS, WORDS_CAP, SCOPE_CAP = 8, 3, 6, 9  # the full name outranks any pieces of it
NAME_POINTS, INDUSTRY_POINTS, CHAIN_WORD_POINTS, CODE_POINTS = 4, 2, 1, 2
FILED_LINK_POINTS, FILED_CHAIN_POINTS = 2, 1
LISTED_POINTS, SOE_POINTS, TIE_POINTS = 1, 1, 3
CAPITAL_BANDS = ((Decimal("50000"), 2, "注册资本5亿元以上"), (Decimal("10000"), 1, "注册资本1亿元以上"))  # 万元
MAX_POINTS = SCOPE_CAP + NAME_POINTS + INDUSTRY_POINTS + CHAIN_WORD_POINTS + CODE_POINTS + FILED_LINK_POINTS + \
    LISTED_POINTS + SOE_POINTS + CAPITAL_BANDS[0][1] + TIE_POINTS
OWNERSHIP_REASONS = {"central_soe": "央企", "local_soe": "国企"}

# words too general to point at a link on their own (they still count inside a link's full name)
GENERIC = frozenset("""产业 产业链 行业 领域 环节 生产 制造 加工 深加工 精深 应用 研发 设计 智能 智慧 高端 综合 利用 开采 运营 产品
服务 品牌 终端 消费 种植 养殖 开发 新型 技术 科技 信息 材料 电子 工业 基础 配套 项目 集聚 协同 创新 引领 龙头 关键 核心 部件
其他 相关 全链条 延链 补链 建设 发展 体系 中心 基地 园区 示范 推广 营销 销售 贸易 物流 研究 器件 模组""".split())

# a word of a chain or link (key, matched as a substring) → more words firms use for the same thing
SYNONYMS: dict[str, tuple[str, ...]] = {
    "氢氟酸": ("电子级", "湿电子化学品", "氟化工"),
    "电子化学品": ("湿电子化学品", "电子级", "光刻胶", "电子特气", "半导体材料"),
    "电子特气": ("特种气体", "高纯气体"),
    "光刻胶": ("光致抗蚀剂", "光刻材料"),
    "双氧水": ("过氧化氢",),
    "原油炼制": ("炼油", "炼化", "石油化工"),
    "精细化工": ("精细化学品", "助剂", "中间体", "特种化学品"),
    "新材料": ("高分子材料", "改性材料", "复合材料", "功能材料"),
    "聚烯烃": ("聚乙烯", "聚丙烯"),
    "特种橡胶": ("合成橡胶", "橡胶制品"),
    "氯碱": ("烧碱", "液氯", "聚氯乙烯"),
    "盐卤": ("卤水", "岩盐", "盐矿"),
    "基础化工": ("化学原料", "无机化工", "有机化工"),
    "循环利用": ("资源综合利用", "再生资源", "固废处置"),
    "服装面料": ("面料", "纺织面料", "织物"),
    "针织": ("针织品", "针织面料", "针织服装"),
    "商务男装": ("男装", "西服", "衬衫"),
    "纺织": ("纺纱", "织造", "印染"),
    "服装": ("服饰", "成衣"),
    "铝": ("铝合金", "铝型材", "铝板带", "铝箔", "再生铝"),
    "智能家居": ("智能家电", "全屋智能", "智能门锁"),
    "智能传感器": ("传感器", "MEMS"),
    "物联网": ("物联网模块", "智能控制器"),
    "节能门窗": ("门窗", "幕墙"),
    "光通信": ("光模块", "光器件", "光纤", "光通信器件"),
    "光学镜头": ("光学元件", "镜头模组"),
    "显示模组": ("显示面板", "液晶模组", "OLED"),
    "光电": ("光电子", "激光器", "光电器件"),
    "医药中间体": ("原料药", "医药中间体"),
    "诊断试剂": ("体外诊断", "IVD", "检测试剂"),
    "医用敷料": ("敷料", "医用耗材"),
    "医疗器械": ("医用器械", "医疗设备"),
    "中药材": ("中药饮片", "中药"),
    "小龙虾": ("龙虾", "水产品", "虾仁"),
    "冷链物流": ("冷链", "冷藏", "冷库"),
    "甲壳素": ("壳聚糖", "氨基葡萄糖"),
    "包装材料": ("包装", "纸箱", "软包装"),
    "速冻": ("速冻食品", "冷冻食品"),
    "休闲零食": ("休闲食品", "零食"),
    "功能性食品": ("保健食品", "营养食品"),
    "固态电池": ("锂电池", "电芯", "储能电池", "锂离子电池"),
    "钠电池": ("钠离子电池", "正极材料"),
    "氢能": ("氢燃料电池", "制氢", "储氢"),
    "低空经济": ("无人机", "通用航空", "eVTOL"),
    "机器人": ("工业机器人", "服务机器人", "减速器", "伺服电机"),
    "数控机床": ("机床", "加工中心"),
    "电商": ("电子商务", "直播电商"),
    "云仓": ("仓储", "智能仓储"),
}

# a word of a chain → 国民经济行业分类 (GB/T 4754) code prefixes of its firms
CODE_PREFIXES: dict[str, tuple[str, ...]] = {
    "石油": ("C25", "C26"), "石化": ("C25", "C26"), "化工": ("C26",), "化学品": ("C26",), "盐": ("C26", "B10"),
    "纺织": ("C17",), "服装": ("C18",), "服饰": ("C18",), "铝": ("C32", "C33"), "有色": ("C32",),
    "家居": ("C21", "C385", "C30"), "装备": ("C34", "C35"), "机械": ("C34", "C35"), "光电": ("C39", "C40"),
    "电子": ("C39",), "光学": ("C404", "C39"), "医药": ("C27",), "医疗": ("C358", "C27"), "健康": ("C27", "C358"),
    "食品": ("C13", "C14", "C15"), "龙虾": ("C13", "A04"), "农产品": ("C13", "A0"), "电池": ("C384",),
    "新能源": ("C38", "D44"), "储能": ("C384",), "能源": ("D44", "D45", "C25"), "汽车": ("C36",),
    "机器人": ("C349", "C391"), "低空": ("C374",), "物流": ("G5", "G59"), "数字": ("I6", "I65"), "软件": ("I65",),
}


@dataclass(frozen=True)
class Terms:
    """What to look for in an enterprise for one link of a chain (or for the chain when it has no links)."""

    chain_name: str
    link_name: str  # the link's name; the chain's when it has no links
    weak: bool
    phrase: str  # the link's full name
    link_words: tuple[str, ...]  # longest first: the phrase, its words, their synonyms
    chain_words: tuple[str, ...]
    code_prefixes: tuple[str, ...]

    @property
    def prefilter_words(self) -> tuple[str, ...]:
        """The words whose presence in a firm's scope, name or industry makes it worth scoring."""
        return self.link_words


@dataclass(frozen=True)
class Firm:
    """The facts about an enterprise that scoring reads."""

    name: str
    business_scope: str = ""
    industry: str = ""
    industry_code: str = ""
    is_listed: bool = False
    ownership: str = ""
    registered_capital_wan: Decimal | None = None
    filed_under: str = ""  # "link": the directory files it under this link; "chain": only under this chain
    ties: tuple[str, ...] = ()  # in words: "楚商张某创办"


@dataclass(frozen=True)
class Score:
    points: int
    reasons: tuple[str, ...]


@cache
def _words(text: str) -> tuple[str, ...]:
    """The jieba words of a name worth looking for (two characters or more, not generic)."""
    return tuple(w for w in jieba.lcut(text) if len(w) >= 2 and w not in GENERIC)


def _synonyms(text: str) -> list[str]:
    return [word for key, words in SYNONYMS.items() if key in text for word in words]


def _ordered(words) -> tuple[str, ...]:
    """Distinct words, longest first (so a longer match is found before the words inside it)."""
    return tuple(sorted(dict.fromkeys(w for w in words if w), key=lambda w: (-len(w), w)))


def terms_for(*, chain_name: str, link_name: str | None = None, weak: bool = False) -> Terms:
    """The words of a link (its name, its words, their synonyms) and of its chain."""
    chain_name = chain_name.strip()
    phrase = (link_name or chain_name).strip()
    link_words = _ordered([phrase, *_words(phrase), *_synonyms(phrase)])
    chain_words = _ordered(w for w in [*_words(chain_name), *_synonyms(chain_name)] if w not in link_words)
    prefixes = tuple(dict.fromkeys(p for key, codes in CODE_PREFIXES.items() if key in chain_name or key in phrase
                                   for p in codes))
    return Terms(chain_name, phrase, weak, phrase, link_words, chain_words, prefixes)


def _found(words: tuple[str, ...], text: str) -> list[str]:
    """The words found in `text`, longest first, leaving out those inside a longer word found."""
    found: list[str] = []
    if not text:
        return found
    text = text.casefold()  # OLED, MEMS: the database's prefilter ignores case too
    for word in words:
        if word.casefold() in text and not any(word in longer for longer in found):
            found.append(word)
    return found


def _quoted(words: list[str], limit: int = 3) -> str:
    return "、".join(f"“{w}”" for w in words[:limit]) + ("等" if len(words) > limit else "")


def firm_score(firm: Firm, terms: Terms) -> Score:
    """The firm's points for the link and why, in Chinese words; 0 points means no reason to look at it."""
    points, reasons = 0, []
    where = f"{'补链环节' if terms.weak else '环节'}“{terms.link_name}”"
    in_scope = _found(terms.link_words, firm.business_scope)
    if in_scope:
        words = min(WORD_POINTS * sum(1 for w in in_scope if w != terms.phrase), WORDS_CAP)
        points += min((PHRASE_POINTS if terms.phrase in in_scope else 0) + words, SCOPE_CAP)
        reasons.append(f"经营范围含{_quoted(in_scope)}（{where}）")
    in_name = _found(terms.link_words, firm.name)
    if in_name:
        points += NAME_POINTS
        reasons.append(f"企业名称含{_quoted(in_name, 2)}")
    in_industry = _found(terms.link_words, firm.industry)
    if in_industry:
        points += INDUSTRY_POINTS
        reasons.append(f"所属行业“{firm.industry}”对口{where}")
    chain_found = _found(terms.chain_words, " ".join((firm.business_scope, firm.name, firm.industry)))
    if chain_found:
        points += CHAIN_WORD_POINTS
        reasons.append(f"涉及{terms.chain_name}产业链（{_quoted(chain_found, 2)}）")
    code = firm.industry_code.strip().upper()
    if code and any(code.startswith(prefix) for prefix in terms.code_prefixes):
        points += CODE_POINTS
        reasons.append(f"行业代码{code}属{terms.chain_name}产业链")
    if firm.filed_under == "link":
        points += FILED_LINK_POINTS
        reasons.append(f"企业名录已归入{where}")
    elif firm.filed_under == "chain":
        points += FILED_CHAIN_POINTS
        reasons.append(f"企业名录已归入{terms.chain_name}产业链")
    if firm.is_listed:
        points += LISTED_POINTS
        reasons.append("上市企业")
    if firm.ownership in OWNERSHIP_REASONS:
        points += SOE_POINTS
        reasons.append(OWNERSHIP_REASONS[firm.ownership])
    if firm.registered_capital_wan is not None:
        band = next((b for b in CAPITAL_BANDS if firm.registered_capital_wan >= b[0]), None)
        if band:
            points += band[1]
            reasons.append(band[2])
    if firm.ties:
        points += TIE_POINTS
        reasons.extend(firm.ties[:2])
    return Score(points, tuple(reasons))

