from unittest import mock

from django.db import OperationalError
from django.test import TestCase

from tests.factories import make_article, make_home, make_section, vn_time


class HealthTests(TestCase):
    def test_healthy_database(self):
        response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json(), {"status": "ok", "database": "ok"})

    def test_unreachable_database_is_503(self):
        with mock.patch(
            "django.db.backends.base.base.BaseDatabaseWrapper.cursor",
            side_effect=OperationalError("connection refused"),
        ):
            response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response.json()["status"], "error")


class SitemapTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = make_home()
        section = make_section(home, "Tin tức")
        cls.article = make_article(section, "Bài trong sơ đồ", vn_time(2026, 1, 1))
        cls.draft = make_article(section, "Bài nháp", vn_time(2026, 1, 2), live=False)

    def test_sitemap_lists_published_pages_only(self):
        response = self.client.get("/sitemap.xml")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "/tin-tuc/bai-trong-so-do/")
        self.assertContains(response, "/tin-tuc/</loc>")
        self.assertNotContains(response, "bai-nhap")

    def test_robots_points_to_the_sitemap(self):
        response = self.client.get("/robots.txt")
        self.assertEqual(response["Content-Type"], "text/plain; charset=utf-8")
        self.assertIn("Sitemap: http://127.0.0.1:8000/sitemap.xml", response.content.decode())
        self.assertIn("Disallow: /admin/", response.content.decode())
