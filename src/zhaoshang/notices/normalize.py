"""Text clean-up shared by every reader: odd spaces, full-width digits, junk lines, wrapped cell text."""

import re

# Spaces a web page or Word file may carry: NBSP, ideographic space, thin spaces; zero-width marks go.
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"), " ")
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_FULLWIDTH_DIGITS = {ord("０") + i: ord("0") + i for i in range(10)}
HALFWIDTH = {**_FULLWIDTH_DIGITS, ord("．"): ord(".")}  # for number-only fields such as deadlines ("２０２５．１２")
_TABLE = {**_SPACES, **_ZERO_WIDTH, **_FULLWIDTH_DIGITS}

_SPECIAL = re.compile("[" + "".join(map(chr, _TABLE)) + "]")
_MULTI_SPACE = re.compile(r" {2,}")
_JUNK_LINE = re.compile(r"^[\s|｜\-=_*·•.。,，:：;；#~]*$")
# A line that starts a new item inside a wrapped cell: an ordinal or a label such as 牵头单位：
_ITEM_START = re.compile(
    r"^\s*(?:\d{1,3}\s*[.．、](?!\d)|第[一二三四五六七八九十]{1,3}[，,、]|[（(]\s*\d{1,3}\s*[）)]|[①-⑳]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]"
    r"|(?:牵头|配合|责任|协办|主办)(?:单位|部门)?\s*[:：]|完成时[限间]\s*[:：])"
)


_CLAUSE_END = "，,。；;、：:！!？?"


def _replace_special(found: re.Match) -> str:
    replacement = _TABLE[ord(found.group())]
    return chr(replacement) if isinstance(replacement, int) else replacement or ""


def _tidy(line: str) -> str:
    return _MULTI_SPACE.sub(" ", line).strip() if "  " in line else line.strip()


def clean_lines(text: str) -> list[str]:
    """Non-empty, cleaned lines of a text, without decoration lines such as "| | | |"."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SPECIAL.sub(_replace_special, text)
    lines = (_tidy(line) for line in text.split("\n"))
    return [line for line in lines if line and not _JUNK_LINE.match(line)]


def cell_text(text: str) -> str:
    """A table cell's cleaned lines; its line breaks are the author's (Word paragraphs, <br>), so kept."""
    return "\n".join(clean_lines(text))


def join_lines(text: str) -> str:
    """A multi-line cell on one line: lines join directly after punctuation, else with "，"."""
    out = ""
    for line in clean_lines(text):
        out += line if not out or out[-1] in _CLAUSE_END else "，" + line
    return out


def join_wrapped(text: str) -> str:
    """Cell text whose lines were wrapped by layout: join them, keeping a break before each new item.

    Chinese has no spaces between words, so wrapped lines join with nothing; a line starting
    with an ordinal ("2.") or a label ("牵头单位：") begins a new item and keeps its line break.
    """
    lines = clean_lines(text)
    if not lines:
        return ""
    out = [lines[0]]
    for line in lines[1:]:
        if _ITEM_START.match(line):
            out.append(line)
        else:
            out[-1] = _join_two(out[-1], line)
    return "\n".join(out)


def _join_two(left: str, right: str) -> str:
    if left and right and left[-1].isascii() and left[-1].isalpha() and right[0].isascii() and right[0].isalpha():
        return f"{left} {right}"
    return left + right


def flat(text: str) -> str:
    """A cell's text on one line (header cells "任务\\n序号" → "任务序号")."""
    return "".join(clean_lines(text))
