"""The article page has the parts of the reference portal page, in its order."""

import re

from django.test import TestCase

from tests.factories import make_article, make_home, make_image, make_section, vn_time


class ArticlePageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = make_home(agency_tag="HNP")
        cls.section = make_section(home, "Xây dựng Đảng")
        other = make_section(home, "Kinh tế")
        image = make_image()
        cls.article = make_article(
            cls.section,
            "Huyện ủy tổng kết công tác xây dựng Đảng năm 2025",
            vn_time(2026, 1, 8, 16, 4),
            lead="Sáng 08/01, Huyện ủy tổ chức hội nghị tổng kết công tác năm 2025.",
            image=image,
            caption="Bí thư Huyện ủy trao giấy khen cho các tập thể",
            credit="Ảnh: Thu Hà",
            authors=("Trần Minh", "Lê Hoa"),
            source="Theo Báo Thử Nghiệm",
            tags=("xây dựng Đảng", "khen thưởng"),
            body=[
                {"type": "text", "value": "<h2>Kết quả nổi bật</h2><p>Đoạn thứ nhất.</p>"},
                {"type": "image", "value": {"image": image.pk, "caption": "Quang cảnh hội nghị",
                                            "credit": ""}},
                {"type": "quote", "value": {"text": "Đoàn kết là sức mạnh.",
                                            "attribution": "Bí thư Huyện ủy"}},
                {"type": "table", "value": {
                    "data": [["Xã", "Đảng viên mới"], ["Tân Hòa", "12"]],
                    "first_row_is_table_header": True, "first_col_is_header": False,
                    "table_caption": "Kết nạp đảng viên theo xã"}},
            ],
        )
        cls.older = [
            make_article(cls.section, f"Bài cũ số {n}", vn_time(2026, 1, n, 9)) for n in (2, 4, 6)
        ]
        cls.newer = [
            make_article(cls.section, f"Bài mới số {n}", vn_time(2026, 1, n, 9))
            for n in (10, 12)
        ]
        cls.unpublished = make_article(
            cls.section, "Bài chưa đăng", vn_time(2026, 1, 11, 9), live=False
        )
        cls.elsewhere = make_article(other, "Bài chuyên mục khác", vn_time(2026, 1, 9, 9))

    def setUp(self):
        self.response = self.client.get(self.article.url)
        self.html = self.response.content.decode()

    def test_serves_the_article(self):
        self.assertEqual(self.response.status_code, 200)
        self.assertEqual(self.response["Content-Type"], "text/html; charset=utf-8")

    def test_title_then_time_in_parentheses_in_vietnam_time(self):
        self.assertRegex(
            self.html,
            r"Huyện ủy tổng kết công tác xây dựng Đảng năm 2025</h1>\s*"
            r'<p class="article-time">\(<time[^>]*>16:04 08/01/2026</time>\)</p>',
        )

    def test_lead_follows_the_agency_tag(self):
        text = re.sub(r"<[^>]+>", "", self.html)
        self.assertIn("HNP - Sáng 08/01, Huyện ủy tổ chức hội nghị", text)

    def test_main_photo_is_a_figure_with_caption_credit_and_modern_formats(self):
        figure = re.search(r'<figure class="article-figure">(.*?)</figure>', self.html, re.S)
        self.assertIsNotNone(figure)
        figure = figure.group(1)
        self.assertIn("<picture>", figure)
        self.assertIn('type="image/avif"', figure)
        self.assertIn('type="image/webp"', figure)
        self.assertIn("srcset=", figure)
        self.assertIn('alt="Bí thư Huyện ủy trao giấy khen cho các tập thể"', figure)
        self.assertIn("Bí thư Huyện ủy trao giấy khen cho các tập thể", figure)
        self.assertIn('<span class="credit">Ảnh: Thu Hà</span>', figure)

    def test_body_blocks(self):
        self.assertIn("<h2>Kết quả nổi bật</h2>", self.html)
        self.assertIn("<figcaption>Quang cảnh hội nghị</figcaption>", self.html)
        self.assertIn("Đoàn kết là sức mạnh.", self.html)
        self.assertIn("— Bí thư Huyện ủy", self.html)
        self.assertIn("<caption>Kết nạp đảng viên theo xã</caption>", self.html)
        self.assertIn("Tân Hòa", self.html)

    def test_byline_after_the_body_then_source(self):
        body_at = self.html.index('class="article-body"')
        byline_at = self.html.index('<p class="byline">Trần Minh - Lê Hoa</p>')
        source_at = self.html.index('<p class="source">Theo Báo Thử Nghiệm</p>')
        self.assertLess(body_at, byline_at)
        self.assertLess(byline_at, source_at)

    def test_tags_link_to_their_listing(self):
        self.assertIn('href="/chu-de/xay-dung-dang/"', self.html)
        listing = self.client.get("/chu-de/xay-dung-dang/")
        self.assertContains(listing, self.article.title)
        self.assertNotContains(listing, "Bài cũ số 2")
        self.assertEqual(self.client.get("/chu-de/khong-co/").status_code, 404)

    def test_view_counter_is_filled_by_a_request_not_by_rendering(self):
        self.assertIn(f'data-url="/api/luot-xem/{self.article.pk}/"', self.html)

    def _list(self, heading):
        section = re.search(rf"<h2[^>]*>{heading}</h2>(.*?)</section>", self.html, re.S)
        self.assertIsNotNone(section, heading)
        return re.findall(r"<a href=\"[^\"]+\">([^<]+)</a>", section.group(1))

    def test_newer_articles_are_the_same_sections_later_ones(self):
        self.assertEqual(self._list("Các bài mới đăng"), ["Bài mới số 12", "Bài mới số 10"])

    def test_older_articles_are_the_same_sections_earlier_ones_newest_first(self):
        self.assertEqual(
            self._list("Các bài đã đăng"), ["Bài cũ số 6", "Bài cũ số 4", "Bài cũ số 2"]
        )

    def test_lists_show_times(self):
        self.assertIn("(09:00 10/01/2026)", self.html)

    def test_unpublished_and_other_sections_stay_out_of_the_lists(self):
        self.assertNotIn("Bài chưa đăng", self.html)
        self.assertNotIn("Bài chuyên mục khác", self.html)

    def test_newest_article_has_no_newer_list(self):
        html = self.client.get(self.newer[-1].url).content.decode()
        self.assertNotIn("Các bài mới đăng", html)
        self.assertIn("Các bài đã đăng", html)

    def test_print_stylesheet(self):
        self.assertRegex(self.html, r'<link rel="stylesheet" href="[^"]*print[^"]*" media="print">')

    def test_unpublished_article_is_not_served(self):
        self.assertEqual(self.client.get(self.unpublished.url or "/x/bai-chua-dang/").status_code,
                         404)
