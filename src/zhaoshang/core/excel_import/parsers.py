"""Cell parsers: each turns a non-blank cell value (as python-calamine returns it) into a clean value or raises
CellError with a Chinese message. Pure; no database."""

import datetime
import re
import unicodedata
from collections.abc import Callable, Mapping
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from zhaoshang.core.excel_import.errors import CellError

EXCEL_EPOCH = datetime.date(1899, 12, 30)  # serial 1 = 1900-01-01 (with Excel's 1900 leap-year bug)
SERIAL_RANGE = (32874, 73415)  # 1990-01-01 … 2100-12-31: a number outside is not meant as a date
DATE_TEXT = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
MONTH_TEXT = re.compile(r"^\d{4}\s*[-/.年]\s*\d{1,2}\s*月?$")
LIST_SEPARATORS = re.compile(r"[、,，;；/\n]+")
EXCEL_ERRORS = {"#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#SPILL!", "#CALC!", "#GETTING_DATA"}


def is_blank(value) -> bool:
    return value is None or value == "" or (isinstance(value, str) and not value.strip())


def cell_text(value) -> str:
    """A cell as the text a person sees: 123.0 → "123", dates ISO, NFKC-normalized, stripped."""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat(" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return unicodedata.normalize("NFKC", str(value)).strip()


def text(max_length: int | None = None) -> Callable[[object], str]:
    def parse(value) -> str:
        result = cell_text(value)
        if max_length and len(result) > max_length:
            raise CellError(f"超过{max_length}个字（当前{len(result)}个字）")
        return result

    return parse


def number(*, places: int = 2, positive: bool = True, maximum: Decimal | None = None,
           too_large: str = "数值过大") -> Callable[[object], Decimal]:
    """A decimal number; text with thousands separators ("1,234.5", "１２３４") is accepted."""
    quantum = Decimal(1).scaleb(-places)

    def parse(value) -> Decimal:
        if isinstance(value, bool) or isinstance(value, (datetime.date, datetime.time, datetime.timedelta)):
            raise CellError(f"“{cell_text(value)}”不是数字")
        raw = repr(value) if isinstance(value, float) else cell_text(value).replace(",", "").replace(" ", "")
        try:
            amount = Decimal(raw)
        except InvalidOperation:
            raise CellError(f"“{cell_text(value)}”不是数字") from None
        if not amount.is_finite():
            raise CellError(f"“{cell_text(value)}”不是数字")
        if positive and amount <= 0:
            raise CellError("应大于0")
        if maximum is not None and amount > maximum:
            raise CellError(too_large)
        return amount.quantize(quantum, rounding=ROUND_HALF_UP)

    return parse


def _serial_date(serial: float) -> datetime.date:
    if not SERIAL_RANGE[0] <= serial <= SERIAL_RANGE[1]:
        raise CellError(f"“{cell_text(serial)}”不是日期，请写成2025-03-01或2025年3月1日")
    return EXCEL_EPOCH + datetime.timedelta(days=int(serial))


def _compact_date(digits: str) -> datetime.date | None:
    try:
        return datetime.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return None


def date(*, not_after_today: Callable[[], datetime.date] | None = None) -> Callable[[object], datetime.date]:
    """A date given as a real date cell, an Excel serial number, or text: 2025-03-01, 2025年3月1日, 2025/3/1,
    2025.3.1, 20250301. With `not_after_today` (a clock), a future date is refused."""

    def parse(value) -> datetime.date:
        result = _to_date(value)
        if not_after_today is not None and result > not_after_today():
            raise CellError(f"{result:%Y-%m-%d}晚于今天，不能填写未来的日期")
        return result

    return parse


def _to_date(value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, bool) or isinstance(value, (datetime.time, datetime.timedelta)):
        raise CellError(f"“{cell_text(value)}”不是日期")
    if isinstance(value, (int, float)):
        if float(value).is_integer() and 19000101 <= value <= 21001231:
            found = _compact_date(str(int(value)))
            if found:
                return found
        return _serial_date(float(value))
    raw = cell_text(value)
    match = DATE_TEXT.match(raw)
    if match:
        try:
            return datetime.date(*(int(part) for part in match.groups()))
        except ValueError:
            raise CellError(f"“{raw}”不是有效的日期") from None
    if raw.isdigit() and len(raw) == 8 and _compact_date(raw):
        return _compact_date(raw)
    if raw.isdigit() and len(raw) == 5:
        return _serial_date(float(raw))
    if MONTH_TEXT.match(raw):
        raise CellError(f"“{raw}”只有年月，请写到具体日期，如2025年3月1日")
    raise CellError(f"“{raw}”不是日期，请写成2025-03-01或2025年3月1日")


def choice(options: Mapping[str, object], *, shown: list[str] | None = None) -> Callable[[object], object]:
    """One of the names in `options` (name → clean value); `shown` lists the names offered in the message."""
    by_name = {cell_text(name): value for name, value in options.items()}
    listed = "、".join(shown or list(options))

    def parse(value):
        name = cell_text(value)
        if name not in by_name:
            raise CellError(f"“{name}”不在可选范围内，可选：{listed}")
        return by_name[name]

    return parse


def items(item: Callable[[object], object] | None = None) -> Callable[[object], list]:
    """A list written in one cell, separated by 、 (or ，,；;/ and line breaks); each item parsed by `item`."""

    def parse(value) -> list:
        names = [part.strip() for part in LIST_SEPARATORS.split(cell_text(value)) if part.strip()]
        if item is None:
            return names
        result, bad = [], []
        for name in names:
            try:
                result.append(item(name))
            except CellError as error:
                bad.append(str(error))
        if bad:
            raise CellError("；".join(bad))
        return result

    return parse
