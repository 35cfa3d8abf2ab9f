import json
import os
import subprocess
import sys
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
        # An index of sitemaps (tests/news/test_sitemaps.py has the rest).
        self.assertContains(self.client.get("/sitemap.xml"), "/sitemap-articles.xml</loc>")
        response = self.client.get("/sitemap-articles.xml")
        self.assertContains(response, "/tin-tuc/bai-trong-so-do/")
        self.assertNotContains(response, "bai-nhap")
        self.assertContains(self.client.get("/sitemap-sections.xml"), "/tin-tuc/</loc>")

    def test_robots_points_to_the_sitemap(self):
        response = self.client.get("/robots.txt")
        self.assertEqual(response["Content-Type"], "text/plain; charset=utf-8")
        self.assertIn("Sitemap: http://127.0.0.1:8000/sitemap.xml", response.content.decode())
        self.assertIn("Disallow: /admin/", response.content.decode())


HEALTH_PROBE = """
import django, json
django.setup()
from django.test import Client
response = Client().get("/healthz")
print(json.dumps({"status": response.status_code, "body": response.json()}))
"""


def test_health_check_on_a_database_that_refuses_connections(tmp_path):
    """No mock: a server whose PostgreSQL is down answers 503, not 500."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "toasoan.settings",
        "TOASOAN_DATA_DIR": str(tmp_path),
        "TOASOAN_DATABASE_URL": "postgres://nobody@127.0.0.1:9/nothing",
        "TOASOAN_ALLOWED_HOSTS": "testserver",
    }
    result = subprocess.run(
        [sys.executable, "-c", HEALTH_PROBE], env=env, capture_output=True, text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer == {"status": 503, "body": {"status": "error", "database": "unreachable"}}
