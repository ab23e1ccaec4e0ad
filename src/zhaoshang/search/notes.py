"""What a list, a board or an export says when its keyword search matched more rows than a search returns
(`selectors.SEARCH_LIMIT`, read when called so that tests may lower it)."""

from zhaoshang.search import selectors


def truncated_note(query: str, noun: str, counter: str = "个", *, verb: str = "列出") -> str:
    """"匹配“化工”的项目超过2000个，只列出最近录入的2000个"."""
    limit = selectors.SEARCH_LIMIT
    return f"匹配“{query}”的{noun}超过{limit}{counter}，只{verb}最近录入的{limit}{counter}"


def export_title(title: str, *, truncated: bool, query: str, noun: str, counter: str = "个") -> str:
    """An export's title, which says so when the search was cut: the file holds the rows the page lists, no more."""
    return f"{title}（{truncated_note(query, noun, counter, verb='导出')}）" if truncated else title
