"""WordPress exports (WXR 1.0, 1.1, 1.2) as a stream of records.

    for record in read_wxr("export.xml", media_dir="uploads/"):
        ...  # ArticleRecord, ImageRecord or Problem

Streaming: the file is read a block at a time and each `<item>` parsed alone, so a
500 MB export takes the memory of its largest post. What becomes what:

- posts (`wp:post_type` post) -> ArticleRecord; attachments -> ImageRecord (pictures
  only: a PDF or a video is skipped). Pages, menu items, revisions, custom types: skipped.
- posts in the trash: skipped. Statuses: publish -> PUBLISHED (PRIVATE when the post has
  a password: its text was not public), draft/pending/auto-draft -> DRAFT, future ->
  SCHEDULED, private -> PRIVATE; an unknown status -> DRAFT (never publish by guess).
- comments: pingbacks and trackbacks skipped; a comment's unreadable date -> None.
- a post without a title -> "(không có tiêu đề)" (its text is still worth keeping).
- Problems (Vietnamese, naming file, line and title): an item whose XML is broken, the
  item a truncated file ends inside, an unreadable post date, a post without
  `wp:post_id`, an attachment without an address; and, as the only record, a file that
  is empty, not XML, an HTML page or not a WordPress export. Characters XML forbids
  are dropped, HTML entities and bare '&'s repaired, junk before the XML skipped.

Keys: "wxr:<site>#<post id>", the site being `wp:base_blog_url` (else
`wp:base_site_url`, else the channel's link) without its scheme and final slash, so an
export made after the site moved to https keeps its keys. `image_key` has the same
form, comments "wxr:<site>#comment-<id>".

`stats` (a collections.Counter, optional) counts what was read and skipped: "posts",
"attachments", "problems", "skipped_trash", "skipped_type:<type>",
"skipped_attachment_not_image", "skipped_pingback", "bytes_read".
"""

import functools
import mimetypes
import os
import re
from collections import Counter
from datetime import UTC
from urllib.parse import unquote, urlsplit

from ..media import local_file
from ..records import (
    ArticleRecord,
    CommentRecord,
    CommentStatus,
    ImageRecord,
    Status,
)
from . import xmlchunks as xc
from .dates import VIETNAM, is_unset_wordpress_date, parse_wordpress

CONTENT = "http://purl.org/rss/1.0/modules/content/"
DC = "http://purl.org/dc/elements/1.1/"
WFW = "http://wellformedweb.org/CommentAPI/"
_WP = re.compile(r"^https?://wordpress\.org/export/(\d+\.\d+)/$")
_EXCERPT = re.compile(r"^https?://wordpress\.org/export/(\d+\.\d+)/excerpt/$")

STATUSES = {
    "publish": Status.PUBLISHED,
    "draft": Status.DRAFT,
    "pending": Status.DRAFT,
    "auto-draft": Status.DRAFT,
    "future": Status.SCHEDULED,
    "private": Status.PRIVATE,
}
COMMENT_STATUSES = {
    "1": CommentStatus.APPROVED,
    "approve": CommentStatus.APPROVED,
    "0": CommentStatus.PENDING,
    "hold": CommentStatus.PENDING,
    "spam": CommentStatus.SPAM,
    "trash": CommentStatus.TRASH,
    "post-trashed": CommentStatus.TRASH,
}


def read_wxr(path, media_dir=None, stats=None):
    """ArticleRecord, ImageRecord and Problem records of a WordPress export, in file order."""
    return _WxrReader(path, media_dir, stats if stats is not None else Counter()).records()


class _WxrReader(xc.SourceReader):
    def __init__(self, path, media_dir, stats):
        super().__init__(path, stats)
        self.media_dir = os.fspath(media_dir) if media_dir else None
        self.authors = {}  # login -> display name
        self.site = {}  # base_blog_url, base_site_url, link, wxr_version
        self._site_key = None

    def _read(self, stream):
        head = xc.Head(self._on_head_element)
        namespaces = None
        last_complete = True
        for piece in xc.Scanner(stream, ("rss",), self.stats):
            if piece.kind == "start":
                if piece.skipped:
                    yield self.problem(
                        1,
                        f"Có {piece.skipped} dòng lạ trước phần XML (thường là cảnh báo PHP "
                        "in lẫn vào tệp xuất); đã bỏ qua chúng.",
                    )
                problem = self._start_problem(piece)
                if problem:
                    yield problem
                    return
            elif piece.kind == "head":
                head.feed(piece.text)
            elif piece.kind == "item":
                if namespaces is None:
                    namespaces = self._namespaces(head)
                    if namespaces is None:
                        yield self.problem(
                            piece.line,
                            "Tệp này là RSS nhưng không phải tệp xuất WordPress (WXR): không "
                            "có không gian tên http://wordpress.org/export/…. Nếu đây là "
                            "nguồn tin RSS, hãy dùng lệnh `toasoan import rss`.",
                        )
                        return
                last_complete = piece.complete
                yield from self.guarded(piece, self._item, namespaces)
            elif piece.kind == "end":
                if namespaces is None and self._namespaces(head) is None:
                    yield self.problem(
                        1,
                        "Tệp này không phải tệp xuất WordPress (WXR): không có không gian "
                        "tên http://wordpress.org/export/….",
                    )
                elif not piece.complete and last_complete:
                    yield self.problem(
                        piece.line,
                        "Tệp kết thúc đột ngột, thiếu thẻ đóng </rss>: có thể tệp bị cắt "
                        "cụt và thiếu các mục phía sau. Các mục đọc được vẫn được nhập; "
                        "hãy xuất lại tệp từ WordPress để có đủ.",
                    )

    def _start_problem(self, piece):
        if piece.text == "":
            if not piece.complete:
                return self.problem(1, "Tệp rỗng, không có gì để nhập.")
            return self.problem(
                1, "Tệp không phải XML, nên không phải tệp xuất WordPress (WXR)."
            )
        if xc.root_local(piece.text).lower() == "html":
            return self.problem(
                1,
                "Tệp này là một trang HTML, không phải tệp xuất WordPress (WXR). Hãy xuất "
                "lại từ trang quản trị WordPress: Công cụ → Xuất → Tất cả nội dung.",
            )
        if xc.root_local(piece.text) != "rss":
            return self.problem(
                1,
                f"Tệp XML này không phải tệp xuất WordPress (WXR): phần tử gốc là "
                f"<{piece.text}>, không phải <rss>.",
            )
        return None

    # --- the header: site and authors ----------------------------------------------

    def _on_head_element(self, element, depth):
        ns, name = xc.local(element)
        if _WP.match(ns):
            if name == "author":
                fields = {xc.local(child)[1]: xc.text_of(child) for child in element}
                login = fields.get("author_login", "")
                if login:
                    self.authors[login] = fields.get("author_display_name") or login
            elif name in ("base_site_url", "base_blog_url", "wxr_version"):
                self.site[name] = xc.text_of(element)
        elif ns == "" and name == "link" and depth == 2:
            self.site.setdefault("link", xc.text_of(element))

    def _namespaces(self, head):
        """Namespaces to parse items with; None if this is no WordPress export."""
        declared = dict(head.namespaces)
        wp = next((uri for uri in declared.values() if _WP.match(uri)), None)
        if wp is None:
            return None
        version = _WP.match(wp).group(1)
        defaults = {
            "wp": wp,
            "excerpt": f"http://wordpress.org/export/{version}/excerpt/",
            "content": CONTENT,
            "dc": DC,
            "wfw": WFW,
        }
        for prefix, uri in defaults.items():
            declared.setdefault(prefix, uri)
        return declared

    @property
    def site_key(self):
        if self._site_key is None:
            base = (
                self.site.get("base_blog_url")
                or self.site.get("base_site_url")
                or self.site.get("link")
            )
            if base:
                parts = urlsplit(base.strip())
                site = (parts.netloc.lower() + parts.path).rstrip("/") or base.strip()
            else:  # no way to name the site: the file's name
                site = "file:" + os.path.basename(os.fspath(self.source))
            self._site_key = f"wxr:{site}"
        return self._site_key

    # --- items -----------------------------------------------------------------------

    def _item(self, piece, namespaces):
        if not piece.complete:
            title = xc.guess_title(piece.text)
            if piece.oversized:
                reason = (
                    f"Mục bắt đầu ở dòng {piece.line} dài quá mức (hơn {xc.MAX_ITEM >> 20} "
                    "triệu ký tự): có lẽ một đoạn CDATA hay chú thích không được đóng. Mục "
                    "này không được nhập; việc đọc tiếp tục từ mục sau."
                )
            elif piece.truncated:
                reason = (
                    f"Tệp bị cắt cụt: mục bắt đầu ở dòng {piece.line} chưa kết thúc (thiếu "
                    "</item>) khi hết tệp. Mục này không được nhập; các mục trước đó vẫn "
                    "được nhập."
                )
            else:
                reason = (
                    f"Mục bắt đầu ở dòng {piece.line} không có thẻ đóng </item> trước khi "
                    "mục sau bắt đầu. Mục này không được nhập; các mục khác vẫn tiếp tục."
                )
            yield self.problem(piece.line, reason, title)
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
        item = _fields(element)
        post_type = item.wp.get("post_type") or "post"
        status = item.wp.get("status", "")
        if status == "trash":
            self.stats["skipped_trash"] += 1
        elif post_type == "post":
            yield self._post(item, piece.line)
        elif post_type == "attachment":
            record = self._attachment(item, piece.line)
            if record is not None:
                yield record
        else:
            self.stats[f"skipped_type:{post_type}"] += 1

    def _post(self, item, line):
        title = item.title or xc.UNTITLED
        post_id = item.wp.get("post_id", "")
        if not post_id:
            return self.problem(
                line, "Bài không có mã bài (wp:post_id), nên không nhập được.", title
            )
        gmt, local_date = item.wp.get("post_date_gmt", ""), item.wp.get("post_date", "")
        field, value, zone = "wp:post_date_gmt", gmt, UTC
        if is_unset_wordpress_date(gmt):
            field, value, zone = "wp:post_date", local_date, VIETNAM
        try:
            published_at = parse_wordpress(value, zone)
        except ValueError:
            return self.problem(
                line,
                f"Ngày đăng không đọc được: '{value}' ({field}). Mục này không được nhập; "
                "các mục khác vẫn tiếp tục.",
                title,
            )
        try:
            modified_at = parse_wordpress(item.wp.get("post_modified_gmt"), UTC) or (
                parse_wordpress(item.wp.get("post_modified"), VIETNAM)
            )
        except ValueError:
            modified_at = None
        status = STATUSES.get(item.wp.get("status", ""), Status.DRAFT)
        if status == Status.PUBLISHED and item.wp.get("post_password"):
            status = Status.PRIVATE
        sections, tags = _terms(item.categories)
        thumbnail = item.meta.get("_thumbnail_id", "")
        self.stats["posts"] += 1
        return ArticleRecord(
            key=f"{self.site_key}#{post_id}",
            title=title,
            line=line,
            lead=item.excerpt,
            body_html=item.content,
            published_at=published_at,
            modified_at=modified_at,
            status=status,
            slug=unquote(item.wp.get("post_name", "")),
            section=sections[0] if sections else "",
            tags=_unique(sections[1:] + tags),
            authors=_unique(self.authors.get(login, login) for login in item.creators),
            image_key=f"{self.site_key}#{thumbnail}" if _is_id(thumbnail) else "",
            old_urls=_old_urls(item),
            comments=list(self._comments(item)),
        )

    def _comments(self, item):
        for comment in item.comments:
            if comment.get("comment_type", "") in ("pingback", "trackback"):
                self.stats["skipped_pingback"] += 1
                continue
            try:
                created_at = parse_wordpress(comment.get("comment_date_gmt"), UTC) or (
                    parse_wordpress(comment.get("comment_date"), VIETNAM)
                )
            except ValueError:
                created_at = None
            parent = comment.get("comment_parent", "")
            yield CommentRecord(
                key=f"{self.site_key}#comment-{comment.get('comment_id', '')}",
                name=comment.get("comment_author", ""),
                content=comment.get("comment_content", ""),
                created_at=created_at,
                status=COMMENT_STATUSES.get(
                    comment.get("comment_approved", ""), CommentStatus.PENDING
                ),
                email=comment.get("comment_author_email", ""),
                url=comment.get("comment_author_url", ""),
                ip_address=comment.get("comment_author_IP", ""),
                parent_key=f"{self.site_key}#comment-{parent}"
                if parent not in ("", "0")
                else "",
            )

    def _attachment(self, item, line):
        post_id = item.wp.get("post_id", "")
        url = item.wp.get("attachment_url") or item.guid
        if not post_id or not url:
            return self.problem(
                line,
                "Tệp đính kèm không có mã (wp:post_id) hoặc không có địa chỉ "
                "(wp:attachment_url), nên không nhập được.",
                item.title,
            )
        kind = mimetypes.guess_type(urlsplit(url).path)[0]
        if kind is not None and not kind.startswith("image/"):
            self.stats["skipped_attachment_not_image"] += 1
            return None
        self.stats["attachments"] += 1
        metadata = item.meta.get("_wp_attachment_metadata", "")
        credit = re.search(r's:6:"credit";s:\d+:"(.*?)";', metadata)
        return ImageRecord(
            key=f"{self.site_key}#{post_id}",
            url=url,
            path=str(local_file(url, self.media_dir) or ""),
            title=item.title,
            caption=item.excerpt,
            credit=credit.group(1) if credit else "",
            alt=item.meta.get("_wp_attachment_image_alt", ""),
        )


class _Item:
    def __init__(self):
        self.title = self.link = self.guid = self.content = self.excerpt = ""
        self.creators, self.categories, self.comments = [], [], []
        self.wp, self.meta = {}, {}


@functools.lru_cache(maxsize=64)
def _namespace(uri):
    """What a namespace URI is, for WXR: "wp", "excerpt", "content", "dc", "" or None."""
    if uri == "":
        return ""
    if uri == CONTENT:
        return "content"
    if uri == DC:
        return "dc"
    if _WP.match(uri):
        return "wp"
    if _EXCERPT.match(uri):
        return "excerpt"
    return None


def _fields(element):
    item = _Item()
    for child in element:
        ns, name = xc.local(child)
        kind = _namespace(ns)
        if kind == "":
            if name == "category":
                item.categories.append((child.get("domain"), xc.text_of(child)))
            elif name in ("title", "link", "guid") and not getattr(item, name):
                setattr(item, name, xc.text_of(child))
        elif kind == "content" and name == "encoded":
            item.content = xc.text_of(child)
        elif kind == "excerpt" and name == "encoded":
            item.excerpt = xc.text_of(child)
        elif kind == "dc" and name == "creator":
            if creator := xc.text_of(child):
                item.creators.append(creator)
        elif kind == "wp":
            if name == "postmeta":
                meta = {xc.local(part)[1]: xc.text_of(part) for part in child}
                item.meta.setdefault(meta.get("meta_key", ""), meta.get("meta_value", ""))
            elif name == "comment":
                item.comments.append(
                    {xc.local(part)[1]: xc.text_of(part) for part in child if len(part) == 0}
                )
            else:
                item.wp.setdefault(name, xc.text_of(child))
    return item


def _is_id(value):
    return value.isdigit() and value.strip("0") != ""


def _terms(categories):
    """Categories (their display names, in order) and tags. WXR 1.0 writes each category
    twice, with and without `domain`, and tags with domain "tag"."""
    sections, tags = [], []
    for domain, name in categories:
        if not name:
            continue
        if domain in (None, "category"):
            sections.append(name)
        elif domain in ("post_tag", "tag"):
            tags.append(name)
    return _unique(sections), _unique(tags)


def _unique(values):
    seen = []
    for value in values:
        if value and value not in seen:
            seen.append(value)
    return seen


_POST_ID_URL = re.compile(r"[?&]p=\d+")


def _old_urls(item):
    urls = [item.link] if item.link.startswith(("http://", "https://")) else []
    if _POST_ID_URL.search(item.guid) and item.guid.startswith(("http://", "https://")):
        urls.append(item.guid)
    return _unique(urls)

