"""Keeping the search documents in step with the live articles."""

import itertools
import queue
import threading
from contextlib import contextmanager

from django.db import connection, transaction
from django.utils import timezone

from toasoan.news.models import ArticleAuthor, ArticlePage, ArticleTag, SectionPage
from toasoan.text import fold_word, telex_word, words

from . import postgres_swap, schema
from .body_text import body_text
from .fields import MAX_CHARS  # the first 100,000 characters of a field are searched
from .models import SearchDocument, sort_key

BATCH_SIZE = 500


def _extra_text(caption, credit, tag_names, author_names, source) -> str:
    parts = [caption, credit, *tag_names, *author_names, source]
    return " · ".join(part for part in parts if part)


class _WordKeys(dict):
    """`fold_word` or `telex_word` through a plain dict: `rebuild` looks up a
    million words a minute, and a dict hit costs half an lru_cache hit."""

    def __init__(self, function, limit=200_000):
        super().__init__()
        self.function, self.limit = function, limit

    def __missing__(self, word):
        if len(self) >= self.limit:  # text of random words must not grow it forever
            self.clear()
        key = self[word] = self.function(word)
        return key


_FOLD = _WordKeys(fold_word).__getitem__
_TELEX = _WordKeys(telex_word).__getitem__


def _folded(word_list) -> str:
    """Folded words between single spaces, with a space at each end, so that
    `' dung dang '` is found in it only as whole words."""
    return f" {' '.join(map(_FOLD, word_list))} "


# SearchDocument's columns (its fields' order), as `_document_row` gives them.
COLUMNS = (
    "page_id", "sort_key", "section_id", "published_at", "title", "lead", "body", "extra",
    "title_words", "lead_words", "body_words", "extra_words", "telex", "title_telex",
    "lead_telex",
)


def _document_row(page_id, title, lead, body, extra, published_at, section_id):
    """A search document's column values (`COLUMNS`), from an article's title, lead,
    body text and extra text (`_body_text`, `_extra_text`)."""
    lead, body, extra = lead[:MAX_CHARS], body[:MAX_CHARS], extra[:MAX_CHARS]
    title_w, lead_w, body_w, extra_w = (words(text) for text in (title, lead, body, extra))
    title_t, lead_t = list(map(_TELEX, title_w)), list(map(_TELEX, lead_w))
    return (
        page_id,
        sort_key(published_at, page_id),
        section_id,
        published_at,
        title,
        lead,
        body,
        extra,
        _folded(title_w),
        _folded(lead_w),
        _folded(body_w),
        _folded(extra_w),
        " ".join(itertools.chain(title_t, lead_t, map(_TELEX, body_w), map(_TELEX, extra_w))),
        " ".join(title_t),
        " ".join(lead_t),
    )


def document_for(page: ArticlePage):
    """The unsaved search document of a live article."""
    parent = page.get_parent()
    tag_names = [tag.name for tag in page.tags.all()]
    author_names = [author.name for author in page.authors.all()]
    row = _document_row(
        page.pk,
        page.title,
        page.lead,
        body_text(page.body),
        _extra_text(page.image_caption, page.image_credit, tag_names, author_names,
                    page.source),
        page.first_published_at or page.last_published_at or timezone.now(),
        parent.pk if parent else None,
    )
    return SearchDocument(**dict(zip(COLUMNS, row, strict=True)))


def index_new(section, pages) -> None:
    """Index live articles just created under `section` in bulk, their tags and
    authors as the instances hold them."""
    if not pages or section.get_view_restrictions().exists():
        return
    rows = [
        _document_row(
            page.pk, page.title, page.lead, body_text(page.body),
            _extra_text(page.image_caption, page.image_credit,
                        [tag.name for tag in page.tags.all()],
                        [author.name for author in page.authors.all()], page.source),
            page.first_published_at, section.pk,
        )
        for page in pages
    ]
    with connection.cursor() as cursor:
        _insert(cursor, SearchDocument._meta.db_table, rows)


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
    if connection.vendor == "postgresql":
        if not connection.in_atomic_block:
            # Reading and folding the next articles (Python) overlaps with the database
            # writing and indexing this batch (the server's own process).
            batches = _read_ahead(batches)
        with transaction.atomic(), connection.cursor() as cursor:
            return postgres_swap.refill(cursor, SearchDocument._meta.db_table,
                                        lambda table: _fill(cursor, table, batches, progress))
    with transaction.atomic(), _bulk_writes() as cursor:
        cursor.execute(f"DELETE FROM {SearchDocument._meta.db_table}")
        return _fill(cursor, SearchDocument._meta.db_table, batches, progress)


def _fill(cursor, table, batches, progress) -> int:
    count = 0
    for batch in batches:
        _insert(cursor, table, batch)
        count += len(batch)
        if progress:
            progress(len(batch))
    return count


def _insert(cursor, table, rows):
    """Insert documents (`_document_row` tuples): straight rows, no model instances
    (bulk_create's per-field preparation cost a fifth of the Python time)."""
    if connection.vendor == "postgresql":
        with cursor.cursor.copy(f"COPY {table} ({', '.join(COLUMNS)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    published_at = SearchDocument._meta.get_field("published_at")
    at = COLUMNS.index("published_at")
    cursor.executemany(
        f"INSERT INTO {table} ({', '.join(COLUMNS)}) VALUES ({', '.join(['%s'] * len(COLUMNS))})",
        [(*row[:at], published_at.get_db_prep_save(row[at], connection), *row[at + 1:])
         for row in rows],
    )


def _documents():
    """The rows (`_document_row`) of every live article, in page id order."""
    sections = dict(SectionPage.objects.values_list("path", "pk"))
    # Values, not pages: making an ArticlePage (and its cluster managers) for each cost
    # as much as folding its words.
    pages = live_articles().values_list(
        "pk", "path", "title", "lead", "body", "image_caption", "image_credit",
        "source", "first_published_at", "last_published_at",
    ).iterator(chunk_size=BATCH_SIZE)
    steplen = ArticlePage.steplen
    while chunk := list(itertools.islice(pages, BATCH_SIZE)):
        # Two queries a chunk for tags and authors: prefetching them through the
        # cluster managers costs more Python than the folding itself.
        ids = [row[0] for row in chunk]
        tags = _names_by_page(ArticleTag.objects.filter(content_object_id__in=ids)
                              .order_by("pk").values_list("content_object_id", "tag__name"))
        authors = _names_by_page(ArticleAuthor.objects.filter(page_id__in=ids)
                                 .order_by("sort_order", "pk").values_list("page_id", "name"))
        for (pk, path, title, lead, body, caption, credit, source, first, last) in chunk:
            yield _document_row(
                pk,
                title,
                lead,
                body_text(body),
                _extra_text(caption, credit, tags.get(pk, ()), authors.get(pk, ()), source),
                first or last or timezone.now(),
                sections.get(path[:-steplen]),
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
    """On SQLite, the FTS indexes are filled once at the end, in sort key order,
    instead of row by row."""
    with connection.cursor() as cursor:
        if connection.vendor != "sqlite":
            yield cursor
            return
        for name in schema.SQLITE_TABLES:
            for statement in schema.sqlite_drop_triggers(name):
                cursor.execute(statement)
        yield cursor
        for name, columns in schema.SQLITE_TABLES.items():
            for statement in schema.sqlite_refill(columns, name):
                cursor.execute(statement)
            for statement in schema.sqlite_triggers(columns, name):
                cursor.execute(statement)
