"""Telling the front caches (nginx `proxy_cache` in front of the servers,
docs/deployment.md) what a change made out of date.

Each front cache in `TOASOAN_FRONT_CACHES` gets a PURGE request for every URL out of
date, answered by nginx's cache-purge module: the same pages whose tags the change
bumps in the page cache (`invalidation`). A change to every page (the menu, the
settings) purges every public page.

Wagtail's frontend-cache HTTP backend sends the same requests, but on a new
connection each and with an error in the log for every page the cache did not
hold; a publish here purges a few dozen URLs, a menu change every page.
"""

import http.client
import logging
import threading
from math import ceil
from urllib.parse import urlsplit

from django.conf import settings
from django.db import connections

log = logging.getLogger(__name__)
TIMEOUT = 5


def enabled() -> bool:
    return bool(settings.FRONT_CACHES)


def purge(urls) -> None:
    """Purge `urls` (absolute, as readers ask for them) from every front cache."""
    urls = sorted(set(urls))
    if not urls:
        return
    for location in settings.FRONT_CACHES:
        _purge_at(location, urls)


def purge_everything_in_background() -> None:
    """Purge every public page, from a thread: a portal has tens of thousands."""
    def run():
        try:
            purge(every_public_page())
        finally:
            connections.close_all()

    threading.Thread(target=run, name="front-cache-purge", daemon=True).start()


def _purge_at(location, urls):
    target = urlsplit(location)
    connection = http.client.HTTPConnection(target.hostname, target.port or 80, timeout=TIMEOUT)
    try:
        for url in urls:
            parts = urlsplit(url)
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            connection.request("PURGE", path, headers={"Host": parts.netloc})
            response = connection.getresponse()
            response.read()
            if response.status not in (200, 404):  # 404: the cache did not hold it
                log.error("front cache %s: PURGE %s answered %s", location, url, response.status)
    except OSError:
        log.error("front cache %s: could not purge %d pages", location, len(urls), exc_info=True)
    finally:
        connection.close()


def page_urls(page) -> list[str]:
    """The page's absolute URL; for a list page every page of its list and its feed,
    for the home page also the sitemaps."""
    from . import sitemaps
    from .models import PAGE_SIZE, HomePage, SectionPage
    from .queries import articles_under

    url = page.get_full_url()
    if url is None:  # not routable: no reader can have it cached
        return []
    urls = [url]
    if isinstance(page, SectionPage):
        pages = ceil(articles_under(page).count() / PAGE_SIZE)
        # One more than now: the last page of a list that just got shorter.
        urls += [f"{url}?trang={number}" for number in range(1, pages + 2)]
    if isinstance(page, (HomePage, SectionPage)):
        urls.append(f"{url}rss.xml")
    if isinstance(page, HomePage):
        urls += sitemaps.addresses(page)
    return urls


def every_public_page() -> list[str]:
    from wagtail.models import Page

    urls = []
    for page in Page.objects.live().public().specific().iterator(chunk_size=500):
        urls += page_urls(page)
    return urls
