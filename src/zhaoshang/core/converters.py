"""The `<id:…>` path converter of every page URL: a database id, so one beyond bigint is a 404, not an overflow."""

from zhaoshang.core.query_params import MAX_ID


class IdConverter:
    """Digits like `<id:…>`, but a number no bigint column can hold matches no URL (→ 404)."""

    regex = "[0-9]+"

    def to_python(self, value: str) -> int:
        if len(value) > 19 or int(value) > MAX_ID:
            raise ValueError("beyond bigint")  # the resolver takes a ValueError as "no match"
        return int(value)

    def to_url(self, value) -> str:
        return str(value)
