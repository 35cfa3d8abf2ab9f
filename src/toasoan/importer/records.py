"""What a reader makes of one item of its source, before anything is saved.

Readers (`readers/`) parse a source format into these records; `saving` repairs,
sanitises and stores them. A record's `key` identifies the item in its source (a
WordPress post id, a feed entry's guid, a file's name), so importing the same
source again updates what it made instead of duplicating it.
"""

from dataclasses import dataclass, field
from datetime import datetime


class Status:
    """An article's state in its source, as saving understands it."""

    PUBLISHED = "published"
    DRAFT = "draft"
    SCHEDULED = "scheduled"  # published at `published_at`, in the future
    PRIVATE = "private"  # imported as a draft: toasoan has no private articles


class CommentStatus:
    APPROVED = "approved"
    PENDING = "pending"
    SPAM = "spam"
    TRASH = "trash"


@dataclass
class CommentRecord:
    key: str
    name: str
    content: str
    created_at: datetime | None = None
    status: str = CommentStatus.PENDING
    email: str = ""
    url: str = ""
    ip_address: str = ""
    parent_key: str = ""


@dataclass
class ImageRecord:
    """A picture an article uses: a file found locally (`path`) or only its `url`."""

    key: str
    url: str = ""
    path: str = ""
    title: str = ""
    caption: str = ""
    credit: str = ""
    alt: str = ""


@dataclass
class ArticleRecord:
    key: str
    title: str
    line: int = 0  # where the item starts in its file, for messages
    lead: str = ""
    body_html: str = ""  # HTML as the source has it; sanitised when saved
    published_at: datetime | None = None
    modified_at: datetime | None = None
    status: str = Status.PUBLISHED
    slug: str = ""
    section: str = ""  # the section's name; empty: the importer's default section
    tags: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    source: str = ""  # "Theo Báo ..."
    image: ImageRecord | None = None
    image_key: str = ""  # an attachment given elsewhere in the source (WordPress)
    old_urls: list[str] = field(default_factory=list)  # become redirects
    comments: list[CommentRecord] = field(default_factory=list)
    fixes: tuple[str, ...] = ()  # repairs the reader made while reading (`text.repair`)


@dataclass
class Problem:
    """An item that could not be read: where, and why (in Vietnamese, for the
    person running the import)."""

    where: str  # "tệp a.xml, dòng 120, mục 'Tiêu đề…'"
    reason: str
