"""The demo loader fills a portal once, and running it again duplicates nothing."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import TestCase
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from toasoan.demo import content, loader
from toasoan.demo.models import DemoArticle
from toasoan.news.models import ArticlePage, ContactPage, DailyViews, SectionPage

NOW = datetime(2026, 11, 27, 10, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


def quiet(*args):
    pass


class DemoLoaderTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.created = loader.load(now=NOW, log=quiet)

    def counts(self):
        return (
            ArticlePage.objects.count(), SectionPage.objects.count(),
            get_image_model().objects.count(), get_document_model().objects.count(),
            DailyViews.objects.count(),
        )

    def test_fills_sections_with_enough_articles_to_paginate(self):
        self.assertGreaterEqual(self.created, 80)
        self.assertEqual(ArticlePage.objects.live().count(), self.created)
        self.assertGreaterEqual(SectionPage.objects.count(), 6)
        self.assertTrue(any(s.get_parent().specific_class is SectionPage
                            for s in SectionPage.objects.all()))
        biggest = max(SectionPage.objects.all(),
                      key=lambda s: ArticlePage.objects.child_of(s).count())
        response = self.client.get(biggest.url, {"trang": 2})
        self.assertEqual(response.status_code, 200)

    def test_running_again_adds_nothing(self):
        before = self.counts()
        self.assertEqual(loader.load(now=NOW, log=quiet), 0)
        self.assertEqual(self.counts(), before)

    def test_running_again_months_later_adds_nothing(self):
        before = self.counts()
        self.assertEqual(loader.load(now=NOW + timedelta(days=200), log=quiet), 0)
        self.assertEqual(self.counts(), before)

    def test_the_sample_article_has_every_part_of_the_reference_page(self):
        page = DemoArticle.objects.get(key=content.BAI_MAU_KEY).page
        response = self.client.get(page.url)
        html = response.content.decode()
        self.assertIn(f"<strong class=\"agency-tag\">{content.SITE['agency_tag']}</strong> - ",
                      html)
        for part in ('class="article-figure"', "<figcaption>", "<blockquote", "<table>",
                     'class="attachment"', 'class="byline"', 'class="source"',
                     "Các bài mới đăng", "Các bài đã đăng", 'class="tags"'):
            self.assertIn(part, html)
        document = self.client.get(
            html.split('class="attachment"><a href="')[1].split('"')[0]
        )
        self.assertEqual(document.status_code, 200)
        self.assertTrue(b"".join(document.streaming_content).startswith(b"%PDF"))

    def test_most_read_list_is_full(self):
        self.assertContains(self.client.get("/"), "lượt xem</span>", count=5)

    def test_admin_account_and_printed_login(self):
        lines = []
        loader.ensure_admin(log=lines.append)
        loader.ensure_admin(log=lines.append)
        password = (settings.DATA_DIR / "demo-admin-password.txt").read_text().strip()
        self.assertEqual(get_user_model().objects.filter(username="admin").count(), 1)
        self.assertTrue(get_user_model().objects.get(username="admin").check_password(password))
        self.assertEqual(sum(password in line for line in lines), 2)
        self.assertIn("phongvien (Phóng viên)", lines[1])
        reporter = get_user_model().objects.get(username="phongvien")
        self.assertTrue(reporter.check_password(password))
        self.assertEqual(reporter.get_full_name(), "Nguyễn Thu Hà")
        self.assertEqual(list(reporter.groups.values_list("name", flat=True)), ["Phóng viên"])

    def test_contact_page_with_the_agencys_details_linked_from_every_footer(self):
        loader.load(now=NOW, log=quiet)  # again: still one contact page
        self.assertEqual(ContactPage.objects.count(), 1)
        response = self.client.get("/lien-he/")
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        address = html.split('<address class="contact-details">')[1].split("</address>")[0]
        for key in ("agency", "address", "phone", "email", "editor_in_chief"):
            self.assertIn(content.SITE[key], address)
        footer = self.client.get("/").content.decode().split('<footer class="site-footer">')[1]
        self.assertIn('href="/lien-he/"', footer)
        self.assertIn(content.SITE["licence"], footer)
