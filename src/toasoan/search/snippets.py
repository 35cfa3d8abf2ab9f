"""Result snippets with the reader's words marked, escaped first."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from toasoan.text import fold_aligned

SNIPPET_LENGTH = 260
_LEAD_IN = 70


def _pattern(units) -> re.Pattern | None:
    phrases = sorted({r"[\W_]+".join(map(re.escape, unit.words)) for unit in units}, key=len)
    if not phrases:
        return None
    return re.compile(r"(?<![^\W_])(?:" + "|".join(reversed(phrases)) + r")(?![^\W_])")


def _spans(text: str, pattern) -> list[tuple[int, int]]:
    if not pattern or not text:
        return []
    return [match.span() for match in pattern.finditer(fold_aligned(text))]


def _marked(text: str, spans) -> SafeString:
    parts, position = [], 0
    for start, end in spans:
        parts.append(escape(text[position:start]))
        parts.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))


def highlight(text: str, units) -> SafeString:
    """`text` escaped, every occurrence of the query's words in <mark>."""
    return _marked(text, _spans(text, _pattern(units)))


def _window(text: str, first: int) -> tuple[int, int]:
    # From the start when the match fits in the first passage with room after it.
    start = 0 if first < SNIPPET_LENGTH - _LEAD_IN else first - _LEAD_IN
    if start:
        space = text.rfind(" ", 0, start + 1)
        start = space + 1 if space > 0 else start
    end = min(len(text), start + SNIPPET_LENGTH)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > first else end
    return start, end


def snippet(texts, units) -> SafeString:
    """A passage of the first of `texts` that contains a query word, words marked;
    the start of the first text if none does."""
    pattern = _pattern(units)
    texts = [text for text in texts if text]
    for text in texts:
        spans = _spans(text, pattern)
        if spans:
            break
    else:
        text, spans = (texts[0] if texts else ""), []
    start, end = _window(text, spans[0][0] if spans else 0)
    inside = [
        (max(s, start) - start, min(e, end) - start) for s, e in spans if s < end and e > start
    ]
    passage = _marked(text[start:end], inside)
    before = "… " if start else ""
    after = " …" if end < len(text) else ""
    return mark_safe(f"{before}{passage}{after}")
