"""Whole public pages kept server-side, never served stale.

A page is stored with the tags of what it was built from: `site` (the menu and the
portal settings, on every page), `article:12` (an article's own page: its text and
approved comments), `link:31` (an article shown by title in another article's
newer/older lists), `list:4` (a section's lists), `list:home` (the home page, tag
pages, feeds, sitemap). A change bumps the tags it touches once its transaction has
committed (`toasoan.news.invalidation`).

Freshness needs no deletes and no scan: a shared clock is read before a page is
built, and a bump sets each of its tags to a new tick of that clock. A stored page
is served only while none of its tags has ticked past the clock it was built at;
so a page built from the old data, even one still being built while the change
commits, is never served after the bump. The clock and the tags live in the
`shared` cache (Redis, or the database), the pages in `default` (Redis, or each
process's memory). When either store fails, pages are built as if uncached.
"""

import hashlib
import logging
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.http import http_date

log = logging.getLogger(__name__)

CLOCK_KEY = "pagecache:clock"
SITE_TAG = "site"  # on every page: the menu, the portal settings
PAGE_SECONDS = 24 * 60 * 60
# A tag outlives every page stored with it; a tag that is gone anyway (evicted)
# counts as changed now.
TAG_SECONDS = PAGE_SECONDS + 60 * 60
# Query parameters that change a cached page; any other (`?fbclid=`, `?utm_source=`)
# gets the same page.
VARYING_PARAMETERS = ("trang",)
# What a front cache (nginx) may keep until it is purged; browsers revalidate.
FRONT_CACHE_SECONDS = 24 * 60 * 60
# Paths that are never pages of the public site: no need to look them up.
NOT_PAGES = ("/admin/", "/api/", "/binh-luan/", "/captcha/", "/tim-kiem/", "/media/",
             "/static/", "/tai-lieu/", "/healthz")
# Paths that need no site: the admin looks it up itself, files need none.
NOT_PORTAL = ("/admin/", "/static/", "/media/", "/healthz")


# The pages this process served last, in front of the `default` store (Redis on
# several servers): a stored page is fresh or not by its tags' ticks alone, wherever
# it was kept, so a copy here is checked exactly as the shared one is, and saves a
# round trip and the unpickling of the page on every request for a popular page.
RECENT_PAGES = 200
_recent: OrderedDict[str, dict] = OrderedDict()
_recent_lock = threading.Lock()


def _recall(key):
    with _recent_lock:
        entry = _recent.get(key)
        if entry is not None:
            _recent.move_to_end(key)
        return entry


def _remember(key, entry):
    with _recent_lock:
        _recent[key] = entry
        _recent.move_to_end(key)
        while len(_recent) > RECENT_PAGES:
            _recent.popitem(last=False)


def forget_recent():
    with _recent_lock:
        _recent.clear()


def _tag_key(tag):
    return f"pagecache:tag:{tag}"


def _shared():
    return caches["shared"]


def _pages():
    return caches["default"]


def _start_clock():
    # The clock starts at the time in microseconds: if the store forgets it (a Redis
    # restart, a cleared table) it starts again above every tick it gave out, so no
    # page kept elsewhere (another process's memory) still counts as fresh.
    shared = _shared()
    shared.add(CLOCK_KEY, time.time_ns() // 1000, timeout=None)
    return shared.get(CLOCK_KEY)


# Tags this process could not bump (the store was down): bumped again with the next
# change or the next tick of the job thread, before the store can serve pages again.
_pending: set[str] = set()
_pending_lock = threading.Lock()


def bump(tags=()):
    """Mark everything built from `tags` as out of date (call after commit)."""
    with _pending_lock:
        tags = set(tags) | _pending
        _pending.clear()
    if not tags:
        return
    try:
        shared = _shared()
        try:
            tick = shared.incr(CLOCK_KEY)
        except ValueError:  # no clock yet
            _start_clock()
            tick = shared.incr(CLOCK_KEY)
        shared.set_many({_tag_key(tag): tick for tag in tags}, TAG_SECONDS)
    except Exception:
        # The change itself is committed; only the cache could not be told yet.
        with _pending_lock:
            _pending.update(tags)
        log.error("page cache: could not mark %s as changed; will retry",
                  sorted(tags), exc_info=True)


def ticks(tags):
    """({tag: the tick of its last change}, the clock now), in one read. A tag never
    bumped, or forgotten, counts as changed now."""
    keys = {_tag_key(tag): tag for tag in tags}
    found = _shared().get_many([CLOCK_KEY, *keys])
    now = found.pop(CLOCK_KEY, None)
    if now is None:
        now = _start_clock()
    if missing := [key for key in keys if key not in found]:
        _shared().set_many(dict.fromkeys(missing, now), TAG_SECONDS)
    return {tag: found.get(key, now) for key, tag in keys.items()}, now


def cache_key(request):
    varying = "&".join(
        f"{name}={request.GET[name]}" for name in VARYING_PARAMETERS if name in request.GET
    )
    raw = f"{request.get_host()}{request.path}?{varying}"
    return "pagecache:page:" + hashlib.sha256(raw.encode()).hexdigest()


def is_cacheable_request(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(NOT_PAGES)
    )


def mark(response, tags):
    """Let the middleware keep `response` under `tags` (called by the page views)."""
    response.page_cache_tags = frozenset(tags)
    return response


def _public_headers(response, entry):
    """The same for every reader: browsers revalidate (a 304 while unchanged), a
    front cache keeps it until purged."""
    response["ETag"] = entry["etag"]
    response["Last-Modified"] = http_date(entry["modified"])
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    response["X-Accel-Expires"] = str(FRONT_CACHE_SECONDS)
    # Built for a reader without a session, so the same for every such reader.
    vary = [name.strip() for name in response.get("Vary", "").split(",") if name.strip()]
    del response["Vary"]
    if kept := [name for name in vary if name.lower() != "cookie"]:
        response["Vary"] = ", ".join(kept)


class PageCacheMiddleware:
    """Before sessions, URL routing and Wagtail: a stored page is answered without
    them. The middleware before it (security headers, conditional GET) applies to
    stored and built pages alike."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            if not request.path.startswith(NOT_PORTAL):
                self._attach_portal(request)
            return self.get_response(request)
        key = cache_key(request)
        try:
            if (entry := _recall(key)) is not None:
                changed, started = ticks({SITE_TAG, *entry["tags"]})
                if max(changed.values()) <= entry["clock"]:
                    return self._answer(request, entry)
            entry = _pages().get(key)
            changed, started = ticks({SITE_TAG, *(entry["tags"] if entry else ())})
            request.page_cache_ticks = changed, started  # the same read serves `portal`
            if entry is not None and max(changed.values()) <= entry["clock"]:
                _remember(key, entry)
                return self._answer(request, entry)
            from .portal import for_request as portal_for

            portal_for(request)  # the site, before Wagtail looks it up
        except Exception:  # the cache is down: build the page, keep nothing
            log.warning("page cache unavailable", exc_info=True)
            return self.get_response(request)
        response = self.get_response(request)
        self._keep(request, key, started, response)
        return response

    @staticmethod
    def _attach_portal(request):
        # The site and its settings from the kept snapshot, for the pages built for a
        # signed-in reader and the comment endpoints: one read of the site's tick
        # instead of looking up the host and each setting in the database.
        from .portal import for_request as portal_for

        try:
            portal_for(request)
        except Exception:  # the shared cache is down: Wagtail looks the site up itself
            log.warning("page cache unavailable", exc_info=True)

    @staticmethod
    def _answer(request, entry):
        response = HttpResponse(entry["body"], content_type=entry["content_type"])
        _public_headers(response, entry)
        response["X-Cache"] = "hit"
        return response

    @staticmethod
    def _keep(request, key, started, response):
        tags = getattr(response, "page_cache_tags", None)
        if tags is None or response.status_code != 200 or response.cookies:
            return
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        body = response.content
        entry = {
            "body": body,
            "content_type": response["Content-Type"],
            "etag": '"' + hashlib.md5(body, usedforsecurity=False).hexdigest() + '"',
            "modified": int(time.time()),
            "tags": sorted(tags),
            "clock": started,
        }
        try:
            _pages().set(key, entry, PAGE_SECONDS)
        except Exception:
            log.warning("page cache unavailable", exc_info=True)
        else:
            _remember(key, entry)
        _public_headers(response, entry)
        response["X-Cache"] = "miss"
