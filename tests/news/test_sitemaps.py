"""Sitemaps: the index at `/sitemap.xml`, the sitemaps it lists and Google News'
sitemap, each valid against its published schema (tests/data/xsd/)."""

from datetime import timedelta
from pathlib import Path
from unittest import mock

import time_machine
from django.test import TestCase
from django.utils import timezone
from lxml import etree
from wagtail.models import PageViewRestriction

from tests.factories import make_article, make_home, make_section, vn_time
from toasoan.news import sitemaps
from toasoan.news.models import ArticlePage, ContactPage

BASE = "http://127.0.0.1:8000"
XSD = Path(__file__).resolve().parent.parent / "data" / "xsd"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9",
      "n": "http://www.google.com/schemas/sitemap-news/0.9"}
NOW = vn_time(2026, 3, 5, 12)
HOSTILE = 'Tin </script><script>alert(1)</script> & "nóng" <b>Đà Nẵng</b>'


def schema(name):
    return etree.XMLSchema(etree.parse(str(XSD / name)))


class SitemapTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home()
        cls.news = make_section(cls.home, "Thời sự")
        cls.economy = make_section(cls.home, "Kinh tế")
        cls.articles = [make_article(cls.news, f"Tin thời sự số {day}", vn_time(2026, 3, day))
                        for day in range(1, 4)]
        cls.market = make_article(cls.economy, "Giá lúa tăng", vn_time(2026, 3, 2, 9))
        cls.draft = make_article(cls.news, "Bài nháp", vn_time(2026, 3, 4), live=False)
        cls.internal = make_section(cls.home, "Nội bộ")
        PageViewRestriction.objects.create(
            page=cls.internal, restriction_type=PageViewRestriction.LOGIN)
        cls.secret = make_article(cls.internal, "Bài nội bộ", vn_time(2026, 3, 4))
        cls.alias = cls.market.create_alias(parent=cls.news, update_slug="gia-lua-ban-sao")
        contact = cls.home.add_child(instance=ContactPage(title="Liên hệ", slug="lien-he"))
        contact.save_revision().publish()

    def xml(self, url, xsd):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        self.assertEqual(response["Content-Type"], "application/xml; charset=utf-8")
        document = etree.fromstring(response.content)
        validator = schema(xsd)
        self.assertTrue(validator.validate(document), (url, validator.error_log))
        return document

    def locations(self, document):
        return [loc.text for loc in document.iterfind(".//s:loc", NS)]

    def lastmods(self, document, parent="url"):
        return {entry.findtext("s:loc", namespaces=NS): entry.findtext("s:lastmod", namespaces=NS)
                for entry in document.iterfind(f"s:{parent}", NS)}


def w3c(moment):
    return timezone.localtime(moment).replace(microsecond=0).isoformat()


class IndexTests(SitemapTestCase):
    def test_the_index_lists_each_sitemap(self):
        index = self.xml("/sitemap.xml", "siteindex.xsd")
        self.assertEqual(self.locations(index), [
            f"{BASE}/sitemap-sections.xml", f"{BASE}/sitemap-articles.xml",
            f"{BASE}/sitemap-news.xml",
        ])
        lastmods = self.lastmods(index, "sitemap")
        listed = ArticlePage.objects.live().public().filter(alias_of__isnull=True)
        latest = max(listed.values_list("last_published_at", flat=True))
        self.assertEqual(lastmods[f"{BASE}/sitemap-articles.xml"], w3c(latest))
        self.assertTrue(lastmods[f"{BASE}/sitemap-articles.xml"].endswith("+07:00"))

    def test_home_and_public_sections(self):
        document = self.xml("/sitemap-sections.xml", "sitemap.xsd")
        self.assertEqual(self.locations(document),
                         [f"{BASE}/", f"{BASE}/thoi-su/", f"{BASE}/kinh-te/", f"{BASE}/lien-he/"])
        self.assertTrue(all(self.lastmods(document).values()))

    def test_live_public_articles_only(self):
        document = self.xml("/sitemap-articles.xml", "sitemap.xsd")
        expected = [*self.articles, self.market]
        self.assertEqual(self.locations(document), [f"{BASE}{page.url}" for page in expected])
        lastmods = self.lastmods(document)
        for page in expected:
            page.refresh_from_db()
            self.assertEqual(lastmods[f"{BASE}{page.url}"], w3c(page.last_published_at))

    def test_large_sites_get_several_sitemaps_each_with_its_lastmod(self):
        with mock.patch.object(sitemaps, "LIMIT", 3):
            index = self.xml("/sitemap.xml", "siteindex.xsd")
            first = self.xml("/sitemap-articles.xml", "sitemap.xsd")
            second = self.xml("/sitemap-articles-2.xml", "sitemap.xsd")
            self.assertEqual(self.client.get("/sitemap-articles-3.xml").status_code, 404)
        self.assertEqual(self.client.get("/sitemap-articles-1.xml").status_code, 404)
        self.assertEqual(len(self.locations(first)), 3)
        self.assertEqual(self.locations(second), [f"{BASE}{self.market.url}"])
        lastmods = self.lastmods(index, "sitemap")
        self.assertIn(f"{BASE}/sitemap-articles-2.xml", lastmods)
        self.market.refresh_from_db()
        self.assertEqual(lastmods[f"{BASE}/sitemap-articles-2.xml"],
                         w3c(self.market.last_published_at))
        first_lastmod = max(ArticlePage.objects.filter(pk__in=[a.pk for a in self.articles])
                            .values_list("last_published_at", flat=True))
        self.assertEqual(lastmods[f"{BASE}/sitemap-articles.xml"], w3c(first_lastmod))

    def test_sitemaps_are_kept_and_a_new_article_reaches_them(self):
        for url in ("/sitemap.xml", "/sitemap-articles.xml", "/sitemap-news.xml"):
            self.assertEqual(self.client.get(url)["X-Cache"], "miss")
            self.assertEqual(self.client.get(url)["X-Cache"], "hit")
        with self.captureOnCommitCallbacks(execute=True):
            added = make_article(self.economy, "Khánh thành chợ mới", timezone.now())
        articles = self.xml("/sitemap-articles.xml", "sitemap.xsd")
        self.assertIn(f"{BASE}{added.url}", self.locations(articles))
        news = self.xml("/sitemap-news.xml", "sitemap-with-news.xsd")
        self.assertEqual(self.locations(news), [f"{BASE}{added.url}"])
        with self.captureOnCommitCallbacks(execute=True):
            ArticlePage.objects.get(pk=added.pk).unpublish()
        self.assertNotIn(f"{BASE}{added.url}",
                         self.locations(self.xml("/sitemap-articles.xml", "sitemap.xsd")))


class NewsSitemapTests(SitemapTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.fresh = make_article(cls.news, "Tin vừa đăng sáng nay", NOW - timedelta(hours=1))
        cls.yesterday = make_article(cls.economy, HOSTILE, NOW - timedelta(hours=47))
        cls.stale = make_article(cls.news, "Tin của ba ngày trước", NOW - timedelta(hours=49))
        cls.recent_draft = make_article(cls.news, "Nháp mới", NOW - timedelta(hours=2),
                                        live=False)

    @time_machine.travel(NOW, tick=False)
    def test_the_last_48_hours_with_publication_and_dates(self):
        document = self.xml("/sitemap-news.xml", "sitemap-with-news.xsd")
        self.assertEqual(self.locations(document),
                         [f"{BASE}{self.fresh.url}", f"{BASE}{self.yesterday.url}"])
        first, second = document.iterfind("s:url/n:news", NS)
        self.assertEqual(first.findtext("n:publication/n:name", namespaces=NS),
                         "Ủy ban nhân dân huyện Thử Nghiệm")
        self.assertEqual(first.findtext("n:publication/n:language", namespaces=NS), "vi")
        self.assertEqual(first.findtext("n:publication_date", namespaces=NS),
                         "2026-03-05T11:00:00+07:00")
        self.assertEqual(first.findtext("n:title", namespaces=NS), "Tin vừa đăng sáng nay")
        self.assertEqual(second.findtext("n:title", namespaces=NS), HOSTILE)

    @time_machine.travel(NOW, tick=False)
    def test_hostile_titles_stay_text(self):
        raw = self.client.get("/sitemap-news.xml").content
        self.assertNotIn(b"<script>", raw)
        self.assertNotIn(b"<b>", raw)
        self.assertIn("Đà Nẵng".encode(), raw)

    @time_machine.travel(NOW, tick=False)
    def test_listed_in_the_index_with_its_lastmod(self):
        lastmods = self.lastmods(self.xml("/sitemap.xml", "siteindex.xsd"), "sitemap")
        latest = max(ArticlePage.objects.filter(pk__in=[self.fresh.pk, self.yesterday.pk])
                     .values_list("last_published_at", flat=True))
        self.assertEqual(lastmods[f"{BASE}/sitemap-news.xml"], w3c(latest))

    def test_two_days_later_it_is_empty(self):
        with time_machine.travel(NOW + timedelta(days=3), tick=False):
            document = etree.fromstring(self.client.get("/sitemap-news.xml").content)
        self.assertEqual(self.locations(document), [])
