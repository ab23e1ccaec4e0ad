"""A bulletin's period: "2025-09" → the month, its label and the date its lights are computed as of."""

import calendar
import datetime
import re

from zhaoshang.reports.errors import BulletinError

PERIOD_PATTERN = re.compile(r"^(\d{4})-(\d{2})$")


def parse_period(text: str) -> tuple[int, int]:
    """(year, month) of "YYYY-MM"; a Chinese BulletinError otherwise."""
    match = PERIOD_PATTERN.match((text or "").strip())
    if not match or not 1 <= int(match.group(2)) <= 12 or int(match.group(1)) < 2000:
        raise BulletinError(f"通报期格式不正确：“{text}”，应为“年-月”，如 2025-09。")
    return int(match.group(1)), int(match.group(2))


def period_label(text: str) -> str:
    year, month = parse_period(text)
    return f"{year}年{month}月"


def period_as_of(text: str, today: datetime.date) -> datetime.date:
    """The last day of the month, or today for the month under way; a month not yet begun is refused."""
    year, month = parse_period(text)
    if datetime.date(year, month, 1) > today:
        raise BulletinError(f"{year}年{month}月尚未开始，不能生成通报。")
    return min(datetime.date(year, month, calendar.monthrange(year, month)[1]), today)
