"""RSS 2.0 feeds of the whole portal (`/rss.xml`) and of each section: what feed
readers get, and that they are never stale behind the page cache."""

import calendar
import unicodedata

import feedparser
from django.test import TestCase
from lxml import etree
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction

from tests.factories import make_article, make_home, make_image, make_section, vn_time
from toasoan.news.feeds import SHARE_IMAGE
from toasoan.news.models import ArticlePage

BASE = "http://127.0.0.1:8000"
AGENCY = "Ủy ban nhân dân huyện Thử Nghiệm"
HOSTILE = 'Cảnh báo </script><script>alert(1)</script> & "lừa đảo" <b>đậm</b>'
DC = "{http://purl.org/dc/elements/1.1/}"


class FeedTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home()
        cls.news = make_section(cls.home, "Thời sự")
        cls.economy = make_section(cls.home, "Kinh tế")
        cls.image = make_image(size=(1600, 1000))
        cls.article = make_article(
            cls.news, "Huyện ủy tổng kết công tác xây dựng Đảng năm 2025",
            vn_time(2026, 1, 8, 16, 4),
            lead="Sáng 08/01, Huyện ủy tổ chức hội nghị tổng kết công tác năm 2025.",
            image=cls.image, authors=("Trần Minh", "Lê Hoa"),
        )
        cls.market = make_article(cls.economy, "Giá lúa tăng mạnh", vn_time(2026, 1, 9, 9),
                                  authors=())
        cls.hostile = make_article(cls.news, HOSTILE, vn_time(2026, 1, 7, 7))
        cls.draft = make_article(cls.news, "Bài nháp chưa đăng", vn_time(2026, 1, 10), live=False)
        cls.withdrawn = make_article(cls.news, "Bài đã gỡ xuống", vn_time(2026, 1, 6))
        ArticlePage.objects.get(pk=cls.withdrawn.pk).unpublish()
        cls.internal = make_section(cls.home, "Nội bộ")
        PageViewRestriction.objects.create(
            page=cls.internal, restriction_type=PageViewRestriction.LOGIN)
        cls.secret = make_article(cls.internal, "Bài chỉ cho cán bộ", vn_time(2026, 1, 9, 10))
        # The same article shown in a second section: listed once, at its own address.
        cls.alias = cls.article.create_alias(parent=cls.economy, update_slug="ban-sao")

    def feed(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        self.assertEqual(response["Content-Type"], "application/rss+xml; charset=utf-8")
        parsed = feedparser.parse(response.content)
        self.assertFalse(parsed.bozo, parsed.get("bozo_exception"))
        self.assertEqual(parsed.version, "rss20")
        return parsed, etree.fromstring(response.content)

    def titles(self, url):
        return [item.findtext("title") for item in self.feed(url)[1].iter("item")]


class SiteFeedTests(FeedTestCase):
    def test_the_channel(self):
        parsed, xml = self.feed("/rss.xml")
        self.assertEqual(parsed.feed.title, AGENCY)
        self.assertEqual(parsed.feed.link, f"{BASE}/")
        self.assertEqual(parsed.feed.language, "vi")
        self.assertTrue(parsed.feed.subtitle)
        self_links = [link.href for link in parsed.feed.links if link.rel == "self"]
        self.assertEqual(self_links, [f"{BASE}/rss.xml"])
        # lastBuildDate: the latest change of an article in it.
        self.assertIsNotNone(xml.findtext("channel/lastBuildDate"))
        self.assertIsNotNone(parsed.feed.updated_parsed)

    def test_lists_live_public_articles_newest_first(self):
        self.assertEqual(self.titles("/rss.xml"),
                         [self.market.title, self.article.title, self.hostile.title])

    def test_an_item(self):
        parsed, xml = self.feed("/rss.xml")
        entry = parsed.entries[1]
        url = f"{BASE}/thoi-su/{self.article.slug}/"
        self.assertEqual(entry.link, url)
        self.assertEqual(entry.id, url)
        self.assertEqual(entry.summary, self.article.lead)
        self.assertEqual([tag.term for tag in entry.tags], ["Thời sự"])
        item = xml.findall("channel/item")[1]
        self.assertEqual(item.findtext("guid"), url)
        self.assertEqual(item.find("guid").get("isPermaLink"), "true")
        self.assertEqual([creator.text for creator in item.iter(f"{DC}creator")],
                         ["Trần Minh", "Lê Hoa"])
        self.assertEqual(xml.findall("channel/item")[0].findall(f"{DC}creator"), [])

    def test_publish_time_in_vietnam_time(self):
        parsed, xml = self.feed("/rss.xml")
        item = xml.findall("channel/item")[1]
        self.assertEqual(item.findtext("pubDate"), "Thu, 08 Jan 2026 16:04:00 +0700")
        entry = parsed.entries[1]  # feedparser gives UTC
        self.assertEqual(calendar.timegm(entry.published_parsed),
                         int(vn_time(2026, 1, 8, 16, 4).timestamp()))

    def test_the_photo_as_enclosure_with_its_size(self):
        parsed, _xml = self.feed("/rss.xml")
        enclosures = parsed.entries[1].enclosures
        self.assertEqual(len(enclosures), 1)
        rendition = get_image_model().objects.get(pk=self.image.pk).get_rendition(SHARE_IMAGE)
        self.assertEqual(enclosures[0].href, f"{BASE}{rendition.url}")
        self.assertEqual(enclosures[0].type, "image/jpeg")
        with rendition.file.open("rb") as photo:
            self.assertEqual(int(enclosures[0].length), len(photo.read()))
        self.assertEqual((rendition.width, rendition.height), (1200, 750))
        self.assertEqual(parsed.entries[0].enclosures, [])  # no photo, no enclosure

    def test_vietnamese_text_arrives_nfc_and_hostile_titles_as_text(self):
        raw = self.client.get("/rss.xml").content
        parsed, xml = self.feed("/rss.xml")
        for entry in parsed.entries:
            self.assertEqual(entry.title, unicodedata.normalize("NFC", entry.title))
        self.assertIn("Huyện ủy tổng kết công tác xây dựng Đảng".encode(), raw)
        self.assertNotIn(b"<script>", raw)
        self.assertNotIn(b"<b>", raw)
        self.assertEqual(xml.findall("channel/item")[2].findtext("title"), HOSTILE)

    def test_the_home_page_links_its_feed(self):
        html = self.client.get("/").content.decode()
        self.assertIn(f'<link rel="alternate" type="application/rss+xml" title="{AGENCY}" '
                      f'href="{BASE}/rss.xml">', html)


class SectionFeedTests(FeedTestCase):
    def test_only_its_own_section(self):
        parsed, _xml = self.feed("/thoi-su/rss.xml")
        self.assertEqual(parsed.feed.title, f"Thời sự – {AGENCY}")
        self.assertEqual(parsed.feed.link, f"{BASE}/thoi-su/")
        self.assertEqual([entry.title for entry in parsed.entries],
                         [self.article.title, self.hostile.title])
        # Its alias is not listed in the second section either.
        self.assertEqual(self.titles("/kinh-te/rss.xml"), [self.market.title])

    def test_a_restricted_section_has_no_public_feed(self):
        response = self.client.get("/noi-bo/rss.xml")
        self.assertEqual(response.status_code, 302)
        self.assertNotIn(self.secret.title, response.content.decode())

    def test_no_feed_where_there_is_no_section(self):
        for url in ("/khong-co/rss.xml", "/thoi-su/rss.xml/", f"{self.article.url}rss.xml"):
            self.assertEqual(self.client.get(url).status_code, 404, url)

    def test_the_section_page_links_its_feed_and_the_portals(self):
        html = self.client.get("/thoi-su/").content.decode()
        self.assertIn(f'title="Thời sự – {AGENCY}" href="{BASE}/thoi-su/rss.xml"', html)
        self.assertIn(f'href="{BASE}/rss.xml"', html)


class FeedCacheTests(FeedTestCase):
    def get(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return response

    def test_feeds_are_kept_and_a_new_article_reaches_them(self):
        for url in ("/rss.xml", "/thoi-su/rss.xml", "/kinh-te/rss.xml"):
            self.assertEqual(self.get(url)["X-Cache"], "miss")
            self.assertEqual(self.get(url)["X-Cache"], "hit")
        with self.captureOnCommitCallbacks(execute=True):
            make_article(self.news, "Tin mới: khánh thành cầu Tân Hòa", vn_time(2026, 1, 11))
        for url in ("/rss.xml", "/thoi-su/rss.xml"):
            self.assertEqual(self.titles(url)[0], "Tin mới: khánh thành cầu Tân Hòa")
        self.assertEqual(self.get("/kinh-te/rss.xml")["X-Cache"], "hit")

    def test_an_edit_an_unpublish_and_a_move_reach_them(self):
        for url in ("/rss.xml", "/thoi-su/rss.xml", "/kinh-te/rss.xml"):
            self.feed(url)
        page = ArticlePage.objects.get(pk=self.article.pk)
        page.title = "Huyện ủy tổng kết năm 2025 (cập nhật)"
        with self.captureOnCommitCallbacks(execute=True):
            page.save_revision().publish()
        self.assertIn("Huyện ủy tổng kết năm 2025 (cập nhật)", self.titles("/rss.xml"))
        with self.captureOnCommitCallbacks(execute=True):
            ArticlePage.objects.get(pk=self.hostile.pk).unpublish()
        self.assertNotIn(HOSTILE, self.titles("/thoi-su/rss.xml"))
        with self.captureOnCommitCallbacks(execute=True):
            ArticlePage.objects.get(pk=self.market.pk).move(self.news, "last-child")
        self.assertIn(self.market.title, self.titles("/thoi-su/rss.xml"))
        self.assertNotIn(self.market.title, self.titles("/kinh-te/rss.xml"))
