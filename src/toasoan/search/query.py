"""What a reader typed, as units the index can look up.

A unit is a word or a quoted phrase, kept twice: folded (`xay dung`) for matching,
and in Telex keys (`xaay duwngj`) for ranking the reader's own spelling first.
"""

import re
from dataclasses import dataclass

from toasoan.text import clean_line, fold_words, telex_base, telex_words, typed_telex

MAX_LENGTH = 200
MAX_UNITS = 10
_PIECE_RE = re.compile(r'"([^"]*)"?|([^\s"]+)')
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})


@dataclass(frozen=True)
class Unit:
    words: tuple[str, ...]
    keys: tuple[str, ...]

    @property
    def marked_keys(self) -> tuple[str, ...]:
        """The Telex keys of the words the reader wrote with marks (`dâng`, `Đảng`)."""
        return tuple(key for key, word in zip(self.keys, self.words, strict=True) if key != word)


@dataclass(frozen=True)
class Query:
    text: str
    units: tuple[Unit, ...]
    cut: bool = False

    def __bool__(self):
        return bool(self.units)

    def read_as_telex(self) -> "Query | None":
        """The same query read as typed in Telex without an input method
        (`xaay duwngj` -> xây dựng), or None when that reading changes nothing."""
        units = []
        for unit in self.units:
            keys = tuple(typed_telex(word) for word in unit.words)
            units.append(Unit(tuple(telex_base(key) for key in keys), keys))
        telex = Query(self.text, tuple(units), self.cut)
        return telex if telex.units != self.units else None


def cut(text: str) -> tuple[str, bool]:
    """At most MAX_LENGTH characters, cut between words where possible."""
    if len(text) <= MAX_LENGTH:
        return text, False
    head = text[:MAX_LENGTH]
    if not text[MAX_LENGTH].isspace() and " " in head:
        head = head.rsplit(" ", 1)[0]
    return head.rstrip(), True


def parse(raw: str) -> Query:
    text, was_cut = cut(clean_line(raw or "").translate(_QUOTES))
    units = []
    for match in _PIECE_RE.finditer(text):
        piece = match.group(1) if match.group(1) is not None else match.group(2)
        words = tuple(fold_words(piece))
        if not words:
            continue
        unit = Unit(words, tuple(telex_words(piece)))
        if unit not in units:
            units.append(unit)
    return Query(text, tuple(units[:MAX_UNITS]), was_cut or len(units) > MAX_UNITS)
