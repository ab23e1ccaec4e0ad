"""统一社会信用代码 (GB 32100-2015): 18 characters, the last a check character. Pure; no database."""

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I, O, S, V, Z
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def check_character(first17: str) -> str:
    """The check character for the first 17 characters."""
    total = sum(ALPHABET.index(ch) * weight for ch, weight in zip(first17, WEIGHTS))
    return ALPHABET[(31 - total % 31) % 31]


def credit_code_error(code: str) -> str | None:
    """None if `code` is a valid credit code, else why not (in Chinese)."""
    code = code.strip().upper()
    if len(code) != 18:
        return f"统一社会信用代码应为18位（当前{len(code)}位）"
    bad = [ch for ch in code if ch not in ALPHABET]
    if bad:
        return f"统一社会信用代码含有不允许的字符“{bad[0]}”"
    if check_character(code[:17]) != code[17]:
        return "统一社会信用代码校验位错误"
    return None
