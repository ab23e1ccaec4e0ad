"""Pure helpers for unit names: normalising, guessing a kind from a name."""

import re
import unicodedata

from zhaoshang.accounts.choices import UnitKind

_SPACES = re.compile(r"\s+")


def normalize_name(name: str) -> str:
    """Width-folded, space-free form used to compare unit names."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", name or ""))


def comparable(name: str) -> str:
    """Normalised name without a leading 市/县/区 level word, so 市发改委 and 发改委 compare equal."""
    name = normalize_name(name)
    return name[1:] if len(name) > 2 and name[0] in "市县区" else name


_KIND_RULES = (
    (UnitKind.TEAM, ("专班",)),
    (UnitKind.PARTY, ("市委", "组织部", "宣传部", "统战部", "工商联", "团市委", "妇联", "总工会", "纪委")),
    (UnitKind.ZONE, ("高新区", "开发区", "管理区", "园区", "管委会")),
    (UnitKind.SOE, ("集团", "公司")),
    (UnitKind.TOWN, ("镇", "街道", "乡")),
    (UnitKind.GOVERNMENT, ("局", "委", "办", "厅", "中心", "政府", "科", "处", "站")),
)


def guess_kind(name: str) -> str:
    """A best guess of a unit's kind from its name, for units created while importing a notice."""
    name = normalize_name(name)
    for kind, markers in _KIND_RULES:
        if any(marker in name for marker in markers):
            return kind
    return UnitKind.OTHER
