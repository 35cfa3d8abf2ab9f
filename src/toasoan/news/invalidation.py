"""What each change makes out of date in the page cache (`pagecache`), bumped once
the change has committed.

An article published, edited, unpublished, moved, deleted, gone live on schedule or
expired: its own page; the pages that list it by title (`link:`), which covers
every newer/older list it leaves; the pages of the articles around it now, whose
lists it joins; its sections' lists (before and after a move); the home page, tag
pages, feeds and sitemap. A comment decision: the article's own page. A section,
the home page, the contact page (linked from every footer), the site, the portal or
comment settings, a view restriction, an edited image or document: every page (the
menu and settings are on every page, and `toasoan.news.portal` keeps them in memory
under the same tag; these are rare).
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from toasoan.comments.models import CommentSettings
from toasoan.comments.signals import comments_changed

from . import frontcache, pagecache
from .models import ArticlePage, ContactPage, HomePage, PortalSettings, SectionPage

SITE = "site"
HOME_LISTS = "list:home"
MOST_READ = "most-read"  # bumped every five minutes by the periodic jobs


def article_tag(page_id):
    return f"article:{page_id}"


def link_tag(page_id):
    return f"link:{page_id}"


def list_tag(page_id):
    return f"list:{page_id}"


def _changed_after_commit(tags, pages=()):
    """Bump `tags` once the change commits, and purge the front caches of `pages`
    (read now: a deleted page's place is known only now), or of every page."""
    tags = set(tags)
    urls = set()
    if frontcache.enabled() and SITE not in tags:
        for page in pages:
            urls.update(frontcache.page_urls(page))

    def done():
        pagecache.bump(tags)
        if SITE in tags and frontcache.enabled():
            frontcache.purge_everything_in_background()
        elif urls:
            frontcache.purge(urls)

    transaction.on_commit(done)


def _sections_at(path):
    """The sections at or above the tree path `path` (read from paths, so it works
    for a page just deleted or a place just left)."""
    steplen = SectionPage.steplen
    paths = [path[:end] for end in range(steplen, len(path) + 1, steplen)]
    return list(SectionPage.objects.filter(path__in=paths))


def _neighbours(article, parent=None):
    """The articles whose newer/older lists show `article`, in `parent` (its own by
    default): the same pages as `link:` tags, read from the place, not the lists."""
    if parent is None:  # read from the path: the page may be being deleted
        parent = Page.objects.filter(path=article.path[:-article.steplen]).first()
    if parent is None or article.first_published_at is None:
        return []
    return [*article.newer_articles(parent=parent), *article.older_articles(parent=parent)]


def _article_changed(article, left=None):
    """`article` changed (and left the section `left`, if it moved)."""
    sections = _sections_at(article.path)
    neighbours = _neighbours(article)
    if left is not None:
        sections += _sections_at(left.path)
        neighbours += _neighbours(article, parent=left)
    tags = {article_tag(article.pk), link_tag(article.pk), HOME_LISTS}
    tags.update(list_tag(section.pk) for section in sections)
    if article.live:
        tags.update(article_tag(neighbour.pk) for neighbour in neighbours)
    pages = [article, *neighbours, *sections, *_home_pages()] if frontcache.enabled() else []
    _changed_after_commit(tags, pages)


def _home_pages():
    return list(HomePage.objects.live())


def everything_changed():
    """Every page out of date once the change commits: many articles imported at
    once, without publishing signals."""
    _changed_after_commit([SITE])


def _structure_changed(page):
    if isinstance(page.specific_deferred, (HomePage, SectionPage, ContactPage)):
        _changed_after_commit([SITE])


@receiver(page_published)
@receiver(page_unpublished)
def page_changed(sender, instance, **kwargs):
    if isinstance(instance, ArticlePage):
        _article_changed(instance)
    else:
        _structure_changed(instance)


@receiver(post_page_move)
def page_moved(sender, instance, parent_page_before, **kwargs):
    page = instance.specific_deferred
    if isinstance(page, ArticlePage):
        page.refresh_from_db(fields=["path"])
        _article_changed(page, left=parent_page_before)
    else:
        _structure_changed(page)


@receiver(post_delete, sender=ArticlePage)
def article_deleted(sender, instance, **kwargs):
    # Its page is a 404 now; what listed it must drop it.
    _article_changed(instance)


@receiver(post_delete, sender=SectionPage)
@receiver(post_delete, sender=HomePage)
@receiver(post_delete, sender=ContactPage)
@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
@receiver(post_save, sender=PortalSettings)
@receiver(post_save, sender=CommentSettings)
@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def site_changed(sender, **kwargs):
    _changed_after_commit([SITE])


@receiver(post_save, sender=get_image_model())
@receiver(post_save, sender=get_document_model())
def file_changed(sender, created=False, **kwargs):
    # A new file is on no page yet; an edited one (new file, focal point, title)
    # may be on any.
    if not created:
        _changed_after_commit([SITE])


@receiver(post_delete, sender=get_image_model())
@receiver(post_delete, sender=get_document_model())
def file_deleted(sender, **kwargs):
    _changed_after_commit([SITE])


@receiver(comments_changed)
def comments_decided(sender, page_id, **kwargs):
    pagecache.bump([article_tag(page_id)])  # sent after commit
    if frontcache.enabled():
        page = ArticlePage.objects.filter(pk=page_id).first()
        if page is not None:
            frontcache.purge(frontcache.page_urls(page))


def most_read_changed():
    """The most-read list follows the view counts (views bump nothing themselves)."""
    pagecache.bump([MOST_READ])
    if frontcache.enabled():
        frontcache.purge(url for home in _home_pages() for url in frontcache.page_urls(home))


def page_tags(page, context):
    """The tags a built page depends on (see the module's doc)."""
    if isinstance(page, ArticlePage):
        shown = [*context.get("newer", ()), *context.get("older", ())]
        return {SITE, article_tag(page.pk), *(link_tag(other.pk) for other in shown)}
    if isinstance(page, SectionPage):
        return {SITE, list_tag(page.pk)}
    if isinstance(page, ContactPage):
        return {SITE}  # its text changes bump `site` (the footer links to it)
    if "most_read" in context:
        return {SITE, HOME_LISTS, MOST_READ}
    return {SITE, HOME_LISTS}

