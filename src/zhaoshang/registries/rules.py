"""Single-row rules that many registries' `clean()` share: amounts in 万元 and other quantities, positive numbers,
a quantity's unit, map coordinates. Messages are Chinese and name the column."""

from decimal import Decimal

from django.db import models


def amount_field(verbose_name: str, digits: int = 14, places: int = 2, **options) -> models.DecimalField:
    """An optional decimal column (万元, 亩, ㎡ …)."""
    return models.DecimalField(verbose_name, max_digits=digits, decimal_places=places, **({"null": True, "blank": True} | options))


def number_or_none(value) -> Decimal | int | float | None:
    """A number to check, or None when empty or not parsed (clean() runs even after clean_fields has reported a bad
    value)."""
    return value if isinstance(value, (Decimal, int, float)) and not isinstance(value, bool) else None


def positive_errors(row, labels: dict[str, str], *, zero_ok: tuple[str, ...] = ()) -> dict:
    """"面积应大于0" for each named number that is filled and not positive ("不能为负数" for those in `zero_ok`)."""
    errors = {}
    for name, label in labels.items():
        value = number_or_none(getattr(row, name))
        if value is None:
            continue
        if name in zero_ok and value < 0:
            errors[name] = f"{label}不能为负数"
        elif name not in zero_ok and value <= 0:
            errors[name] = f"{label}应大于0"
    return errors


def unit_errors(row, pairs: dict[str, tuple[str, str]]) -> dict:
    """A quantity needs its unit: {"capacity": ("capacity_unit", "供应能力")}."""
    return {unit: f"填写了{label}，请同时填写其单位" for name, (unit, label) in pairs.items()
            if number_or_none(getattr(row, name)) is not None and not getattr(row, unit).strip()}
