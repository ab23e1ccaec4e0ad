"""Traditional characters to simplified, with OpenCC (the maintained converter) and a few phrase fixes.

A notice copied from a mirror or a Hong Kong/Taiwan-hosted page arrives in traditional characters,
sometimes with a converter's phrase artefacts (最佳化 for 优化) or pinyin after a character
("發(fā)"). Such a text is converted before any layout reads it, so every field comes out simplified.
A text already simplified is returned as it is (OpenCC is not even asked beyond a sample).
"""

import functools
import re

import opencc

_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)")
_ARTEFACT_WORDS = {"最佳化": "优化", "软体": "软件", "硬体": "硬件", "网路": "网络", "数位化": "数字化", "资料库": "数据库"}
_ARTEFACTS = re.compile("|".join(_ARTEFACT_WORDS))
_SAMPLE = 4000
_MIN_CHANGED = 4  # characters the simple table changes in the sample before a text counts as traditional


@functools.cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def is_traditional(text: str) -> bool:
    sample = text[:_SAMPLE]
    converted = _converter("t2s").convert(sample)
    return sum(1 for a, b in zip(sample, converted) if a != b) >= _MIN_CHANGED


def to_simplified(text: str, always: bool = False) -> str:
    """The text in simplified characters, artefacts undone; a text already simplified is unchanged.

    A short text is converted only with `always` (too few characters to tell the script by).
    """
    if not text or not (always or is_traditional(text)):
        return text
    return _simplify(text)


def _simplify(text: str) -> str:
    # OpenCC's character table, not its Taiwan phrase table: that one rewrites mainland wording
    # (建立 → 创建, 效能 → 性能). The few phrases a s→tw converter leaves behind are undone here.
    text = _PINYIN.sub("", _converter("t2s").convert(text))
    return _ARTEFACTS.sub(lambda found: _ARTEFACT_WORDS[found.group(0)], text)


def simplify_blocks(blocks: list) -> bool:
    """Convert a document's paragraphs and table cells in place when it is written in traditional characters."""
    from zhaoshang.notices.document import Table

    sample = "".join(b if isinstance(b, str) else "".join(c for row in b.rows[:20] for c in row) for b in blocks[:200])
    if not is_traditional(sample):
        return False
    for index, block in enumerate(blocks):
        if isinstance(block, Table):
            block.rows = [[_simplify(cell) if cell else cell for cell in row] for row in block.rows]
        else:
            blocks[index] = _simplify(block)
    return True
