"""Sitemaps. `/sitemap.xml` is an index (sitemaps.org 0.9) of:

- `/sitemap-sections.xml`: the home page and the sections;
- `/sitemap-articles.xml`, `/sitemap-articles-2.xml`, ...: every live public article,
  LIMIT a sitemap, oldest first (a new article changes the last one only);
- `/sitemap-news.xml`: Google News' sitemap of the articles first published in the
  last NEWS_HOURS hours.

Each is kept in the page cache under `list:home`, which every article change bumps
(`invalidation`), and purged from the front caches with the home page (`frontcache`).
"""

from datetime import timedelta
from math import ceil

from django.contrib.sitemaps.views import SitemapIndexItem
from django.core.paginator import EmptyPage, Paginator
from django.db.models import Max
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_safe

from . import pagecache, portal
from .feeds import listed, local, portal_name
from .invalidation import HOME_LISTS, MOST_READ, SITE
from .models import ArticlePage, ContactPage, SectionPage

LIMIT = 2000
NEWS_HOURS = 48
NEWS_LIMIT = 1000  # the most Google News reads from one sitemap
CONTENT_TYPE = "application/xml; charset=utf-8"


def _site(request):
    site = portal.for_request(request)
    if site.home is None:
        raise Http404("Không có trang này")
    return site


def _articles(home):
    return listed(ArticlePage.objects.descendant_of(home)).order_by("pk").only(
        "url_path", "title", "first_published_at", "last_published_at"
    )


def _latest(articles):
    return local(articles.aggregate(latest=Max("last_published_at"))["latest"])


def _recent(home):
    since = timezone.now() - timedelta(hours=NEWS_HOURS)
    return _articles(home).filter(first_published_at__gte=since)


def article_sitemap(number):
    return "sitemap-articles.xml" if number == 1 else f"sitemap-articles-{number}.xml"


def _xml(request, template, context, tags):
    response = TemplateResponse(request, template, context, content_type=CONTENT_TYPE)
    return pagecache.mark(response, tags)


def _urlset(request, pages, lastmod=None, tags=frozenset({SITE, HOME_LISTS}), **context):
    urls = [
        {"location": page.get_full_url(request), "title": page.title,
         "published": local(page.first_published_at),
         "lastmod": lastmod(page) if lastmod else local(page.last_published_at)}
        for page in pages
    ]
    return _xml(request, "news/sitemap.xml", {"urlset": urls, **context}, tags)


@require_safe
def index(request):
    home = _site(request).home
    root = home.get_full_url(request)
    articles = _articles(home)
    sitemaps = [SitemapIndexItem(f"{root}sitemap-sections.xml", _latest(articles))]
    dates = list(articles.values_list("last_published_at", flat=True))
    for start in range(0, len(dates), LIMIT):
        lastmod = max(filter(None, dates[start:start + LIMIT]), default=None)
        location = f"{root}{article_sitemap(start // LIMIT + 1)}"
        sitemaps.append(SitemapIndexItem(location, local(lastmod)))
    sitemaps.append(SitemapIndexItem(f"{root}sitemap-news.xml", _latest(_recent(home))))
    return _xml(request, "sitemap_index.xml", {"sitemaps": sitemaps}, {SITE, HOME_LISTS})


@require_safe
def sections(request):
    """The home page, the sections (each last changed when its newest article was)
    and the contact page."""
    home = _site(request).home
    pages = [home, *listed(SectionPage.objects.descendant_of(home)).order_by("path"),
             *listed(ContactPage.objects.child_of(home))]

    def lastmod(page):
        newest = _latest(listed(ArticlePage.objects.descendant_of(page)))
        return max(filter(None, [local(page.last_published_at), newest]), default=None)

    return _urlset(request, pages, lastmod)


@require_safe
def articles(request, number="1"):
    home = _site(request).home
    try:
        pages = Paginator(_articles(home), LIMIT).page(number)
    except EmptyPage as exc:
        raise Http404("Không có trang này") from exc
    return _urlset(request, pages)


@require_safe
def news(request):
    site = _site(request)
    recent = _recent(site.home).order_by("-first_published_at", "-pk")[:NEWS_LIMIT]
    # Articles leave it as their hours pass, with no change to bump anything: it is
    # also rebuilt after the periodic jobs' five-minute bump.
    return _urlset(request, recent, tags={SITE, HOME_LISTS, MOST_READ},
                   news=True, publication=portal_name(site))


def addresses(home):
    """Every sitemap of the site of `home`, as readers ask for them (for purging)."""
    root = home.get_full_url()
    if root is None:
        return []
    # One more than now: the last sitemap of a list that just got shorter.
    numbers = range(1, ceil(_articles(home).count() / LIMIT) + 2)
    names = ["sitemap.xml", "sitemap-sections.xml", "sitemap-news.xml",
             *(article_sitemap(number) for number in numbers)]
    return [root + name for name in names]
