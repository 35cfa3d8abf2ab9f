"""Regular expressions over whole Unicode categories, built once on first use."""

import re
import unicodedata
from collections.abc import Callable


def char_class(wanted: Callable[[str], bool]) -> re.Pattern:
    """A pattern matching any one character for which `wanted(ch)` is true, written as
    ranges (a class of single escaped characters is ten times slower to match)."""
    ranges, start, previous = [], None, None
    for cp in range(0x110000):
        if wanted(chr(cp)):
            if start is None:
                start = cp
            previous = cp
        elif start is not None:
            ranges.append((start, previous))
            start = None
    if start is not None:
        ranges.append((start, previous))
    parts = (
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )
    return re.compile("[" + "".join(parts) + "]")


def is_format(ch: str) -> bool:
    return unicodedata.category(ch) == "Cf"
