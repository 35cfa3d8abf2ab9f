"""Unicode normalisation for stored text: NFC, no invisible format characters."""

import re
import unicodedata

# Bidirectional overrides and isolates: never wanted in Vietnamese text, and a
# classic way to make a name or a link read differently from what it is.
_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
_BIDI_RE = re.compile(f"[{_BIDI}]")
_SPACES_RE = re.compile(r"\s+")

# Legacy Vietnamese fonts and keyboards put Đ/đ at the code points of the Icelandic
# ETH (Ð/ð), which looks the same but sorts, folds and searches differently.
_ETH = str.maketrans("Ðð", "Đđ")
# Letters that only Nordic text has beside ETH; without them the text is ours.
_NORDIC_RE = re.compile("[ÞþÆæØøÅå]")


def _is_format_char(ch: str) -> bool:
    return unicodedata.category(ch) == "Cf"


def normalize(text: str) -> str:
    """NFC with bidirectional controls and other format characters removed, and the
    look-alike ETH read as Đ/đ unless the text is Icelandic or Faroese.

    Line breaks and paragraph spacing are kept: this is for bodies and leads.
    """
    if not text:
        return text
    # Remove first, compose after: an invisible character between a letter and its
    # combining mark (`e\u200d\u0302`) would otherwise leave `ê` decomposed.
    text = _BIDI_RE.sub("", text)
    if any(_is_format_char(ch) for ch in text):
        text = "".join(ch for ch in text if not _is_format_char(ch))
    text = unicodedata.normalize("NFC", text)
    if ("Ð" in text or "ð" in text) and not _NORDIC_RE.search(text):
        text = text.translate(_ETH)
    return text


def clean_line(text: str) -> str:
    """`normalize` plus whitespace collapsed to single spaces: titles, captions, names."""
    if not text:
        return text
    return _SPACES_RE.sub(" ", normalize(text)).strip()
