"""RSS 2.0 feeds: `/rss.xml` (the whole portal) and `<section>/rss.xml`, served as
routes of the home and section pages, so that they are kept in the page cache under
those pages' tags and purged with them (`invalidation`, `frontcache`)."""

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed

from . import portal
from .queries import articles_under

ITEMS = 50
# The photo as feed readers and social networks take it: JPEG, at most 1200 wide
# (the article page's largest JPEG, so the same rendition serves both).
SHARE_IMAGE = "format-jpeg|width-1200"
DC = "http://purl.org/dc/elements/1.1/"


def serve(request, path):
    """Wagtail's routing for `…/rss.xml`, which its own URL pattern (path segments
    ending in `/`) never matches."""
    from wagtail.views import serve as wagtail_serve

    return wagtail_serve(request, f"{path}rss.xml/")


def portal_name(site):
    """The publication's name: the agency in the portal settings, else the site's."""
    if site.settings is not None and site.settings.agency_name:
        return site.settings.agency_name
    return site.site.site_name if site.site else ""


def feed_title(site, page):
    """The portal's name for its home page's feed, `Section – portal` for a section's."""
    name = portal_name(site)
    if page.pk == getattr(site.home, "pk", None):
        return name or page.title
    return f"{page.title} – {name}" if name else page.title


def listed(pages):
    """What feeds and sitemaps list: live pages that anyone may read, each at its own
    address (no aliases)."""
    return pages.live().public().filter(alias_of__isnull=True)


def share_image(image):
    return image.get_rendition(SHARE_IMAGE) if image is not None else None


def local(moment):
    return timezone.localtime(moment).replace(microsecond=0) if moment else None


class PortalRss(Rss201rev2Feed):
    """RSS 2.0 with a `dc:creator` per author (Django writes a single one, and
    declares its namespace on each)."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:dc": DC}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name in item["authors"]:
            handler.addQuickElement("dc:creator", name)


class ArticleFeed(Feed):
    """The latest articles of a home or section page (`page`)."""

    feed_type = PortalRss
    language = "vi"

    def __call__(self, request, page):
        self.request = request
        self.site = portal.for_request(request)
        self.url = page.get_full_url(request)
        return super().__call__(request, page=page)

    def get_object(self, request, page):
        return page

    def title(self, page):
        return feed_title(self.site, page)

    def link(self, page):
        return self.url

    def feed_url(self, page):
        return f"{self.url}rss.xml"

    def description(self, page):
        if page.intro:
            return page.intro
        if page.pk == getattr(self.site.home, "pk", None):
            return f"Tin mới nhất của {self.title(page)}"
        return f"Tin mới nhất chuyên mục {self.title(page)}"

    def items(self, page):
        from .models import ArticleAuthor  # the models import this module

        # In byline order (authors added in code have no sort_order: then as added).
        bylines = Prefetch("authors", queryset=ArticleAuthor.objects.order_by("sort_order", "pk"))
        return listed(articles_under(page)).prefetch_related(bylines)[:ITEMS]

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.lead

    def item_link(self, article):
        return article.get_full_url(self.request)

    def item_guid_is_permalink(self, article):
        return True

    def item_pubdate(self, article):
        return local(article.first_published_at)

    def item_updateddate(self, article):
        return local(article.last_published_at)

    def item_categories(self, article):
        section = self.site.sections.get(article.path[: -article.steplen])
        return [section.title] if section else []

    def item_enclosures(self, article):
        if article.image is None:
            return []
        try:
            rendition = share_image(article.image)
            size = rendition.file.size
        except OSError:  # the photo's file is missing: the item goes without it
            return []
        return [Enclosure(rendition.full_url, str(size), "image/jpeg")]

    def item_extra_kwargs(self, article):
        return {"authors": [author.name for author in article.authors.all()]}
