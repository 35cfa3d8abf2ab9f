"""New articles stored many at a time, in the state Wagtail's publishing leaves them.

Publishing one page through Wagtail saves it three times and runs every signal
handler each time (about 90 ms an article here: 10 a second). An import of years
of articles can't wait for that, so new articles of one section are written
together: their tree rows with paths numbered after the section's last child,
their first revision (live, scheduled or draft), bylines, tags, search documents
and the admin search's entries, in a few statements per table. Updates of articles
already imported go through Wagtail's own publishing (`saving.Importer`), and so
does any batch that fails here, one article at a time.
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone
from modelcluster.models import get_all_child_relations
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.search.backends import get_search_backend

from toasoan.news.models import ArticleAuthor, ArticlePage, ArticleTag, Tag
from toasoan.search import indexing
from toasoan.search.fields import each_value_once
from toasoan.text import slugify

from .records import Status

CHILD_RELATIONS = [relation.get_accessor_name()
                   for relation in get_all_child_relations(ArticlePage)]


def create_articles(section, prepared) -> list[ArticlePage]:
    """Store `prepared` (saving.Prepared) as new articles under `section`, in order;
    return the pages."""
    now = timezone.now()
    content_type = ContentType.objects.get_for_model(ArticlePage)
    pages = _tree_rows(section, prepared, content_type, now)
    _child_rows(pages)
    tags = _tags({name for item in prepared for name in item.tags})
    # Bylines and tags in memory first (the revisions and the search indexes read them
    # from there), then stored in one statement each. A new page has no other children
    # (editors' comments): saying so spares the revisions a query each.
    for page, item in zip(pages, prepared, strict=True):
        for name in CHILD_RELATIONS:
            setattr(page, name, [])
        page.authors = [ArticleAuthor(name=name, sort_order=number)
                        for number, name in enumerate(item.authors)]
        page.tagged_items = [ArticleTag(tag=tags[name]) for name in item.tags]
    ArticleAuthor.objects.bulk_create(
        [_bound(author, "page_id", page) for page in pages for author in page.authors.all()])
    ArticleTag.objects.bulk_create(
        [_bound(tagged, "content_object_id", page)
         for page in pages for tagged in page.tagged_items.all()])
    _revisions(pages, prepared, content_type, now)
    live = [page for page in pages if page.live]
    indexing.index_new(section, live)
    with each_value_once():
        get_search_backend().add_bulk(ArticlePage, pages)
    return pages


def _tree_rows(section, prepared, content_type, now):
    last = section.get_last_child()
    step = ArticlePage._str2int(last.path[-ArticlePage.steplen:]) + 1 if last else 1
    depth = section.depth + 1
    taken = set(section.get_children().values_list("slug", flat=True))
    pages = []
    for number, item in enumerate(prepared):
        slug = _free_slug(item.slug, taken)
        page = ArticlePage(
            **item.fields,
            path=ArticlePage._get_path(section.path, depth, step + number),
            depth=depth, numchild=0, slug=slug, url_path=f"{section.url_path}{slug}/",
            content_type=content_type, locale_id=section.locale_id,
            translation_key=uuid.uuid4(), draft_title=item.fields["title"],
            latest_revision_created_at=now,
        )
        _set_state(page, item, now)
        pages.append(page)
    Page.objects.bulk_create(pages)
    for page in pages:
        page.page_ptr_id = page.id
    Page.objects.filter(pk=section.pk).update(numchild=section.numchild + len(pages))
    section.numchild += len(pages)
    return pages


def _set_state(page, item, now):
    when = item.published_at or now
    if item.status in (Status.PUBLISHED, Status.SCHEDULED) and when > now:
        page.live, page.has_unpublished_changes, page.go_live_at = False, True, when
    elif item.status in (Status.PUBLISHED, Status.SCHEDULED):
        page.live, page.has_unpublished_changes = True, False
        page.first_published_at = when
        page.last_published_at = max(item.modified_at or when, when)
    else:
        page.live, page.has_unpublished_changes = False, True


def _free_slug(wanted, taken):
    slug = slugify(wanted, max_length=200) or "bai-viet"
    base, number = slug, 1
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    taken.add(slug)
    return slug


def _child_rows(pages):
    """The article table's own columns, prepared by their fields (the body's block ids
    among them) and inserted in one statement per batch."""
    fields = [field for field in ArticlePage._meta.local_concrete_fields]
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    marks = ", ".join(["%s"] * len(fields))
    rows = []
    for page in pages:
        page.body = ArticlePage._meta.get_field("body").to_python(page.body)
        rows.append([field.get_db_prep_save(getattr(page, field.attname), connection)
                     for field in fields])
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {ArticlePage._meta.db_table} ({columns}) VALUES ({marks})", rows)


def _bound(child, attname, page):
    setattr(child, attname, page.pk)
    return child


def _tags(names):
    tags = {tag.name: tag for tag in Tag.objects.filter(name__in=names)}
    for name in sorted(names - set(tags)):
        tags[name] = Tag.objects.create(name=name, slug=_free_tag_slug(name))
    return tags


def _free_tag_slug(name):
    slug = base = slugify(name, max_length=90) or "tu-khoa"
    number = 1
    while Tag.objects.filter(slug=slug).exists():
        slug = f"{base}-{number}"
        number += 1
    return slug


def _revisions(pages, prepared, content_type, now):
    base_type = ContentType.objects.get_for_model(Page)
    revisions = Revision.objects.bulk_create([
        Revision(
            content_type=content_type, base_content_type=base_type, object_id=str(page.pk),
            created_at=now, object_str=page.title, content=page.serializable_data(),
            approved_go_live_at=page.go_live_at,
        )
        for page in pages
    ])
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {Page._meta.db_table} SET latest_revision_id = %s, live_revision_id = %s"
            " WHERE id = %s",
            [(revision.pk, revision.pk if page.live else None, page.pk)
             for page, revision in zip(pages, revisions, strict=True)],
        )
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision_id = revision.pk
        page.live_revision_id = revision.pk if page.live else None
    PageLogEntry.objects.bulk_create([
        PageLogEntry(content_type=content_type, page=page, revision=revision, label=page.title,
                     action="wagtail.publish" if page.live else "wagtail.create",
                     timestamp=now, data={}, content_changed=True)
        for page, revision in zip(pages, revisions, strict=True)
    ])
