"""Header cells and the column each one names (序号, 工作重点, 目标, 举措, 责任单位, 时限 …)."""

import re

from zhaoshang.notices.normalize import flat

# Checked in order: the first pattern a header cell matches gives its role.
_ROLES = (
    ("number", re.compile(r"序号|编号|^序$")),
    ("deadline", re.compile(r"时限|期限|时间|节点|进度安排")),
    ("leader", re.compile(r"领导|责任人|分管")),
    ("progress", re.compile(r"进展|成效|完成情况|后续|下步|监督|督查|督办|方式|考核")),  # read past, not tasks
    ("lead", re.compile(r"牵头")),
    ("co", re.compile(r"配合|协办|协同")),
    ("units", re.compile(r"责任|单位|部门|主体")),
    ("target", re.compile(r"目标|指标")),
    ("focus", re.compile(r"^项目$|重点|领域|类别|方向|板块|专项|分类|类型|产业链")),
    ("measures", re.compile(r"举措|措施|内容|事项|任务|工作")),
    ("note", re.compile(r"备注|说明")),
)
_STRONG = re.compile(r"序号|编号|时限|期限|时间|牵头|配合|单位|部门|目标|指标|重点|领域|举措|措施|内容|事项|备注")
MAX_HEADER_CELL = 12
_SPACES = re.compile(r"\s+")


def cell_role(text: str) -> str | None:
    """The role a header cell names, or None."""
    if len(text) > 3 * MAX_HEADER_CELL:
        return None
    text = _SPACES.sub("", text)  # letter-spaced header cells: "牵 头 部 门"
    if not text or len(text) > MAX_HEADER_CELL or any(ch.isdigit() for ch in text):
        return None
    for role, pattern in _ROLES:
        if pattern.search(text):
            return role
    return None


def is_strong(text: str) -> bool:
    return bool(_STRONG.search(text))


def header_roles(cells: list[str]) -> dict[str, int] | None:
    """Role → column index for a header row, or None when the row is not a task-table header."""
    roles: dict[str, int] = {}
    named = unknown = 0
    for index, cell in enumerate(cells):
        if not cell.strip():
            continue
        role = cell_role(cell)
        if role is None:
            # A column the parser has no use for (a header word it does not know) is read past,
            # but only in a row that is otherwise clearly a header.
            if len(flat(cell)) > MAX_HEADER_CELL or any(ch.isdigit() for ch in cell):
                return None
            unknown += 1
            continue
        named += 1
        roles.setdefault(role, index)
    if named < 3 or unknown > 1 or (unknown and sum(1 for c in cells if c.strip() and is_strong(c)) < 3):
        return None
    roles.pop("progress", None)
    return settle_roles(roles)


def settle_roles(roles: dict[str, int]) -> dict[str, int] | None:
    """A header with a 重点任务 column but no 举措 column lists its measures under that column."""
    if "measures" not in roles and "focus" in roles:
        roles["measures"] = roles.pop("focus")
    if "measures" not in roles:
        return None
    return roles
