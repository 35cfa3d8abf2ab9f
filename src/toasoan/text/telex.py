"""Telex keys: Vietnamese words written in ASCII with every mark kept.

`dựng` -> `duwngj`, `Đảng` -> `ddangr`, `hòa` and `hoà` -> `hoaf`. The key keeps what
folding throws away (the vowel shapes, đ, the tone) but not where the tone was
written, and it is plain ASCII, so every database tokenises it the same way.
Search uses it to rank a reader's own spelling first, and to understand a query
typed in Telex without an input method (`xaay duwngj`).
"""

import unicodedata
from functools import lru_cache

from .fold import words

_TONES = {"\u0301": "s", "\u0300": "f", "\u0309": "r", "\u0303": "x", "\u0323": "j"}
_SHAPES = {"\u0302": "double", "\u0306": "w", "\u031b": "w"}
_VOWELS = set("aeiouy")
_TONE_KEYS = set("sfrxj")


@lru_cache(maxsize=65536)  # a language of ~7,000 syllables: most words repeat
def telex_word(word: str) -> str:
    """The Telex key of one word (already NFC): tone letter last."""
    tone = ""
    out = []
    for ch in unicodedata.normalize("NFD", word.lower().replace("đ", "dd")):
        if ch in _TONES:
            tone = _TONES[ch]
        elif ch in _SHAPES:
            if out:
                out.append(out[-1] if _SHAPES[ch] == "double" else "w")
        elif not unicodedata.combining(ch):
            out.append(ch)
    return "".join(out) + tone


def telex_words(text: str) -> list[str]:
    """The Telex key of every word of `text`, word for word with `fold_words`."""
    return [telex_word(word) for word in words(text)]


def typed_telex(token: str) -> str:
    """A token typed in Telex, in key form: the tone letter moved to the end.

    Telex typists put the tone anywhere after the first vowel (`dduwowfng`,
    `dduwowngf`); s, f, r, x and j never stand there in a Vietnamese syllable.
    """
    token = token.lower()
    first_vowel = next((i for i, ch in enumerate(token) if ch in _VOWELS), None)
    if first_vowel is None:
        return token
    head, tail = token[: first_vowel + 1], token[first_vowel + 1 :]
    tones = [ch for ch in tail if ch in _TONE_KEYS]
    if not tones:
        return token
    return head + "".join(ch for ch in tail if ch not in _TONE_KEYS) + tones[-1]


_SHAPE_KEYS = (
    ("dd", "d"),
    ("aa", "a"),
    ("ee", "e"),
    ("oo", "o"),
    ("aw", "a"),
    ("ow", "o"),
    ("uw", "u"),
)


def telex_base(key: str) -> str:
    """The folded word a Telex key stands for: `duwngj` -> `dung`, `ddangr` -> `dang`."""
    if len(key) > 1 and key[-1] in _TONE_KEYS and any(ch in _VOWELS for ch in key[:-1]):
        key = key[:-1]
    for typed, letter in _SHAPE_KEYS:
        key = key.replace(typed, letter)
    return key
