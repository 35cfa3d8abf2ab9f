"""What an editor gets: Vietnamese slugs, NFC text, the admin in Vietnamese."""

import unicodedata

from django.contrib.auth import get_user_model
from django.test import TestCase
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from tests.factories import make_article, make_home, make_section, vn_time
from toasoan.news.models import ArticlePage

TITLE = "Huyện ủy Vân Khê đẩy mạnh công tác xây dựng Đảng năm 2026"
SLUG = "huyen-uy-van-khe-day-manh-cong-tac-xay-dung-dang-nam-2026"


class AdminArticleTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.section = make_section(make_home(), "Xây dựng Đảng")
        cls.user = get_user_model().objects.create_superuser("bientap", "b@example.invalid", "x")

    def setUp(self):
        self.client.force_login(self.user)

    def create(self, title, **extra):
        data = nested_form_data({
            "title": title,
            "lead": extra.pop("lead", "Sáng 08/01, hội nghị được tổ chức."),
            "body": streamfield([]),
            "authors": inline_formset([{"name": "Trường Giang"}]),
            "tags": "xây dựng Đảng",
            **extra,
        })
        # Like the admin's own script, this fills the slug with Django's slugify
        # (`...xay-dung-ang-...`) unless one is given.
        self.assertCanCreate(self.section, ArticlePage, data)
        return ArticlePage.objects.order_by("-pk").first()

    def test_slug_from_a_vietnamese_title(self):
        self.assertEqual(self.create(TITLE).slug, SLUG)

    def test_same_title_twice_gets_a_unique_slug_within_the_section(self):
        self.create(TITLE)
        self.assertEqual(self.create(TITLE).slug, f"{SLUG}-2")

    def test_an_editors_own_slug_is_kept(self):
        self.assertEqual(self.create(TITLE, slug="tong-ket-2021").slug, "tong-ket-2021")

    def test_text_is_stored_nfc_and_titles_lose_invisible_characters(self):
        nfd_title = unicodedata.normalize("NFD", "Xây dựng\u200b Đảng\u202e vững mạnh")
        article = self.create(nfd_title, lead=unicodedata.normalize("NFD", "Sáng 08/01, hội nghị"))
        self.assertEqual(article.title, "Xây dựng Đảng vững mạnh")
        self.assertEqual(article.lead, "Sáng 08/01, hội nghị")
        self.assertEqual(article.slug, "xay-dung-dang-vung-manh")
        self.assertEqual(article.byline, ["Trường Giang"])
        self.assertEqual([tag.slug for tag in article.tags.all()], ["xay-dung-dang"])

    def test_admin_speaks_vietnamese(self):
        response = self.client.get("/admin/")
        self.assertContains(response, 'lang="vi"')
        self.assertContains(response, "Bảng điều khiển")

    def test_editor_can_preview_an_article(self):
        article = make_article(self.section, "Bài xem trước", vn_time(2026, 1, 1))
        response = self.client.get(f"/admin/pages/{article.pk}/edit/preview/")
        self.assertEqual(response.status_code, 200)


class NormalizedSaveTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.section = make_section(make_home(), "Tin tức")

    def test_body_caption_and_author_are_stored_nfc(self):
        nfd = unicodedata.normalize("NFD", "Quang cảnh hội nghị tổng kết")
        article = make_article(
            self.section, unicodedata.normalize("NFD", "Hội nghị"), vn_time(2026, 1, 1),
            caption=nfd, authors=(unicodedata.normalize("NFD", "Trần Thị Thủy"),),
            body=[{"type": "text", "value": f"<p>{nfd}</p>"}],
        )
        article = ArticlePage.objects.get(pk=article.pk)
        self.assertEqual(article.title, "Hội nghị")
        self.assertEqual(article.image_caption, "Quang cảnh hội nghị tổng kết")
        self.assertEqual(article.byline, ["Trần Thị Thủy"])
        self.assertEqual(article.body.raw_data[0]["value"], "<p>Quang cảnh hội nghị tổng kết</p>")


class UploadTitleTests(TestCase):
    def test_image_titles_are_nfc_without_invisible_characters(self):
        from tests.factories import make_image

        image = make_image(title=unicodedata.normalize("NFD", "Lễ hội\u200b  đền Hùng"))
        image.refresh_from_db()
        self.assertEqual(image.title, "Lễ hội đền Hùng")


class BrowserSlugHelperTests(TestCase):
    """The admin's slug widget hands Wagtail's in-browser helper plain ASCII."""

    def test_formatters_leave_only_ascii_and_match_the_server_slug(self):
        import re

        from django.utils.text import slugify as django_slugify

        from toasoan.news.panels import _transliteration_formatters
        from toasoan.text import slugify

        titles = [TITLE, "Ưu tiên ứng dụng kỹ thuật số ở Đắk Lắk", "Lễ hội đền Hùng — Phú Thọ",
                  "THỦY LỢI NỘI ĐỒNG", "Hoà bình, thuỷ chung"]
        for title in titles:
            text = title
            for pattern, replacement in _transliteration_formatters():
                text = re.sub(pattern, replacement, text)
            with self.subTest(title=title):
                self.assertEqual(django_slugify(text), slugify(title))


class DateInputTests(TestCase):
    """Dates typed or picked in the admin are read day first, as Vietnamese write them."""

    def test_dates_and_times_are_day_first(self):
        from datetime import date, datetime

        from django import forms
        from django.utils import translation

        with translation.override("vi"):
            self.assertEqual(forms.DateField().clean("09/01/2026"), date(2026, 1, 9))
            when = forms.DateTimeField().clean("16:04 08/01/2026")
        self.assertEqual((when.day, when.month, when.hour, when.minute), (8, 1, 16, 4))
        self.assertIsInstance(when, datetime)
