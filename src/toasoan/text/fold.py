"""The search key of Vietnamese text: lower case, no diacritics, đ -> d."""

import unicodedata

from .normalize import clean_line


def fold(text: str) -> str:
    """`Xây dựng Đảng` -> `xay dung dang`; `hoà` and `hòa` give the same key."""
    text = clean_line(text or "").lower().replace("đ", "d").replace("ð", "d")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
