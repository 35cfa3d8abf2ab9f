"""Keeping the search documents in step with the live articles."""

from django.db import transaction
from django.utils import timezone

from toasoan.news.models import ArticlePage, SectionPage
from toasoan.text import fold_words, normalize, telex_words

from .fields import MAX_CHARS  # the first 100,000 characters of a field are searched
from .models import SearchDocument, sort_key

BATCH_SIZE = 500


def _words(text: str) -> str:
    """Folded words between single spaces, with a space at each end, so that
    `' dung dang '` is found in it only as whole words."""
    return f" {' '.join(fold_words(text))} "


def _body_text(page: ArticlePage) -> str:
    field = ArticlePage._meta.get_field("body")
    return "\n".join(normalize(str(part)) for part in field.get_searchable_content(page.body))


def _extra_text(page: ArticlePage, tag_names, author_names) -> str:
    parts = [page.image_caption, page.image_credit, *tag_names, *author_names, page.source]
    return " · ".join(part for part in parts if part)


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
        title_words=_words(title),
        lead_words=_words(lead),
        body_words=_words(body),
        extra_words=_words(extra),
        telex=" ".join(telex_words(f"{title}\n{lead}\n{body}\n{extra}")),
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
    articles = ArticlePage.objects.live().public().filter(alias_of__isnull=True)
    return articles.prefetch_related("tags", "authors").order_by("pk")


def rebuild(progress=None) -> int:
    """Replace every document from the live articles, in batches, in one transaction
    (readers keep the old index until it commits). `progress(n)` is told of each batch."""
    sections = dict(SectionPage.objects.values_list("path", "pk"))
    articles = live_articles()
    count = 0
    with transaction.atomic():
        SearchDocument.objects.all().delete()
        batch = []
        for page in articles.iterator(chunk_size=BATCH_SIZE):
            batch.append(
                document_for(
                    page,
                    section_id=sections.get(page.path[: -page.steplen]),
                    tag_names=[tag.name for tag in page.tags.all()],
                    author_names=[author.name for author in page.authors.all()],
                )
            )
            if len(batch) >= BATCH_SIZE:
                count += _flush(batch, progress)
        count += _flush(batch, progress)
    return count


def _flush(batch, progress) -> int:
    SearchDocument.objects.bulk_create(batch)
    done = len(batch)
    batch.clear()
    if progress:
        progress(done)
    return done
