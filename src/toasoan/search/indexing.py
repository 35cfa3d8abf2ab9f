"""Keeping the search documents in step with the live articles."""

import itertools
import queue
import re
import threading
from contextlib import contextmanager
from html import unescape

from django.db import connection, transaction
from django.utils import timezone

from toasoan.news.models import ArticleAuthor, ArticlePage, ArticleTag, SectionPage
from toasoan.text import fold_word, telex_word, words

from . import schema
from .fields import MAX_CHARS  # the first 100,000 characters of a field are searched
from .models import SearchDocument, sort_key

BATCH_SIZE = 500


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


def _body_text(page: ArticlePage) -> str:
    # The stored block data, read directly: building every block to ask it for its
    # searchable content (and parsing rich text with html.parser) would halve the
    # rate at which `rebuild` indexes.
    parts = []
    for block in page.body.raw_data:
        parts.extend(_strings(block.get("value"), rich=block.get("type") == "text"))
    return "\n".join(part.strip() for part in parts if part and part.strip())


def _extra_text(page: ArticlePage, tag_names, author_names) -> str:
    parts = [page.image_caption, page.image_credit, *tag_names, *author_names, page.source]
    return " · ".join(part for part in parts if part)


def _folded(word_list) -> str:
    """Folded words between single spaces, with a space at each end, so that
    `' dung dang '` is found in it only as whole words."""
    return f" {' '.join(map(fold_word, word_list))} "


def document_for(page: ArticlePage, section_id=None, tag_names=None, author_names=None):
    """The unsaved search document of a live article."""
    if section_id is None:
        parent = page.get_parent()
        section_id = parent.pk if parent else None
    if tag_names is None:
        tag_names = [tag.name for tag in page.tags.all()]
    if author_names is None:
        author_names = [author.name for author in page.authors.all()]
    title, lead = page.title, page.lead[:MAX_CHARS]
    body = _body_text(page)[:MAX_CHARS]
    extra = _extra_text(page, tag_names, author_names)[:MAX_CHARS]
    title_w, lead_w, body_w, extra_w = (words(text) for text in (title, lead, body, extra))
    published_at = page.first_published_at or page.last_published_at or timezone.now()
    return SearchDocument(
        page_id=page.pk,
        sort_key=sort_key(published_at, page.pk),
        section_id=section_id,
        published_at=published_at,
        title=title,
        lead=lead,
        body=body,
        extra=extra,
        title_words=_folded(title_w),
        lead_words=_folded(lead_w),
        body_words=_folded(body_w),
        extra_words=_folded(extra_w),
        telex=" ".join(map(telex_word, [*title_w, *lead_w, *body_w, *extra_w])),
        title_telex=" ".join(map(telex_word, title_w)),
        lead_telex=" ".join(map(telex_word, lead_w)),
    )


def is_searchable(page) -> bool:
    """Live articles that anyone may read (an alias is found through its original)."""
    return (
        isinstance(page, ArticlePage)
        and page.live
        and page.alias_of_id is None
        and not page.get_view_restrictions().exists()
    )


def index_article(page: ArticlePage) -> None:
    """Index the live version of `page` (called when it is published or moved)."""
    if not is_searchable(page):
        remove_article(page.pk)
        return
    document = document_for(page)
    values = {
        field.attname: getattr(document, field.attname)
        for field in SearchDocument._meta.concrete_fields
        if not field.primary_key
    }
    SearchDocument.objects.update_or_create(page_id=page.pk, defaults=values)


def remove_article(page_id: int) -> None:
    SearchDocument.objects.filter(page_id=page_id).delete()


def remove_under(page) -> None:
    SearchDocument.objects.filter(page__path__startswith=page.path).delete()


def index_under(page) -> None:
    for article in ArticlePage.objects.live().descendant_of(page, inclusive=True):
        index_article(article)


def live_articles():
    """What `rebuild` indexes: live, public articles that are not aliases."""
    return ArticlePage.objects.live().public().filter(alias_of__isnull=True).order_by("pk")


def rebuild(progress=None) -> int:
    """Replace every document from the live articles, in batches, in one transaction
    (readers keep the old index until it commits). `progress(n)` is told of each batch."""
    batches = _batches(_documents())
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        # Reading and folding the next articles (Python) overlaps with the database
        # writing and indexing this batch (the server's own process).
        batches = _read_ahead(batches)
    count = 0
    with transaction.atomic(), _bulk_writes() as cursor:
        cursor.execute(f"DELETE FROM {SearchDocument._meta.db_table}")
        for batch in batches:
            SearchDocument.objects.bulk_create(batch)
            count += len(batch)
            if progress:
                progress(len(batch))
    return count


def _documents():
    sections = dict(SectionPage.objects.values_list("path", "pk"))
    pages = live_articles().iterator(chunk_size=BATCH_SIZE)
    while chunk := list(itertools.islice(pages, BATCH_SIZE)):
        # Two queries a chunk for tags and authors: prefetching them through the
        # cluster managers costs more Python than the folding itself.
        ids = [page.pk for page in chunk]
        tags = _names_by_page(ArticleTag.objects.filter(content_object_id__in=ids)
                              .order_by("pk").values_list("content_object_id", "tag__name"))
        authors = _names_by_page(ArticleAuthor.objects.filter(page_id__in=ids)
                                 .order_by("sort_order", "pk").values_list("page_id", "name"))
        for page in chunk:
            yield document_for(
                page,
                section_id=sections.get(page.path[: -page.steplen]),
                tag_names=tags.get(page.pk, []),
                author_names=authors.get(page.pk, []),
            )


def _names_by_page(rows):
    names = {}
    for page_id, name in rows:
        names.setdefault(page_id, []).append(name)
    return names


def _batches(documents):
    batch = []
    for document in documents:
        batch.append(document)
        if len(batch) >= BATCH_SIZE:
            yield batch
            batch = []
    if batch:
        yield batch


def _read_ahead(batches, depth=2):
    """Iterate `batches` from another thread (with its own database connection),
    up to `depth` batches ahead of the consumer."""
    ready = queue.Queue(maxsize=depth)
    stop = threading.Event()
    done = object()

    def offer(item):
        while not stop.is_set():
            try:
                ready.put(item, timeout=0.5)
                return True
            except queue.Full:
                continue
        return False

    def produce():
        try:
            for item in batches:
                if not offer(item):
                    return
            offer(done)
        except BaseException as error:  # raised again in the consumer
            offer(error)
        finally:
            connection.close()

    thread = threading.Thread(target=produce, name="toasoan-index-reader", daemon=True)
    thread.start()
    try:
        while (item := ready.get()) is not done:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        thread.join()


@contextmanager
def _bulk_writes():
    """On SQLite, the FTS indexes are rebuilt once at the end instead of row by row."""
    with connection.cursor() as cursor:
        if connection.vendor != "sqlite":
            yield cursor
            return
        for name in schema.SQLITE_TABLES:
            for statement in schema.sqlite_drop_triggers(name):
                cursor.execute(statement)
        yield cursor
        for name, columns in schema.SQLITE_TABLES.items():
            cursor.execute(schema.sqlite_rebuild(name))
            for statement in schema.sqlite_triggers(columns, name):
                cursor.execute(statement)
