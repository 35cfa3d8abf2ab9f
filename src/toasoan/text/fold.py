"""The search key of Vietnamese text: lower case, no diacritics, đ -> d."""

import re
import unicodedata
from functools import cache

from .charclass import char_class, is_mark
from .normalize import clean_line, normalize

_WORD_RE = re.compile(r"[^\W_]+")


@cache
def _marks() -> re.Pattern:
    return char_class(is_mark)


_BEYOND_LATIN_MARKS_RE = re.compile(r"[^\x00-\x7f\u0300-\u036f]")


def fold(text: str) -> str:
    """`Xây dựng Đảng` -> `xay dung dang`; `hoà` and `hòa` give the same key."""
    text = clean_line(text or "").lower().replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    if not _BEYOND_LATIN_MARKS_RE.search(decomposed):
        # Vietnamese: ASCII letters and their marks, so dropping non-ASCII drops the marks.
        return decomposed.encode("ascii", "ignore").decode("ascii")
    return _marks().sub("", decomposed)


def fold_words(text: str) -> list[str]:
    """The folded words of `text`, punctuation dropped: `Đảng (2025)` -> dang, 2025."""
    return _WORD_RE.findall(fold(text))


def _fold_char(ch: str) -> str:
    folded = fold(ch)
    if len(folded) == 1:
        return folded
    lowered = ch.lower()
    return lowered if len(lowered) == 1 else ch


def fold_aligned(text: str) -> str:
    """`fold` character for character: position i of the result is character i of
    `text` (NFC), so a match found in the folded text can be marked in the original."""
    text = normalize(text or "")
    return text.translate({ord(ch): _fold_char(ch) for ch in set(text)})
