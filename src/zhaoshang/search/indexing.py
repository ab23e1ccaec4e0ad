"""What the search index stores and looks up: normalized text, its bigrams and its pinyin initials. Pure, no Django.

A document is one row's field texts. Each field is normalized on its own and the fields are kept apart (joined by
FIELD_SEPARATOR, which normalization never leaves in a text), so neither a term nor a match spans two fields.

Index terms: the bigrams of each text (a 2-character query is one term), and the trigrams of each field's initials
plus their last two letters. Initials are 26 letters: their bigrams are each held by tens of thousands of rows in a
million, their trigrams by a few thousand, so a 4-letter initials query walks ten times fewer postings. Every bigram of
the initials still starts a stored trigram or is the stored tail, so 2-letter initials queries stay exact. An ASCII
run of a text is copied whole into its initials: for a query of ASCII letters and digits, "the text or the initials
contain it" is the same as "the initials contain it".
"""

import functools
import re
import unicodedata

from pypinyin import Style, lazy_pinyin
from pypinyin.constants import RE_HANS
from pypinyin.seg.mmseg import seg as mmseg

FIELD_SEPARATOR = "\n"  # whitespace: normalize() removes it from every text and query
_ASCII_ALNUM = re.compile(r"[a-z0-9]+")
_NOT_ASCII_ALNUM = re.compile(r"[^a-z0-9]+")
# pypinyin's own class of characters that have a reading (RE_HANS is "^(?:[…])+$"): runs of them, or ASCII runs
_HAN_CLASS = RE_HANS.pattern.removeprefix("^(?:").removesuffix(")+$")
_HAN_OR_ASCII = re.compile(f"({_HAN_CLASS}+)|([a-z0-9]+)")
_INITIALS_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"


def normalize(text: str) -> str:
    """NFKC (full-width letters and digits become ASCII), lower-case, whitespace removed."""
    return "".join(unicodedata.normalize("NFKC", text).lower().split())


def _ngrams(text: str, size: int) -> set[str]:
    if len(text) < size:
        return {text} if text else set()
    return {text[i:i + size] for i in range(len(text) - size + 1)}


def grams(text: str) -> set[str]:
    """Every 2-character substring of the normalized text; a 1-character text gives itself, an empty one nothing."""
    return _ngrams(normalize(text), 2)


def initials_terms(initials_text: str) -> set[str]:
    """The index terms of one field's initials: every trigram and the last two letters; a shorter one gives itself."""
    terms = _ngrams(initials_text, 3)
    if len(initials_text) > 2:
        terms.add(initials_text[-2:])
    return terms


@functools.lru_cache(maxsize=50_000)
def _word_initials(word: str) -> str:
    # names share most of their words (有限公司, 科技, place names): the cache serves nearly all of them
    return _NOT_ASCII_ALNUM.sub("", "".join(lazy_pinyin(word, style=Style.FIRST_LETTER)).lower())


@functools.lru_cache(maxsize=50_000)
def _run_initials(run: str) -> str:
    # pypinyin's segmentation of a run of Chinese characters (as lazy_pinyin does it): the phrase dictionary picks
    # the reading of 银行, 行长, 重复 …
    return "".join(_word_initials(word) for word in mmseg.cut(run))


def initials(text: str) -> str:
    """Pinyin first letters of the Chinese characters, ASCII letters and digits kept, all else dropped; lower-case."""
    runs = _HAN_OR_ASCII.findall(normalize(text))
    return "".join(_run_initials(han) if han else ascii_run for han, ascii_run in runs)


def query_terms(query: str) -> list[str]:
    """The distinct bigrams of the normalized query in their order; empty for a query shorter than 2 characters."""
    query = normalize(query)
    return list(dict.fromkeys(query[i:i + 2] for i in range(len(query) - 1)))


def initials_query_terms(query: str) -> list[str]:
    """The distinct trigrams of a normalized initials query in their order; empty for a query shorter than 3."""
    query = normalize(query)
    return list(dict.fromkeys(query[i:i + 3] for i in range(len(query) - 2)))


def initials_pair_terms(pair: str) -> list[str]:
    """The terms a 2-letter initials query is the start of: itself (a stored tail or an ASCII bigram of a text) and
    itself followed by each letter or digit (the trigrams)."""
    return [pair, *(pair + follower for follower in _INITIALS_ALPHABET)]


def is_initials_query(normalized_query: str) -> bool:
    """Whether a normalized query may also match pinyin initials: it holds only ASCII letters and digits."""
    return bool(_ASCII_ALNUM.fullmatch(normalized_query))


def document(fields) -> tuple[str, str]:
    """The stored text and initials of one row: each field normalized (empty ones left out), joined by the separator."""
    texts = [text for text in (normalize(field or "") for field in fields) if text]
    return FIELD_SEPARATOR.join(texts), FIELD_SEPARATOR.join(filter(None, (initials(text) for text in texts)))


def document_grams(text: str, initials_text: str) -> set[str]:
    """The index terms of a stored document: the bigrams of each field's text, the initials terms of each field."""
    terms: set[str] = set()
    for part in text.split(FIELD_SEPARATOR):
        terms.update(_ngrams(part, 2))
    for part in initials_text.split(FIELD_SEPARATOR):
        terms.update(initials_terms(part))
    return terms


def like_pattern(normalized_query: str) -> str:
    """A LIKE pattern (ESCAPE '\\') matching the query anywhere, its wildcards and the escape character literally."""
    escaped = normalized_query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
