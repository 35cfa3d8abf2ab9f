"""RSS (0.9x, 1.0, 2.0) and Atom (1.0, and 0.3 cheaply) feeds as a stream of records.

    for record in read_feed("https://example.gov.vn/rss.xml"):
        ...  # ArticleRecord or Problem

A local file or an http(s) URL (read as it arrives, with a timeout and a User-Agent);
each entry is parsed alone, so memory stays flat on a 500 MB file. Per entry:

- key "feed:<id>": an RSS `guid` that is an absolute URI (`isPermaLink="false"`
  WordPress guids like https://site/?p=12 included: they are stable), else the `link`,
  else "<feed link>#<guid>"; an Atom entry's `id` (unique and permanent by the
  standard), else its link; failing all, a hash of title and date.
- body_html: `content:encoded`, else `description`; Atom `content`, else `summary`.
  lead: the description (summary) as plain text when there is also a full content.
- dates: RFC 822 with the usual sloppiness, RFC 3339, 'dd/mm/YYYY HH:MM'; no zone:
  Vietnam. An unreadable date makes the entry a Problem; no date at all leaves None.
- categories: the first is the section, the others tags; authors from `author` (the
  name in "email (Name)", never a bare e-mail address), `dc:creator`, Atom `author`.
- image: the first picture among enclosures, `media:content`, `media:thumbnail`.
- an entry without a title: "(không có tiêu đề)".
- a page that is HTML, not a feed: one Problem, nothing else. A WordPress export
  (WXR) is refused too: `read_wxr` reads it with its pages and comments.

`stats` (a collections.Counter, optional): "entries", "problems", "bytes_read".
"""

import copy
import hashlib
import html
import re
from collections import Counter
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml import html as lxml_html

from ..records import ArticleRecord, ImageRecord, Status
from . import xmlchunks as xc
from .dates import parse_feed

ATOM = "http://www.w3.org/2005/Atom"
ATOM03 = "http://purl.org/atom/ns#"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
DC = "http://purl.org/dc/elements/1.1/"
MEDIA = "http://search.yahoo.com/mrss/"
RSS_PLAIN = ("", "http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/")
XHTML = "http://www.w3.org/1999/xhtml"
_WXR = re.compile(r"^https?://wordpress\.org/export/\d+\.\d+/$")
_IMAGE_FILE = re.compile(r"\.(jpe?g|png|gif|webp|avif|bmp|tiff?|svg)$", re.I)
_DEFAULT_PREFIXES = {
    "content": CONTENT,
    "dc": DC,
    "media": MEDIA,
    "atom": ATOM,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
}


def read_feed(path_or_url, stats=None):
    """ArticleRecord and Problem records of an RSS or Atom feed, in its order."""
    return _FeedReader(path_or_url, stats if stats is not None else Counter()).records()


class _FeedReader(xc.SourceReader):
    UNREADABLE = "Không đọc được nguồn tin: {error}."
    FAILED = "Lỗi không lường trước khi đọc nguồn tin: {error!r}."

    def __init__(self, source, stats):
        super().__init__(source, stats)
        self.base = source if xc.is_url(source) else ""  # resolves relative links
        self.site_base = ""
        self.feed = {"link": "", "authors": []}
        self.atom = False

    def _read(self, stream):
        head = xc.Head(self._on_head_element)
        namespaces = None
        last_complete = True
        for piece in xc.Scanner(stream, ("rss", "RDF", "feed"), self.stats):
            if piece.kind == "start":
                problem = self._start_problem(piece)
                if problem:
                    yield problem
                    return
                self.atom = xc.root_local(piece.text) == "feed"
            elif piece.kind == "head":
                head.feed(piece.text)
            elif piece.kind == "item":
                if namespaces is None:
                    namespaces = {**_DEFAULT_PREFIXES, **head.namespaces}
                    if any(_WXR.match(uri) for uri in namespaces.values()):
                        yield self.problem(
                            1,
                            "Đây là tệp xuất WordPress (WXR), không phải nguồn tin: hãy dùng "
                            "lệnh `toasoan import wxr` để nhập cả trang, bình luận và ảnh.",
                        )
                        return
                last_complete = piece.complete
                yield from self.guarded(piece, self._entry, namespaces)
            elif piece.kind == "end" and not piece.complete and last_complete:
                end = "</feed>" if self.atom else "</rss>"
                yield self.problem(
                    piece.line,
                    f"Nguồn tin kết thúc đột ngột, thiếu thẻ đóng {end}: có thể bị cắt cụt "
                    "và thiếu các mục phía sau. Các mục đọc được vẫn được nhập.",
                )

    def _start_problem(self, piece):
        if piece.text == "":
            if not piece.complete:
                return self.problem(1, "Nguồn tin rỗng, không có gì để nhập.")
            return self.problem(1, "Đây không phải RSS hay Atom: nội dung không phải XML.")
        root = xc.root_local(piece.text)
        if root.lower() == "html":
            return self.problem(
                1,
                "Đây không phải RSS hay Atom mà là một trang HTML. Hãy kiểm tra lại địa chỉ "
                "nguồn tin (thường có đuôi /rss, /feed hoặc .xml).",
            )
        if root not in ("rss", "RDF", "feed"):
            return self.problem(
                1, f"Đây không phải RSS hay Atom: phần tử gốc là <{piece.text}>."
            )
        return None

    def _on_head_element(self, element, depth):
        ns, name = xc.local(element)
        if name == "link" and not self.feed["link"]:
            if ns in RSS_PLAIN and depth == 2:
                self.feed["link"] = xc.text_of(element)
            elif ns in (ATOM, ATOM03) and depth == 1:
                if element.get("rel", "alternate") == "alternate" and element.get("href"):
                    self.feed["link"] = element.get("href")
        elif name == "author" and ns in (ATOM, ATOM03) and depth == 1:
            self.feed["authors"] += _atom_people(element)
        if self.feed["link"] and not self.site_base:
            # The site's address resolves relative links (else the feed's own URL).
            self.site_base = urljoin(self.base, self.feed["link"])
            self.base = self.site_base

    # --- entries ---------------------------------------------------------------------

    def _entry(self, piece, namespaces):
        if not piece.complete:
            tag = "</entry>" if self.atom else "</item>"
            if piece.oversized:
                reason = (
                    f"Mục bắt đầu ở dòng {piece.line} dài quá mức (hơn {xc.MAX_ITEM >> 20} "
                    "triệu ký tự): có lẽ một đoạn CDATA hay chú thích không được đóng. Mục "
                    "này không được nhập; việc đọc tiếp tục từ mục sau."
                )
            elif piece.truncated:
                reason = (
                    f"Nguồn tin bị cắt cụt: mục bắt đầu ở dòng {piece.line} chưa kết thúc "
                    f"(thiếu {tag}). Mục này không được nhập; các mục trước đó vẫn được nhập."
                )
            else:
                reason = (
                    f"Mục bắt đầu ở dòng {piece.line} không có thẻ đóng {tag} trước khi mục "
                    "sau bắt đầu. Mục này không được nhập; các mục khác vẫn tiếp tục."
                )
            yield self.problem(piece.line, reason, xc.guess_title(piece.text))
            return
        try:
            element = xc.parse_item(piece.text, namespaces, piece.line, self.parser)
        except xc.ItemError as error:
            yield self.problem(
                piece.line,
                f"XML của mục bị hỏng ở dòng {error.line}: {error.reason}. Mục này không "
                "được nhập; các mục khác vẫn tiếp tục.",
                xc.guess_title(piece.text),
            )
            return
        entry = _atom_entry(element) if self.atom else _rss_item(element)
        title = entry["title"] or xc.UNTITLED
        try:
            modified_at = parse_feed(entry["updated"])
        except ValueError:
            modified_at = None  # only the publishing date matters enough to refuse
        try:
            published_at = parse_feed(entry["date"])
        except ValueError as error:
            yield self.problem(
                piece.line,
                f"Ngày đăng không đọc được: '{error}'. Mục này không được nhập; các mục "
                "khác vẫn tiếp tục.",
                title,
            )
            return
        link = self._absolute(entry["link"])
        old_urls = [link] if link.startswith(("http://", "https://")) else []
        if entry["permalink"] and entry["guid"].startswith(("http://", "https://")):
            if entry["guid"] not in old_urls:
                old_urls.append(entry["guid"])
        image = None
        if entry["image"]:
            url = self._absolute(entry["image"]["url"])
            image = ImageRecord(key=f"feed:{url}", url=url, **entry["image"]["about"])
        categories = _unique(entry["categories"])
        self.stats["entries"] += 1
        yield ArticleRecord(
            key=self._key(entry, link),
            title=title,
            line=piece.line,
            lead=entry["lead"],
            body_html=entry["body"],
            published_at=published_at,
            modified_at=modified_at,
            status=Status.PUBLISHED,
            section=categories[0] if categories else "",
            tags=categories[1:],
            authors=_unique(entry["authors"] or (self.feed["authors"] if self.atom else [])),
            source=entry["source"],
            image=image,
            old_urls=old_urls,
        )

    def _absolute(self, url):
        url = (url or "").strip()
        if url and self.base and not urlsplit(url).scheme:
            return urljoin(self.base, url)
        return url

    def _key(self, entry, link):
        guid = entry["guid"]
        if guid and (self.atom or _is_uri(guid)):
            return f"feed:{guid}"
        if link:
            return f"feed:{link}"
        site = self.feed["link"] or self.name
        if guid:
            return f"feed:{site}#{guid}"
        digest = hashlib.sha1(f"{entry['title']}\n{entry['date']}".encode()).hexdigest()
        return f"feed:{site}#{digest[:16]}"


def _is_uri(value):
    parts = urlsplit(value)
    if parts.scheme in ("http", "https"):
        return bool(parts.netloc)
    return parts.scheme in ("tag", "urn") and bool(parts.path)


def _unique(values):
    seen = []
    for value in values:
        value = (value or "").strip()
        if value and value not in seen:
            seen.append(value)
    return seen


def _empty_entry():
    return {
        "title": "", "link": "", "guid": "", "permalink": False, "date": "", "updated": "",
        "body": "", "lead": "", "authors": [], "categories": [], "image": None, "source": "",
    }  # fmt: skip


# --- RSS ------------------------------------------------------------------------------


def _rss_item(element):
    entry = _empty_entry()
    description = content = ""
    images = []
    for child in element:
        ns, name = xc.local(child)
        if ns in RSS_PLAIN:
            if name == "title" and not entry["title"]:
                entry["title"] = xc.text_of(child)
            elif name == "link" and not entry["link"]:
                entry["link"] = xc.text_of(child)
            elif name == "guid" and not entry["guid"]:
                entry["guid"] = xc.text_of(child)
                entry["permalink"] = child.get("isPermaLink", "true").lower() != "false"
            elif name == "description":
                description = xc.text_of(child)
            elif name == "pubDate":
                entry["date"] = entry["date"] or xc.text_of(child)
            elif name == "author":
                entry["authors"].append(_rss_author(xc.text_of(child)))
            elif name == "category":
                entry["categories"].append(xc.text_of(child))
            elif name == "enclosure":
                images.append(_image(child.get("url"), child.get("type")))
            elif name == "source":
                entry["source"] = xc.text_of(child)
        elif ns == CONTENT and name == "encoded":
            content = xc.text_of(child)
        elif ns == DC:
            if name == "creator":
                entry["authors"].append(xc.text_of(child))
            elif name == "date" and not entry["date"]:
                entry["date"] = xc.text_of(child)
            elif name == "subject":
                entry["categories"].append(xc.text_of(child))
        elif ns == MEDIA:
            images += _media(child)
    if content:
        entry["body"], entry["lead"] = content, plain_text(description)
    else:
        entry["body"] = description
    entry["image"] = next((image for image in images if image), None)
    return entry


_EMAIL_NAME = re.compile(r"^\s*\S+@\S+\s*\((.+)\)\s*$|^\s*(.+?)\s*<\S+@\S+>\s*$")


def _rss_author(value):
    """RSS's `author` is an e-mail address: 'a@b.vn (Nguyễn Văn A)' gives the name, a
    bare address nothing (it is no byline, and not for publishing)."""
    match = _EMAIL_NAME.match(value)
    if match:
        return (match.group(1) or match.group(2)).strip()
    return "" if re.fullmatch(r"\S+@\S+", value.strip()) else value


def _image(url, kind, about=None):
    url = (url or "").strip()
    if not url:
        return None
    is_image = (kind or "").startswith("image/") or (
        not kind and _IMAGE_FILE.search(urlsplit(url).path)
    )
    return {"url": url, "about": about or {}} if is_image else None


def _media(element):
    """Pictures in Media RSS: media:content, media:thumbnail, media:group."""
    _, name = xc.local(element)
    if name == "group":
        return [image for child in element for image in _media(child)]
    if name not in ("content", "thumbnail"):
        return []
    about = {}
    for child in element:
        ns, part = xc.local(child)
        if ns == MEDIA and part in ("title", "description", "credit"):
            about[{"description": "caption"}.get(part, part)] = xc.text_of(child)
    kind = element.get("type") or ("image/*" if element.get("medium") == "image" else None)
    if name == "thumbnail":
        kind = "image/*"
    return [_image(element.get("url"), kind, about)]


# --- Atom -----------------------------------------------------------------------------


def _atom_entry(element):
    entry = _empty_entry()
    content = summary = ""
    images = []
    for child in element:
        ns, name = xc.local(child)
        if ns in (ATOM, ATOM03):
            if name == "title":
                entry["title"] = _atom_text(child, html_out=False)
            elif name == "id":
                entry["guid"] = xc.text_of(child)
            elif name == "link":
                rel = child.get("rel", "alternate")
                if rel == "alternate" and not entry["link"]:
                    entry["link"] = child.get("href", "")
                elif rel == "enclosure":
                    images.append(_image(child.get("href"), child.get("type")))
            elif name in ("published", "issued"):
                entry["date"] = xc.text_of(child)
            elif name in ("updated", "modified"):
                entry["updated"] = xc.text_of(child)
            elif name == "content" and not child.get("src"):
                content = _atom_text(child)
            elif name == "summary":
                summary = _atom_text(child)
            elif name == "author":
                entry["authors"] += _atom_people(child)
            elif name == "category":
                entry["categories"].append(child.get("label") or child.get("term"))
        elif ns == MEDIA:
            images += _media(child)
        elif ns == DC and name == "creator":
            entry["authors"].append(xc.text_of(child))
    entry["date"] = entry["date"] or entry["updated"]
    if content:
        entry["body"], entry["lead"] = content, plain_text(summary)
    else:
        entry["body"] = summary
    entry["image"] = next((image for image in images if image), None)
    return entry


def _atom_people(element):
    return [
        xc.text_of(child)
        for child in element
        if xc.local(child) in ((ATOM, "name"), (ATOM03, "name"))
    ]


def _atom_text(element, html_out=True):
    """An Atom text construct: text, html (escaped) or xhtml (inline), as HTML (or, for
    titles, as the text it shows)."""
    kind = element.get("type", "text")
    mode = element.get("mode", "")  # Atom 0.3
    if kind in ("xhtml", "application/xhtml+xml") or mode == "xml":
        inner = _xhtml_inner(element)
        return inner if html_out else plain_text(inner)
    text = xc.text_of(element)
    if kind in ("html", "text/html") or mode == "escaped":
        return text if html_out else plain_text(text)
    return html.escape(text, quote=False) if html_out and text else text


def _xhtml_inner(element):
    """The inside of an xhtml construct's <div>, as HTML without namespaces."""
    container = element
    children = [child for child in element if isinstance(child.tag, str)]
    if len(children) == 1 and xc.local(children[0]) == (XHTML, "div"):
        container = children[0]
    # A copy of its own: serialising a subelement would repeat every namespace declared
    # on its ancestors.
    container = copy.deepcopy(container)
    for node in container.iter():
        if isinstance(node.tag, str):
            node.tag = etree.QName(node).localname
    etree.cleanup_namespaces(container)
    parts = [html.escape(container.text or "", quote=False)]
    for child in container:
        parts.append(etree.tostring(child, encoding="unicode", method="html", with_tail=False))
        parts.append(html.escape(child.tail or "", quote=False))
    return "".join(parts).strip()


def plain_text(markup):
    """HTML as the plain text it shows, its white space collapsed."""
    markup = (markup or "").strip()
    if not markup:
        return ""
    if "<" not in markup and "&" not in markup:
        return " ".join(markup.split())
    try:
        fragment = lxml_html.fragment_fromstring(markup, create_parent="div")
        for node in list(fragment.iter("script", "style")):
            node.drop_tree()
        text = fragment.text_content()
    except (etree.LxmlError, ValueError):
        text = html.unescape(re.sub(r"<[^>]*>", " ", markup))
    return " ".join(text.split())
