"""The plain text of an article body (a StreamField), as both search indexes read it."""

import re
from html import unescape

# Rich text as stored (Wagtail's database HTML): block tags end a line, others go.
_BLOCK_TAG_RE = re.compile(
    r"<(?:/?(?:p|h[1-6]|li|ul|ol|div|blockquote|table|tr|td|th)|br|hr)\b[^>]*>", re.IGNORECASE
)
_TAG_RE = re.compile(r"<[^>]*>")


def _html_text(html: str) -> str:
    return unescape(_TAG_RE.sub("", _BLOCK_TAG_RE.sub("\n", html)))


def _strings(value, rich=False):
    """Every string in a block's stored value (captions, quotes, table cells...)."""
    if isinstance(value, str):
        yield _html_text(value) if rich else value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def body_text(body) -> str:
    """Every string of a StreamValue's blocks, one a line, markup removed."""
    # The stored block data (raw_data), read directly: building every block to ask it
    # for its searchable content (and parsing rich text with html.parser) would halve
    # the rate at which `rebuild` indexes.
    parts = []
    for block in body.raw_data:
        parts.extend(_strings(block.get("value"), rich=block.get("type") == "text"))
    return "\n".join(part.strip() for part in parts if part and part.strip())
