"""Chinese numerals as official documents write them: 十一, 二十, 一百零五; ordinals （一） and 一、. Pure.

The reverse (reading them) is `notices.ordinals.to_int`."""

_DIGITS = "零一二三四五六七八九"


def chinese_numeral(number: int) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五, 110 → 一百一十 (0 to 9999)."""
    if not 0 <= number <= 9999:
        raise ValueError(f"chinese_numeral takes 0 to 9999, not {number}")
    if number < 10:
        return _DIGITS[number]
    if number < 20:  # 十一, not 一十一
        return "十" + (_DIGITS[number % 10] if number % 10 else "")
    text, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = number // value % 10
        if digit:
            text += ("零" if zero else "") + _DIGITS[digit] + unit
            zero = False
        elif text:
            zero = True
    return text


def paren_ordinal(number: int) -> str:
    """The second-level ordinal of an official document: （一）…（十）（十一）."""
    return f"（{chinese_numeral(number)}）"


def heading_ordinal(number: int) -> str:
    """The first-level ordinal: 一、…十一、."""
    return f"{chinese_numeral(number)}、"
