"""What each change purges from the front caches: the PURGE requests a stand-in nginx
receives, by path (`toasoan.news.frontcache`)."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from unittest import mock
from urllib.parse import urlsplit

from django.conf import settings
from django.test import override_settings
from django.utils import timezone

from tests.comments.moderation_setup import make_comment
from tests.news.test_page_cache import PageCacheTestCase
from toasoan.comments import moderation
from toasoan.news import frontcache
from toasoan.news.models import PortalSettings


class PurgeRecorder(BaseHTTPRequestHandler):
    received: list

    def do_PURGE(self):  # noqa: N802 - the HTTP method's name
        self.received.append((self.headers["Host"], self.path))
        self.send_response(404)  # nginx's answer for a page it did not hold
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


class FrontCachePurgeTests(PageCacheTestCase):
    def setUp(self):
        received = []
        handler = type("Handler", (PurgeRecorder,), {"received": received})
        self.front = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self.front.serve_forever, daemon=True).start()
        self.purged_requests = received
        settings = override_settings(
            FRONT_CACHES=[f"http://127.0.0.1:{self.front.server_address[1]}"])
        settings.enable()
        self.addCleanup(settings.disable)
        self.addCleanup(self.front.server_close)
        self.addCleanup(self.front.shutdown)

    def purged(self):
        return {path for _host, path in self.purged_requests}

    def test_a_publish_purges_the_article_its_neighbours_lists_and_home(self):
        self.publish(self.middle, title="Tin thời sự đã sửa")

        expected = {self.middle.url, "/", "/thoi-su/", "/thoi-su/?trang=1", "/thoi-su/?trang=2"}
        # The feeds of both lists, and the sitemaps (one more than there are, as lists).
        expected |= {"/thoi-su/rss.xml", "/rss.xml", "/sitemap.xml", "/sitemap-sections.xml",
                     "/sitemap-news.xml", "/sitemap-articles.xml", "/sitemap-articles-2.xml"}
        expected |= {article.url for article in self.articles if article != self.middle}
        self.assertEqual(self.purged(), expected)
        self.assertNotIn(self.market.url, self.purged())
        # Under the site's own host name, which is what nginx keys on.
        site_host = urlsplit(settings.BASE_URL).netloc
        self.assertEqual({host for host, _path in self.purged_requests}, {site_host})

    def test_a_move_purges_both_sections(self):
        from wagtail.actions.move_page import MovePageAction

        with self.captureOnCommitCallbacks(execute=True):
            MovePageAction(self.middle.specific, self.economy, pos="last-child").execute(
                skip_permission_checks=True)

        self.assertTrue({"/thoi-su/", "/kinh-te/", self.market.url, self.articles[1].url}
                        <= self.purged())

    def test_a_comment_decision_purges_its_article_only(self):
        comment = make_comment(self.middle, "Ý kiến về tin thời sự", timezone.now())
        with self.captureOnCommitCallbacks(execute=True):
            moderation.moderate(comment, "approve", None)

        self.assertEqual(self.purged(), {self.middle.url})

    def test_a_settings_change_purges_every_public_page(self):
        portal = PortalSettings.for_site(self.home.get_site())
        portal.address = "Số 2 đường Lê Lợi"
        # In this thread: another would not see the test's uncommitted pages.
        with (mock.patch.object(frontcache, "purge_everything_in_background",
                                lambda: frontcache.purge(frontcache.every_public_page())),
              self.captureOnCommitCallbacks(execute=True)):
            portal.save()

        everything = {"/", "/thoi-su/", "/kinh-te/", self.market.url,
                      *(article.url for article in self.articles)}
        self.assertLessEqual(everything, self.purged())

    @override_settings(FRONT_CACHES=[])
    def test_without_front_caches_nothing_is_sent(self):
        self.publish(self.middle, title="Tin thời sự đã sửa")

        self.assertEqual(self.purged(), set())
