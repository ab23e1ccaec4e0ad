"""Which registry counts what a notice's number counts, and whether the number recurs (pure; derive() asks).

- a recurring number ("每月/每季度/每周/每两周/每半年") is per period;
- a count of something a registry keeps: the registry whose name or ordering words the text names (科技成果转化,
  初创企业, 定向输送), else the one whose choice labels it names (孵化器 → 科技创新平台 of that kind, 线上…互通会 → 招商活动 of that kind; a column named with two values, as
  in "产业基金、并购基金", is not filtered); words attracting projects count projects unless the thing counted after
  the number is what a registry's ordering words name; a head count (名/人) sums the registry's 人数 column."""

import re
from dataclasses import dataclass

from zhaoshang.kpis.choices import Period

PERIOD_WORDS = (("每两周", Period.FORTNIGHT), ("双周", Period.FORTNIGHT), ("每周", Period.WEEK), ("单周", Period.WEEK),
                ("每月", Period.MONTH), ("每季度", Period.QUARTER), ("每季", Period.QUARTER),
                ("每半年", Period.HALF))
COUNTED_UNITS = set("个家项只名场次所座支处位件批宗人期届")
HEAD_UNITS = {"名", "人"}
HEAD_WORDS = ("人数",)
NUMBER = re.compile(r"\d")
SCOPE = re.compile(r"\d+条(?:重点)?产业链|围绕")  # "围绕13条重点产业链" names the scope, not a goal


@dataclass(frozen=True)
class Countable:
    """What a registry offers for guessing: its key, the words naming it, its choice columns, its 人数 columns."""

    key: str
    words: tuple[str, ...]
    choices: tuple[tuple[str, str, str], ...]  # (column, value, label)
    head_columns: tuple[str, ...] = ()


def countables(registries) -> list[Countable]:
    """The kit's registries (`registries.catalog.all_registries().values()`) as guessing material."""
    result = []
    for registry in registries:
        choices = []
        for name in registry.filters:
            for value, label in registry.field(name).choices or ():
                if value and len(str(label)) >= 2 and str(label) != "其他":
                    choices.append((name, str(value), str(label)))
        heads = tuple(name for name in registry.totals if any(w in registry.label(name) for w in HEAD_WORDS))
        result.append(Countable(registry.key, (registry.name, *registry.measure_words), tuple(choices), heads))
    return result


def kit_countables() -> list[Countable]:
    """Every registry of the kit as guessing material (the catalog imports the apps' models: read when asked)."""
    from zhaoshang.registries.catalog import all_registries

    return countables(all_registries().values())


def period_of(text: str) -> str:
    return next((period for word, period in PERIOD_WORDS if word in text), "")


def _names(label: str, text: str) -> int:
    """Where the text names a choice label: the label itself, or its first two characters followed later by the rest
    ("线上…互通会" names 线上互通会); -1 when it does not."""
    if label in text:
        return text.index(label)
    head, tail = label[:2], label[2:]
    if len(tail) >= 2 and head in text and tail in text[text.index(head):]:
        return text.index(head)
    return -1


def _by_choices(text: str, registry: Countable) -> tuple[int, dict[str, str]]:
    """How many of the registry's choice labels the text names, and the filter they make: each column named with one
    value; none when a column is named with two (alternatives, "孵化器或众创空间", "产业基金、并购基金": the office narrows it)."""
    found: dict[str, set[str]] = {}
    for column, value, label in registry.choices:
        if _names(label, text) >= 0:
            found.setdefault(column, set()).add(value)
    named = sum(len(values) for values in found.values())
    if any(len(values) > 1 for values in found.values()):
        return named, {}
    return named, {column: values.pop() for column, values in found.items()}


def guess_registry(text: str, unit: str, registries: list[Countable], *, projects: bool = False
                   ) -> tuple[str, dict[str, str], str]:
    """(key, filter, sum column) of the registry counting what `text` counts, ("", {}, "") for none. Words attracting
    projects (`projects`) count projects ("以基金招商引进项目3个" counts projects of that channel, not funds) unless
    what follows the number is what a registry's ordering words name ("引入3家初创企业")."""
    if unit not in COUNTED_UNITS or SCOPE.search(text):
        return "", {}, ""
    if projects:  # only the ordering words naming what is counted, after the number ("引入3家初创企业")
        number = NUMBER.search(text)
        counted = text[number.start():] if number else ""
        chosen = next((r for r in registries if any(word and word in counted for word in r.words[1:])), None)
        return (chosen.key, {}, "") if chosen else ("", {}, "")
    chosen = next((r for r in registries if any(word and word in text for word in r.words)), None)
    where = _by_choices(text, chosen)[1] if chosen else {}
    if chosen is None:
        named, where, best = max(((*_by_choices(text, r), r) for r in registries), key=lambda found: found[0],
                                 default=(0, {}, None))
        chosen = best if named else None
    if chosen is None:
        return "", {}, ""
    head = chosen.head_columns[0] if unit in HEAD_UNITS and chosen.head_columns else ""
    return chosen.key, where, head
