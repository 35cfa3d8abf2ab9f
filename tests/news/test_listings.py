"""Home, section and tag listings: members, order, pagination, nesting."""

import re

from django.test import TestCase

from tests.factories import make_article, make_home, make_image, make_section, vn_time
from toasoan.news.models import SectionPage


def titles(response):
    return re.findall(r'class="item-title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


class SectionPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home()
        cls.section = make_section(cls.home, "Kinh tế")
        cls.subsection = make_section(cls.section, "Nông thôn mới")
        image = make_image()
        cls.articles = [
            make_article(cls.section, f"Tin kinh tế số {n:02d}", vn_time(2026, 3, 1 + n, 8),
                         image=image)
            for n in range(20)
        ]
        cls.nested = [
            make_article(cls.subsection, f"Tin nông thôn mới số {n}", vn_time(2026, 4, 1 + n, 8))
            for n in range(3)
        ]

    def test_first_page_lists_twenty_newest_first_including_the_subsection(self):
        response = self.client.get(self.section.url)
        self.assertEqual(response.status_code, 200)
        listed = titles(response)
        self.assertEqual(len(listed), 20)
        self.assertEqual(listed[:3], ["Tin nông thôn mới số 2", "Tin nông thôn mới số 1",
                                      "Tin nông thôn mới số 0"])
        self.assertEqual(listed[3], "Tin kinh tế số 19")
        self.assertContains(response, "Trang 1/2")
        self.assertContains(response, 'href="?trang=2"')

    def test_second_page_has_the_rest(self):
        response = self.client.get(self.section.url, {"trang": 2})
        self.assertEqual(titles(response), ["Tin kinh tế số 02", "Tin kinh tế số 01",
                                            "Tin kinh tế số 00"])
        self.assertContains(response, 'rel="prev" href="?trang=1"')

    def test_items_show_thumbnail_time_and_lead(self):
        html = self.client.get(self.section.url).content.decode()
        self.assertIn("<picture>", html)
        self.assertIn("08:00 20/03/2026", html)
        self.assertIn("Sáng nay, huyện tổ chức hội nghị.", html)

    def test_bad_page_numbers_are_404_not_500(self):
        for value in ("abc", "0", "99", "-1", "1.5", "１"):
            with self.subTest(trang=value):
                response = self.client.get(self.section.url, {"trang": value})
                self.assertEqual(response.status_code, 404)
                self.assertContains(response, "Không tìm thấy trang", status_code=404)

    def test_subsection_lists_only_its_own(self):
        self.assertEqual(titles(self.client.get(self.subsection.url)),
                         ["Tin nông thôn mới số 2", "Tin nông thôn mới số 1",
                          "Tin nông thôn mới số 0"])

    def test_sections_nest_one_level_only(self):
        self.assertTrue(SectionPage.can_create_at(self.section))
        self.assertFalse(SectionPage.can_create_at(self.subsection))


class HomePageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = make_home()
        politics = make_section(home, "Chính trị")
        culture = make_section(home, "Văn hóa")
        image = make_image()
        cls.oldest = make_article(politics, "Bài chính trị cũ", vn_time(2026, 2, 1), image=image)
        cls.culture = make_article(culture, "Lễ hội làng", vn_time(2026, 2, 2), image=image)
        cls.newest = make_article(
            politics, "Hội nghị mới nhất", vn_time(2026, 2, 3, 15, 30), image=image,
            lead="Chiều 03/02, hội nghị diễn ra tại hội trường huyện.",
        )

    def setUp(self):
        self.response = self.client.get("/")
        self.html = self.response.content.decode()

    def test_site_name_agency_and_menu(self):
        self.assertContains(self.response, "Cổng thông tin điện tử huyện Thử Nghiệm")
        self.assertContains(self.response, "Ủy ban nhân dân huyện Thử Nghiệm")
        self.assertRegex(self.html, r'(?s)<nav class="main-nav".*Chính trị.*Văn hóa')

    def test_lead_article_is_the_newest_with_its_photo(self):
        lead = re.search(r'<article class="lead-article">(.*?)</article>', self.html, re.S).group(1)
        self.assertIn("Hội nghị mới nhất", lead)
        self.assertIn("<picture>", lead)
        self.assertIn("15:30 03/02/2026", lead)
        self.assertIn("Chiều 03/02, hội nghị", lead)

    def test_latest_list_follows_newest_first(self):
        latest = re.search(r'<section class="latest".*?</section>', self.html, re.S).group(0)
        self.assertLess(latest.index("Lễ hội làng"), latest.index("Bài chính trị cũ"))
        self.assertNotIn("Hội nghị mới nhất", latest)

    def test_each_section_has_its_block(self):
        self.assertRegex(self.html, r'(?s)<section class="section-block".*?Chính trị.*?Hội nghị')
        self.assertRegex(self.html, r'(?s)<section class="section-block".*?Văn hóa.*?Lễ hội làng')

    def test_most_read_is_empty_until_there_are_views(self):
        self.assertContains(self.response, "Đọc nhiều nhất")
        self.assertContains(self.response, "Chưa có số liệu lượt xem")


class ErrorPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_home()

    def test_unknown_url_gets_a_styled_vietnamese_404(self):
        response = self.client.get("/khong-co-trang-nay/")
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, '<html lang="vi">', status_code=404)
        self.assertContains(response, "Không tìm thấy trang", status_code=404)
        self.assertContains(response, "site.css", status_code=404)

    def test_server_error_page_is_vietnamese_and_leaks_nothing(self):
        from django.urls import path

        from toasoan import urls

        def broken(request):
            raise RuntimeError("secret detail /etc/passwd")

        urls.urlpatterns.insert(0, path("hong/", broken))
        try:
            self.client.raise_request_exception = False
            response = self.client.get("/hong/")
        finally:
            urls.urlpatterns.pop(0)
        self.assertEqual(response.status_code, 500)
        self.assertContains(response, "Đã có lỗi xảy ra", status_code=500)
        self.assertNotContains(response, "secret detail", status_code=500)
        self.assertNotContains(response, "Traceback", status_code=500)
