"""What a page tells search engines and social networks: canonical address, Open
Graph and Twitter tags, and the article's schema.org NewsArticle."""

import json
import re
from unittest import mock

from django.test import TestCase
from django.utils import timezone
from lxml import html as lxml_html
from wagtail.images import get_image_model

from tests.factories import make_article, make_home, make_image, make_section, vn_time
from toasoan.news import models, pagecache
from toasoan.news.feeds import SHARE_IMAGE

BASE = "http://127.0.0.1:8000"
AGENCY = "Ủy ban nhân dân huyện Thử Nghiệm"
HOSTILE = 'Tin </script><script>alert(1)</script> & "nóng" <!-- ở Đà Nẵng'
LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def head(response):
    document = lxml_html.fromstring(response.content.decode())
    metas = {}
    for meta in document.iterfind(".//head/meta"):
        key = meta.get("property") or meta.get("name")
        if key:
            metas.setdefault(key, []).append(meta.get("content"))
    canonical = [link.get("href") for link in document.iterfind(".//head/link[@rel='canonical']")]
    return metas, canonical


class SharingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home()
        cls.section = make_section(cls.home, "Xây dựng Đảng")
        cls.other = make_section(cls.home, "Kinh tế")
        cls.image = make_image(size=(1600, 1000))
        cls.article = make_article(
            cls.section, "Huyện ủy tổng kết công tác xây dựng Đảng năm 2025",
            vn_time(2026, 1, 8, 16, 4),
            lead="Sáng 08/01, Huyện ủy tổ chức hội nghị tổng kết công tác năm 2025.",
            image=cls.image, caption="Quang cảnh hội nghị", authors=("Trần Minh", "Lê Hoa"),
            tags=("xây dựng Đảng", "khen thưởng"),
        )
        cls.plain = make_article(cls.other, "Giá lúa tăng", vn_time(2026, 1, 9), authors=())
        cls.hostile = make_article(cls.other, HOSTILE, vn_time(2026, 1, 10),
                                   lead="Sapo có <b>thẻ</b> & ký tự đặc biệt.")
        cls.alias = cls.article.create_alias(parent=cls.other, update_slug="ban-sao")

    def test_open_graph_and_twitter_on_an_article(self):
        response = self.client.get(self.article.url)
        metas, canonical = head(response)
        url = f"{BASE}{self.article.url}"
        rendition = get_image_model().objects.get(pk=self.image.pk).get_rendition(SHARE_IMAGE)
        self.article.refresh_from_db()
        modified = timezone.localtime(self.article.last_published_at).replace(microsecond=0)
        expected = {
            "og:type": ["article"],
            "og:title": [self.article.title],
            "og:description": [self.article.lead],
            "og:url": [url],
            "og:site_name": [AGENCY],
            "og:locale": ["vi_VN"],
            "og:image": [f"{BASE}{rendition.url}"],
            "og:image:width": ["1200"],
            "og:image:height": ["750"],
            "og:image:alt": ["Quang cảnh hội nghị"],
            "article:published_time": ["2026-01-08T16:04:00+07:00"],
            "article:modified_time": [modified.isoformat()],
            "article:section": ["Xây dựng Đảng"],
            "twitter:card": ["summary_large_image"],
            "twitter:title": [self.article.title],
            "twitter:image": [f"{BASE}{rendition.url}"],
            "description": [self.article.lead],
            "author": ["Trần Minh, Lê Hoa"],
        }
        for key, value in expected.items():
            self.assertEqual(metas.get(key), value, key)
        self.assertEqual(sorted(metas["article:tag"]), ["khen thưởng", "xây dựng Đảng"])
        self.assertEqual(canonical, [url])
        # One description, the sapo (the promote tab has none).
        self.assertEqual(response.content.decode().count('<meta name="description"'), 1)

    def test_an_article_without_a_photo_gets_a_small_card(self):
        metas, _canonical = head(self.client.get(self.plain.url))
        self.assertEqual(metas["twitter:card"], ["summary"])
        self.assertNotIn("og:image", metas)

    def test_news_article_json_ld(self):
        html = self.client.get(self.article.url).content.decode()
        blocks = LD_JSON.findall(html)
        self.assertEqual(len(blocks), 1)
        data = json.loads(blocks[0])
        url = f"{BASE}{self.article.url}"
        self.assertEqual(data["@context"], "https://schema.org")
        self.assertEqual(data["@type"], "NewsArticle")
        self.assertEqual(data["headline"], self.article.title)
        self.assertEqual(data["description"], self.article.lead)
        self.assertEqual(data["mainEntityOfPage"], {"@type": "WebPage", "@id": url})
        self.assertEqual(data["datePublished"], "2026-01-08T16:04:00+07:00")
        self.assertTrue(data["dateModified"].endswith("+07:00"))
        self.assertEqual(data["author"], [{"@type": "Person", "name": "Trần Minh"},
                                          {"@type": "Person", "name": "Lê Hoa"}])
        self.assertEqual(data["publisher"]["@type"], "Organization")
        self.assertEqual(data["publisher"]["name"], AGENCY)
        self.assertNotIn("logo", data["publisher"])  # none set
        self.assertEqual(data["articleSection"], "Xây dựng Đảng")
        self.assertEqual(data["inLanguage"], "vi")
        self.assertEqual(data["image"][0]["width"], 1200)
        self.assertTrue(data["image"][0]["url"].startswith(f"{BASE}/media/"))

    def test_the_agencys_logo_is_the_publishers(self):
        settings = models.PortalSettings.objects.get()
        settings.logo = make_image("Biểu trưng", size=(400, 400))
        settings.save()
        pagecache.bump([pagecache.SITE_TAG])  # a test's save never commits
        html = self.client.get(self.article.url).content.decode()
        logo = json.loads(LD_JSON.findall(html)[0])["publisher"]["logo"]
        self.assertEqual(logo["@type"], "ImageObject")
        self.assertRegex(logo["url"], rf"^{BASE}/media/images/\S+\.jpg$")
        self.assertEqual((logo["width"], logo["height"]), (128, 128))

    def test_without_authors_the_publisher_is_the_author(self):
        data = json.loads(LD_JSON.findall(self.client.get(self.plain.url).content.decode())[0])
        self.assertEqual(data["author"], data["publisher"])

    def test_hostile_text_cannot_leave_its_script(self):
        response = self.client.get(self.hostile.url)
        html = response.content.decode()
        self.assertNotIn("<script>alert(1)", html)
        self.assertNotIn("<!-- ở Đà Nẵng", html)
        data = json.loads(LD_JSON.findall(html)[0])
        self.assertEqual(data["headline"], HOSTILE)
        self.assertEqual(data["description"], "Sapo có <b>thẻ</b> & ký tự đặc biệt.")
        metas, _canonical = head(response)
        self.assertEqual(metas["og:title"], [HOSTILE])

    def test_an_alias_points_at_its_original(self):
        _metas, canonical = head(self.client.get(self.alias.url))
        self.assertEqual(canonical, [f"{BASE}{self.article.url}"])

    def test_canonical_on_home_and_section_pages(self):
        metas, canonical = head(self.client.get("/"))
        self.assertEqual(canonical, [f"{BASE}/"])
        self.assertEqual(metas["og:type"], ["website"])
        self.assertEqual(metas["og:locale"], ["vi_VN"])
        _metas, canonical = head(self.client.get("/xay-dung-dang/"))
        self.assertEqual(canonical, [f"{BASE}/xay-dung-dang/"])

    def test_each_page_of_a_list_is_its_own_canonical(self):
        with mock.patch.object(models.paginate, "__defaults__", (1,)):
            _metas, canonical = head(self.client.get("/kinh-te/?trang=2"))
        self.assertEqual(canonical, [f"{BASE}/kinh-te/?trang=2"])
