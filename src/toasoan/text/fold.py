"""The search key of Vietnamese text: lower case, no diacritics, đ -> d."""

import re
import unicodedata
from functools import lru_cache

from .normalize import clean_line, normalize

_WORD_RE = re.compile(r"[^\W_]+")


class _MarkTable(dict):
    """A `str.translate` table deleting combining marks, filled as characters come."""

    def __missing__(self, cp):
        self[cp] = None if unicodedata.combining(chr(cp)) else cp
        return self[cp]


_MARKS = _MarkTable()


_OTHER_SCRIPTS_RE = re.compile(r"([^\x00-\x7f\u0300-\u036f]+)")


def _strip_marks(decomposed: str) -> str:
    # Vietnamese decomposes to ASCII letters and marks from U+0300-U+036F: for those
    # stretches, dropping every non-ASCII character is dropping the marks, and fast.
    # Anything else (quotes, dashes, other scripts) goes through the full table.
    parts = _OTHER_SCRIPTS_RE.split(decomposed)
    for i, part in enumerate(parts):
        parts[i] = part.translate(_MARKS) if i % 2 else part.encode("ascii", "ignore").decode()
    return "".join(parts)


def fold(text: str) -> str:
    """`Xây dựng Đảng` -> `xay dung dang`; `hoà` and `hòa` give the same key."""
    text = clean_line(text or "").lower().replace("đ", "d")
    return _strip_marks(unicodedata.normalize("NFD", text))


def words(text: str) -> list[str]:
    """The words of `text` (letters and digits), lower case, NFC."""
    return _WORD_RE.findall(normalize(text or "").lower())


@lru_cache(maxsize=65536)  # a language of ~7,000 syllables: most words repeat
def fold_word(word: str) -> str:
    return fold(word)


def fold_words(text: str) -> list[str]:
    """The folded words of `text`, punctuation dropped: `Đảng (2025)` -> dang, 2025."""
    return [fold_word(word) for word in words(text)]


@lru_cache(maxsize=4096)  # the alphabet of the text, not the text
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
