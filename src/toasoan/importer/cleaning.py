"""Imported HTML made safe and shaped into an article body (`ArticleBodyBlock`).

nh3 keeps what an article is made of (headings, paragraphs, lists, tables, links,
images and captions) and drops everything else: scripts, styles, event handlers,
`javascript:` links, inline styles and classes. The sanitised tree is then cut
into blocks: runs of text become rich text, tables become table blocks, pictures
captioned images, quotes quote blocks.
"""

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import lxml.html
import nh3

ALLOWED_TAGS = {
    "p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote",
    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "a", "img",
    "figure", "figcaption", "strong", "b", "em", "i", "sub", "sup", "hr",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "th": {"colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}
# Removed with what they contain: nothing in them is article text.
DROPPED_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "noscript",
                        "template", "svg", "math", "form", "select", "textarea"}

# How each kept inline or block element is written in Wagtail's stored rich text.
_RICH_TAGS = {"strong": "b", "b": "b", "em": "i", "i": "i", "sub": "sub", "sup": "sup",
              "h1": "h2", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h4", "h6": "h4",
              "p": "p", "ul": "ul", "ol": "ol", "li": "li"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_SPACE_RE = re.compile(r"\s+")


_BLOCK_START_RE = re.compile(
    r"\s*<(?:p|div|h[1-6]|ul|ol|li|dl|dt|dd|blockquote|pre|table|thead|tbody|tfoot|tr|td"
    r"|th|caption|figure|figcaption|hr|section|article|header|footer|address|script|style"
    r"|iframe|form|!--)\b",
    re.IGNORECASE,
)
_BLANK_LINE_RE = re.compile(r"\n[ \t]*\n")


_CAPTION_RE = re.compile(
    r"\[(?:wp_)?caption\b[^\]]*\](?P<inside>.*?)\[/(?:wp_)?caption\]", re.IGNORECASE | re.DOTALL)
_PICTURE_PART_RE = re.compile(r"^\s*(?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?", re.IGNORECASE)
# WordPress shortcodes whose tags mean nothing outside WordPress (their text stays).
_SHORTCODE_RE = re.compile(
    r"\[/?(?:gallery|embed|audio|video|playlist|wp_playlist|contact-form(?:-7)?|vc_\w+"
    r"|et_pb_\w+|su_\w+)\b[^\]]*\]", re.IGNORECASE)


def shortcodes(markup: str) -> str:
    """WordPress's `[caption]` as a figure with its caption; other shortcodes' tags
    dropped."""
    if "[" not in markup:
        return markup

    def figure(found):
        inside = found["inside"]
        picture = _PICTURE_PART_RE.match(inside)
        if not picture:
            return inside
        caption = inside[picture.end():].strip()
        return f"<figure>{picture.group(0)}<figcaption>{caption}</figcaption></figure>"

    return _SHORTCODE_RE.sub("", _CAPTION_RE.sub(figure, markup))


def autop(markup: str) -> str:
    """Paragraphs from blank lines, as WordPress makes them when it shows a post
    (`wpautop`): its exports keep posts as written, often with no `<p>` at all."""
    if "\n" not in markup:
        return markup
    paragraphs = []
    for chunk in _BLANK_LINE_RE.split(markup.replace("\r\n", "\n")):
        if not chunk.strip():
            continue
        if _BLOCK_START_RE.match(chunk):
            paragraphs.append(chunk)
        else:
            paragraphs.append("<p>" + chunk.strip().replace("\n", "<br>") + "</p>")
    return "\n".join(paragraphs)


def sanitise(markup: str) -> str:
    return nh3.clean(
        markup,
        tags=ALLOWED_TAGS,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel=None,
        strip_comments=True,
    )


@dataclass
class Picture:
    """A picture in the body: `image_id` if the importer could store its file."""

    src: str
    alt: str = ""
    caption: str = ""
    image_id: int | None = None


@dataclass
class Body:
    blocks: list = field(default_factory=list)  # StreamField raw data
    pictures: list[Picture] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # picture URLs with no local file

    def text(self) -> str:
        """The body's first paragraph of text, for a lead when the source has none."""
        for block in self.blocks:
            if block["type"] == "text":
                value = block["value"].replace("<br/>", " ")
                for paragraph in lxml.html.fragments_fromstring(value):
                    if not isinstance(paragraph, str) and paragraph.tag == "p":
                        if text := _SPACE_RE.sub(" ", paragraph.text_content()).strip():
                            return text
        return ""


def body_blocks(markup: str, store_picture: Callable[[Picture], int | None]) -> Body:
    """Sanitise `markup` and cut it into body blocks. `store_picture` stores a
    picture's file and returns its image id, or None when the file isn't available."""
    body = Body()
    clean = sanitise(autop(shortcodes(markup))).strip()
    if not clean:
        return body
    rich: list[str] = []

    def flush():
        if rich:
            body.blocks.append({"type": "text", "value": "".join(rich)})
            rich.clear()

    for node in _top_level(clean):
        if isinstance(node, str):
            if text := node.strip():
                rich.append(f"<p>{html.escape(text, quote=False)}</p>")
            continue
        tag = node.tag
        if tag == "table":
            flush()
            if table := _table(node):
                body.blocks.append({"type": "table", "value": table})
        elif tag in ("figure", "img") or (tag == "p" and _only_pictures(node)):
            flush()
            for picture in _pictures(node):
                picture.image_id = store_picture(picture)
                body.pictures.append(picture)
                if picture.image_id is None:
                    body.missing.append(picture.src)
                    if picture.caption:
                        rich.append(f"<p><i>{html.escape(picture.caption, quote=False)}</i></p>")
                else:
                    body.blocks.append({"type": "image", "value": {
                        "image": picture.image_id, "caption": picture.caption[:500],
                        "credit": ""}})
        elif tag == "blockquote":
            flush()
            if text := _plain(node):
                body.blocks.append({"type": "quote", "value": {"text": text, "attribution": ""}})
        elif tag == "hr":
            rich.append("<hr/>")
        elif tag in ("ul", "ol") or tag in _HEADINGS or tag == "p":
            if fragment := _rich(node):
                rich.append(fragment)
        else:  # a stray inline element or list item at the top: a paragraph of its own
            if fragment := _inline(node).strip():
                rich.append(f"<p>{fragment}</p>")
    flush()
    return body


def _top_level(clean: str):
    """Top-level elements, and the text between them."""
    wrapper = lxml.html.fragment_fromstring(clean, create_parent="div")
    if wrapper.text:
        yield wrapper.text
    for child in wrapper:
        yield child
        if child.tail:
            yield child.tail


def _rich(node) -> str:
    tag = _RICH_TAGS.get(node.tag)
    if tag in ("ul", "ol"):
        items = "".join(
            f"<li>{_inline(item).strip()}</li>" for item in node.iter("li")
            if _inline(item).strip()
        )
        return f"<{tag}>{items}</{tag}>" if items else ""
    inner = _inline(node).strip()
    return f"<{tag}>{inner}</{tag}>" if inner else ""


def _inline(node) -> str:
    """The inline content of `node` as stored rich text: bold, italic, sub/sup,
    links and line breaks; any other element is reduced to its text."""
    parts = [html.escape(node.text or "", quote=False)]
    for child in node:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "br":
            parts.append("<br/>")
        elif tag == "a" and child.get("href"):
            href = html.escape(child.get("href"), quote=True)
            parts.append(f'<a href="{href}">{_inline(child)}</a>')
        elif _RICH_TAGS.get(tag) in ("b", "i", "sub", "sup"):
            inner = _inline(child)
            parts.append(f"<{_RICH_TAGS[tag]}>{inner}</{_RICH_TAGS[tag]}>" if inner.strip()
                         else inner)
        elif tag == "img":
            pass  # a picture inside running text is taken out by `_pictures` callers
        else:
            parts.append(_inline(child))
        parts.append(html.escape(child.tail or "", quote=False))
    return _SPACE_RE.sub(" ", "".join(parts))


def _plain(node) -> str:
    return _SPACE_RE.sub(" ", node.text_content()).strip()


def _only_pictures(node) -> bool:
    return node.find(".//img") is not None and not _plain(node)


def _pictures(node):
    caption = ""
    if node.tag == "figure":
        found = node.find(".//figcaption")
        caption = _plain(found) if found is not None else ""
    images = [node] if node.tag == "img" else node.iter("img")
    for image in images:
        if src := (image.get("src") or "").strip():
            yield Picture(src=src, alt=(image.get("alt") or "").strip(),
                          caption=caption or (image.get("title") or "").strip())


def _table(node) -> dict | None:
    rows = []
    header = False
    for number, row in enumerate(node.iter("tr")):
        cells = [_plain(cell) for cell in row if cell.tag in ("td", "th")]
        if number == 0:
            header = all(cell.tag == "th" for cell in row if cell.tag in ("td", "th"))
        if any(cells):
            rows.append(cells)
    if not rows:
        return None
    width = max(len(row) for row in rows)
    caption = node.find("caption")
    return {
        "data": [row + [""] * (width - len(row)) for row in rows],
        "first_row_is_table_header": header,
        "first_col_is_header": False,
        "table_caption": _plain(caption) if caption is not None else "",
    }
