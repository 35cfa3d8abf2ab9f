"""Unicode normalisation for stored text: NFC, no invisible format characters."""

import re
import unicodedata
from functools import cache

from .charclass import char_class, is_format


@cache
def _format_chars() -> re.Pattern:
    """Every invisible format character (Unicode category Cf): zero-width spaces and
    joiners, soft hyphens, byte-order marks, and the bidirectional overrides and
    isolates, a classic way to make a name or a link read differently from what it is."""
    return char_class(is_format)


# Legacy Vietnamese fonts and keyboards put Đ/đ at the code points of the Icelandic
# ETH (Ð/ð), which looks the same but sorts, folds and searches differently.
_ETH = str.maketrans("Ðð", "Đđ")
# Letters that only Nordic text has beside ETH; without them the text is ours.
_NORDIC_RE = re.compile("[ÞþÆæØøÅå]")


def normalize(text: str) -> str:
    """NFC with bidirectional controls and other format characters removed, and the
    look-alike ETH read as Đ/đ unless the text is Icelandic or Faroese.

    Line breaks and paragraph spacing are kept: this is for bodies and leads.
    """
    if not text:
        return text
    # Remove first, compose after: an invisible character between a letter and its
    # combining mark (`e\u200d\u0302`) would otherwise leave `ê` decomposed.
    text = unicodedata.normalize("NFC", _format_chars().sub("", text))
    if ("Ð" in text or "ð" in text) and not _NORDIC_RE.search(text):
        text = text.translate(_ETH)
    return text


def clean_line(text: str) -> str:
    """`normalize` plus whitespace collapsed to single spaces: titles, captions, names."""
    if not text:
        return text
    return " ".join(normalize(text).split())
